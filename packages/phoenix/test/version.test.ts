import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../src/index.js'

describe('VERSION', () => {
  it('equals package.json (pnpm version-packages keeps them together)', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(VERSION).toBe(manifest.version)
  })
})
