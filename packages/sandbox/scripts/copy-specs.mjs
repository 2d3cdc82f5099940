// Copies the vendored OpenAPI specs into this package (specs/<vendor>/openapi.yaml) so the published sandbox
// can validate against them; at runtime src/specs.ts looks here first, then in the repository's specs/. The
// vendors are the sandbox's own vendor folders, and the spec folders that are part of one of them (`partOf` in
// their source.json, which is copied as that one field: src/specs.ts merges such parts into the vendor's spec).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
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

const specsDir = fileURLToPath(new URL('../../../specs/', import.meta.url))
for (const entry of readdirSync(specsDir, { withFileTypes: true })) {
  if (!entry.isDirectory() || vendors.includes(entry.name)) continue
  const source = JSON.parse(readFileSync(`${specsDir}${entry.name}/source.json`, 'utf8'))
  if (!vendors.includes(source.partOf?.package)) continue
  const to = fileURLToPath(new URL(`../specs/${entry.name}/`, import.meta.url))
  mkdirSync(to, { recursive: true })
  copyFileSync(`${specsDir}${entry.name}/openapi.yaml`, `${to}openapi.yaml`)
  writeFileSync(`${to}source.json`, `${JSON.stringify({ partOf: source.partOf }, null, 2)}\n`)
}
