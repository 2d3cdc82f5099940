import { describe, expect, it } from 'vitest'
import { cli } from './helpers.js'

describe('an unknown --flag=value', () => {
  it('is named without its value, which may be a key given to a misspelt key flag', async () => {
    const result = await cli(['--datalab-apikey=sk-secret-value', 'runs', 'list'], {})
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain("unknown option '--datalab-apikey=…'")
    expect(result.stderr).not.toContain('sk-secret-value')
  })
})
