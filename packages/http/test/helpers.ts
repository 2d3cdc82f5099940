import { eventStreams, type VendorDefinition } from '../src/index.js'

export const testVendor: VendorDefinition = {
  id: 'acme',
  displayName: 'Acme',
  packageName: '@evalrun/acme',
  packageVersion: '1.2.3',
  factoryName: 'createAcmeClient',
  defaultBaseUrl: 'https://api.acme.test/v5',
  baseUrlEnv: 'ACME_BASE_URL',
  auth: { scheme: 'api-key-header', header: 'X-API-KEY', apiKeyEnv: 'ACME_API_KEY' },
}

/** The same fake vendor, taking its key as a bearer token (as OpenAI and Braintrust do) and streaming as Braintrust does. */
export const bearerVendor: VendorDefinition = {
  ...testVendor,
  auth: { scheme: 'bearer', apiKeyEnv: 'ACME_API_KEY' },
  eventStreams,
}

/** The same fake vendor, taking two credentials over HTTP basic auth (as Langfuse does). */
export const basicVendor: VendorDefinition = {
  ...testVendor,
  auth: { scheme: 'basic', publicKeyEnv: 'ACME_PUBLIC_KEY', secretKeyEnv: 'ACME_SECRET_KEY' },
}

/** A recognisable fake key: tests assert it never shows up where it should not. */
export const FAKE_KEY = 'sk-evalrun-FAKE-9f3c2a7d'
export const FAKE_PUBLIC_KEY = 'pk-evalrun-FAKE-41be0c93'

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
