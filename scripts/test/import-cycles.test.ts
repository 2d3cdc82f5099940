import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CYCLE_CHECKED_FOLDERS, importCycles } from '../lib/import-cycles.js'

describe('import circles (pnpm check:cycles)', () => {
  it('the checked folders have none', () => {
    expect(CYCLE_CHECKED_FOLDERS).toContain('packages/evalrun/src')
    expect(importCycles()).toEqual([])
  })

  const root = mkdtempSync(join(tmpdir(), 'evalrun-cycles-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('finds a circle made of type-only imports and re-exports, through a tsconfig path', () => {
    mkdirSync(join(root, 'src', 'core'), { recursive: true })
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { moduleResolution: 'bundler', paths: { lib: ['./src/lib.ts'] } } }),
    )
    writeFileSync(join(root, 'src', 'core', 'model.ts'), "import type { Extra } from '../vendor.js'\n")
    writeFileSync(join(root, 'src', 'vendor.ts'), "export type { Model } from 'lib'\n")
    writeFileSync(join(root, 'src', 'lib.ts'), "export * from './core/model.js'\n")
    writeFileSync(join(root, 'src', 'alone.ts'), "import { x } from './vendor.js'\n")
    expect(importCycles(['src'], root)).toEqual([
      ['src/core/model.ts', 'src/vendor.ts', 'src/lib.ts', 'src/core/model.ts'],
    ])
  })
})
