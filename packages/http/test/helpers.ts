import type { VendorDefinition } from '../src/index.js'

export const testVendor: VendorDefinition = {
  id: 'acme',
  displayName: 'Acme',
  packageName: '@evalrun/acme',
  packageVersion: '1.2.3',
  factoryName: 'createAcmeClient',
  defaultBaseUrl: 'https://api.acme.test/v5',
  apiKeyHeader: 'X-API-KEY',
  apiKeyEnv: 'ACME_API_KEY',
  baseUrlEnv: 'ACME_BASE_URL',
}

/** A recognisable fake key: tests assert it never shows up where it should not. */
export const FAKE_KEY = 'sk-evalrun-FAKE-9f3c2a7d'

export interface Thing {
  id: string
  name: string
}
export interface Problem {
  detail: string
}

/** A tiny hand-written `paths` type in openapi-typescript's shape. */
export interface TestPaths {
  '/things': {
    get: {
      parameters: { query?: { page?: number; tag?: string[] } }
      responses: {
        200: { content: { 'application/json': { items: Thing[] } } }
        422: { content: { 'application/json': Problem } }
      }
    }
    post: {
      requestBody: { content: { 'application/json': { name: string } } }
      responses: {
        200: { content: { 'application/json': Thing } }
        422: { content: { 'application/json': Problem } }
      }
    }
  }
  '/things/{id}': {
    get: {
      parameters: { path: { id: string } }
      responses: {
        200: { content: { 'application/json': Thing } }
        404: { content: { 'application/json': Problem } }
      }
    }
  }
}

export function connectionError(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) })
}
