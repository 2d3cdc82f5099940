import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { formatBytes } from '../lib/budgets.js'
import { measureBundle } from '../lib/bundle-size.js'
import { measureInstall } from '../lib/install-footprint.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'evalrun-footprint-'))
  made.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('measureInstall', () => {
  it('counts top-level, scoped and nested packages and their bytes, but not npm bookkeeping or links', () => {
    const root = tree({
      'node_modules/.package-lock.json': 'x'.repeat(1000),
      'node_modules/a/package.json': '12345',
      'node_modules/a/node_modules/b/package.json': '123',
      'node_modules/@scope/c/package.json': '1',
      'node_modules/@scope/c/dist/index.js': '1234567890',
    })
    mkdirSync(join(root, 'node_modules', '.bin'))
    symlinkSync(join(root, 'node_modules', 'a', 'package.json'), join(root, 'node_modules', '.bin', 'a'))
    symlinkSync(join(root, 'node_modules', 'a'), join(root, 'node_modules', '@scope', 'c', 'link-to-a'))

    expect(measureInstall(root)).toEqual({
      bytes: 5 + 3 + 1 + 10,
      packages: 3,
      names: ['@scope/c', 'a', 'b'],
    })
  })

  it('is empty for a project with nothing installed', () => {
    expect(measureInstall(tree({ 'package.json': '{}' }))).toEqual({ bytes: 0, packages: 0, names: [] })
  })
})

describe('measureBundle', () => {
  it('bundles for the browser, shakes out what is unused, and gzips smaller than it minifies', async () => {
    const root = tree({
      'lib.js': `export const used = () => '${'kept '.repeat(100)}'\nexport const unused = () => '${'dropped '.repeat(100)}'`,
    })
    const one = await measureBundle("import { used } from './lib.js'; console.log(used())", root)
    const both = await measureBundle("export * from './lib.js'", root)
    expect(one.minified).toBeLessThan(both.minified - 700)
    expect(one.gzip).toBeLessThan(one.minified)
  })

  it('fails on a Node built-in, which a browser does not have', async () => {
    await expect(measureBundle("import 'node:fs'", tree({}))).rejects.toThrow(/node:fs/)
  })
})

describe('formatBytes', () => {
  it('uses decimal units, as the budgets are written', () => {
    expect([formatBytes(999), formatBytes(5_000), formatBytes(1_590_000)]).toEqual([
      '999 B',
      '5.00 kB',
      '1.59 MB',
    ])
  })
})
