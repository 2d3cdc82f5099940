import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, unknown> }

// Inside the repository (from src/ or dist/), the vendored originals in `<repo>/specs/` win, recognised by their
// source.json, so a stale build copy never shadows them. The published package carries copies in `specs/`.
const REPO_SPECS_DIR = '../../../specs/'
const PACKAGE_SPECS_DIR = '../specs/'

const cache = new Map<string, OpenApiDocument>()

/**
 * The vendored OpenAPI document of a vendor, parsed (a fresh deep copy each call: openapi-backend mutates it), with
 * the spec folders that are `partOf` the vendor's package merged in (PromptLayer's Tables API beside its legacy
 * endpoints): one client, so one served API.
 */
export function loadSpec(vendor: string): OpenApiDocument {
  let spec = cache.get(vendor)
  if (!spec) {
    spec = parse(readFileSync(findSpecFile(vendor), 'utf8')) as OpenApiDocument
    for (const part of specPartsOf(vendor))
      mergePart(spec, part, parse(readFileSync(findSpecFile(part), 'utf8')))
    relaxUntypedNullable(spec)
    numericExclusiveBounds(spec)
    cache.set(vendor, spec)
  }
  return structuredClone(spec)
}

/** The spec folders beside `vendor`'s whose source.json says they are part of its package. */
function specPartsOf(vendor: string): string[] {
  const dir = specsDir(vendor)
  return readdirSync(fileURLToPath(dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== vendor)
    .map((entry) => entry.name)
    .filter((name) => {
      const source = fileURLToPath(new URL(`${dir}${name}/source.json`))
      if (!existsSync(source)) return false
      const partOf = (JSON.parse(readFileSync(source, 'utf8')) as { partOf?: { package?: string } }).partOf
      return partOf?.package === vendor
    })
    .sort()
}

/**
 * Adds `part`'s paths to `base`, its components renamed `<part>.<Name>` (both may have an `ErrorResponse`, each
 * its own) with every `$ref` to them rewritten, and its top-level security copied onto its operations.
 */
function mergePart(base: OpenApiDocument, name: string, part: OpenApiDocument): void {
  const renamed = JSON.parse(
    JSON.stringify(part).replace(/"#\/components\/(\w+)\/([^"]+)"/g, `"#/components/$1/${name}.$2"`),
  ) as OpenApiDocument & { components?: Record<string, Record<string, unknown>>; security?: unknown }
  const holder = base as { components?: Record<string, Record<string, unknown>> }
  holder.components ??= {}
  const baseComponents = holder.components
  for (const [kind, entries] of Object.entries(renamed.components ?? {})) {
    baseComponents[kind] ??= {}
    const into = baseComponents[kind]
    for (const [key, value] of Object.entries(entries)) {
      // Security schemes are named by requirements, not by $ref: keep the base's when both have one.
      const target = kind === 'securitySchemes' ? key : `${name}.${key}`
      if (!(target in into)) into[target] = value
    }
  }
  for (const [path, item] of Object.entries(renamed.paths)) {
    for (const operation of Object.values(item as Record<string, Record<string, unknown>>)) {
      if (typeof operation === 'object' && operation !== null && 'responses' in operation)
        operation.security ??= renamed.security
    }
    base.paths[path] = item
  }
}

function specsDir(vendor: string): string {
  const inRepo = existsSync(fileURLToPath(new URL(`${REPO_SPECS_DIR}${vendor}/source.json`, import.meta.url)))
  return new URL(inRepo ? REPO_SPECS_DIR : PACKAGE_SPECS_DIR, import.meta.url).href
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
