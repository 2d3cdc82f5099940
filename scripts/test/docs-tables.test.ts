import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_VENDORS } from '../../packages/evalrun/src/vendors/index.js'
import { applyTables, renderTables, TABLES_FILE } from '../lib/docs-tables.js'
import { repoRoot } from '../lib/vendors.js'

describe('pnpm docs:tables', () => {
  it('docs/vendors.md holds the tables the code gives (run pnpm docs:tables when this fails)', async () => {
    const current = readFileSync(join(repoRoot, TABLES_FILE), 'utf8')
    expect(applyTables(current, await renderTables())).toBe(current)
  })

  it('names every built-in vendor in each table', async () => {
    for (const table of Object.values(await renderTables())) {
      for (const vendor of BUILT_IN_VENDORS) expect(table).toContain(vendor.displayName)
    }
  })

  it('replaces only what lies between the markers, and fails on a lost marker', () => {
    const text = 'before\n<!-- generated:a -->\nold\n<!-- /generated:a -->\nafter\n'
    expect(applyTables(text, { a: 'new' })).toBe(
      'before\n<!-- generated:a -->\nnew\n<!-- /generated:a -->\nafter\n',
    )
    expect(() => applyTables('no markers', { a: 'new' })).toThrow(/generated:a/)
  })
})
