// Copies the vendored OpenAPI specs into this package (specs/<vendor>/openapi.yaml) so the published sandbox
// can validate against them; at runtime src/specs.ts looks here first, then in the repository's specs/. The
// vendors are the sandbox's own vendor folders.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const vendorsDir = fileURLToPath(new URL('../src/vendors/', import.meta.url))
const vendors = readdirSync(vendorsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
for (const vendor of vendors) {
  const from = fileURLToPath(new URL(`../../../specs/${vendor}/openapi.yaml`, import.meta.url))
  const to = fileURLToPath(new URL(`../specs/${vendor}/openapi.yaml`, import.meta.url))
  mkdirSync(fileURLToPath(new URL(`../specs/${vendor}/`, import.meta.url)), { recursive: true })
  copyFileSync(from, to)
}
