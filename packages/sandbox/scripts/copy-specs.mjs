// Copies the vendored OpenAPI specs into this package (specs/<vendor>/openapi.yaml) so the published sandbox
// can validate against them; at runtime src/specs.ts looks here first, then in the repository's specs/.
import { copyFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

for (const vendor of ['datalab', 'promptlayer', 'humanloop']) {
  const from = fileURLToPath(new URL(`../../../specs/${vendor}/openapi.yaml`, import.meta.url))
  const to = fileURLToPath(new URL(`../specs/${vendor}/openapi.yaml`, import.meta.url))
  mkdirSync(fileURLToPath(new URL(`../specs/${vendor}/`, import.meta.url)), { recursive: true })
  copyFileSync(from, to)
}
