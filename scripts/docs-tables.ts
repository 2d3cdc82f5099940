/**
 * `pnpm docs:tables`: writes the generated tables of docs/vendors.md (vendors, statuses, scales) from the vendor
 * descriptions and mappers. `--check` writes nothing and exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyTables, renderTables, TABLES_FILE } from './lib/docs-tables.js'
import { repoRoot } from './lib/vendors.js'

const check = process.argv.includes('--check')
const path = join(repoRoot, TABLES_FILE)
const current = readFileSync(path, 'utf8')
const next = applyTables(current, await renderTables())

if (next === current) {
  console.log(`docs:tables: ${TABLES_FILE} is up to date`)
} else if (check) {
  console.error(`docs:tables: ${TABLES_FILE} is stale; run pnpm docs:tables`)
  process.exitCode = 1
} else {
  writeFileSync(path, next)
  console.log(`docs:tables: wrote ${TABLES_FILE}`)
}
