import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, unknown> }

// Inside the repository (from src/ or dist/), the vendored originals in `<repo>/specs/` win, recognised by their
// source.json, so a stale build copy never shadows them. The published package carries copies in `specs/`.
const REPO_SPECS_DIR = '../../../specs/'
const PACKAGE_SPECS_DIR = '../specs/'

const cache = new Map<string, OpenApiDocument>()

/** The vendored OpenAPI document of a vendor, parsed (a fresh deep copy each call: openapi-backend mutates it). */
export function loadSpec(vendor: string): OpenApiDocument {
  let spec = cache.get(vendor)
  if (!spec) {
    spec = parse(readFileSync(findSpecFile(vendor), 'utf8')) as OpenApiDocument
    relaxUntypedNullable(spec)
    numericExclusiveBounds(spec)
    cache.set(vendor, spec)
  }
  return structuredClone(spec)
}

/**
 * `nullable: true` on a schema without a `type` ("any JSON value, or null", as in some vendors' specs): OpenAPI 3.0 gives it no
 * meaning there, and Ajv refuses to compile it. Such a schema already admits null, so the flag is dropped; beside
 * `anyOf`/`oneOf`, null becomes one more alternative. In place.
 */
function relaxUntypedNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) relaxUntypedNullable(child)
    return
  }
  if (typeof node !== 'object' || node === null) return
  const schema = node as Record<string, unknown>
  if (schema.nullable === true && schema.type === undefined && schema.$ref === undefined) {
    delete schema.nullable
    for (const key of ['anyOf', 'oneOf'] as const) {
      if (Array.isArray(schema[key])) (schema[key] as unknown[]).push({ type: 'null' })
    }
  }
  for (const child of Object.values(schema)) relaxUntypedNullable(child)
}

/**
 * OpenAPI 3.0 writes an exclusive bound the JSON Schema draft-04 way, `exclusiveMinimum: true` beside `minimum: 0`
 * (Braintrust's saved-function schemas do); Ajv compiles only the later form, `exclusiveMinimum: 0`. Same meaning,
 * rewritten in place.
 */
function numericExclusiveBounds(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) numericExclusiveBounds(child)
    return
  }
  if (typeof node !== 'object' || node === null) return
  const schema = node as Record<string, unknown>
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof schema[flag] !== 'boolean') continue
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound]
      delete schema[bound]
    } else delete schema[flag]
  }
  for (const child of Object.values(schema)) numericExclusiveBounds(child)
}

function findSpecFile(vendor: string): string {
  const inRepo = existsSync(fileURLToPath(new URL(`${REPO_SPECS_DIR}${vendor}/source.json`, import.meta.url)))
  const tried: string[] = []
  for (const dir of inRepo ? [REPO_SPECS_DIR] : [PACKAGE_SPECS_DIR]) {
    const path = fileURLToPath(new URL(`${dir}${vendor}/openapi.yaml`, import.meta.url))
    tried.push(path)
    if (existsSync(path)) return path
  }
  throw new Error(`@evalrun/sandbox: cannot find the ${vendor} OpenAPI spec; looked in ${tried.join(', ')}`)
}
