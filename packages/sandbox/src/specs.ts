import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { SandboxVendor } from './types.js'

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, unknown> }

// Inside the repository (from src/ or dist/), the vendored originals in `<repo>/specs/` win, recognised by their
// source.json, so a stale build copy never shadows them. The published package carries copies in `specs/`.
const REPO_SPECS_DIR = '../../../specs/'
const PACKAGE_SPECS_DIR = '../specs/'

const cache = new Map<SandboxVendor, OpenApiDocument>()

/** The vendored OpenAPI document of a vendor, parsed (a fresh deep copy each call: openapi-backend mutates it). */
export function loadSpec(vendor: SandboxVendor): OpenApiDocument {
  let spec = cache.get(vendor)
  if (!spec) {
    spec = parse(readFileSync(findSpecFile(vendor), 'utf8')) as OpenApiDocument
    cache.set(vendor, spec)
  }
  return structuredClone(spec)
}

function findSpecFile(vendor: SandboxVendor): string {
  const inRepo = existsSync(fileURLToPath(new URL(`${REPO_SPECS_DIR}${vendor}/source.json`, import.meta.url)))
  const tried: string[] = []
  for (const dir of inRepo ? [REPO_SPECS_DIR] : [PACKAGE_SPECS_DIR]) {
    const path = fileURLToPath(new URL(`${dir}${vendor}/openapi.yaml`, import.meta.url))
    tried.push(path)
    if (existsSync(path)) return path
  }
  throw new Error(`@evalrun/sandbox: cannot find the ${vendor} OpenAPI spec; looked in ${tried.join(', ')}`)
}
