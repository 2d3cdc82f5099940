import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ seed: 3, runs: 6, suites: 1, clock: { speed: 60 } })
})
afterAll(() => sb.close())

describe('runs get and runs list show what the gate compares', () => {
  it('PromptLayer: the score with its 0..100 scale and its normalised value, never a bare 50', async () => {
    const shown = await cli(['runs', 'get', 'promptlayer:7'], { ...sb.env, NO_COLOR: '1' })
    expect(shown.exitCode).toBe(0)
    expect(shown.stdout).toMatch(/^score {6}50 \(0\.\.100\) = 0\.50$/m)
    expect(shown.stdout).toMatch(/^scale {6}0\.\.100 \(declared by the vendor\)$/m)
    expect(shown.stdout).toMatch(/^normalised 0\.500$/m)
    expect(shown.stdout).toMatch(/^pass rate {2}(—|0\.\d{3}|1\.000)$/m)
    const [json] = jsonLines((await cli(['runs', 'get', 'promptlayer:7', '--json'], sb.env)).stdout)
    expect(json).toMatchObject({
      score: 50,
      scoreScale: { min: 0, max: 100, source: 'declared' },
      normalizedScore: 0.5,
    })
    expect(json).toHaveProperty('passRate')
  })

  it('Datalab: "no scale" and no normalised value, said as such', async () => {
    const shown = await cli(['runs', 'get', 'datalab:6'], { ...sb.env, NO_COLOR: '1' })
    expect(shown.stdout).toMatch(/^score {6}0\.753 \(no scale\)$/m)
    expect(shown.stdout).toMatch(/^scale {6}no scale \(datalab declares none for this score\)$/m)
    expect(shown.stdout).toMatch(/^normalised —$/m)
  })

  it('the table has the score on its scale and the pass rate', async () => {
    const table = await cli(['runs', 'list', '--vendor', 'promptlayer,datalab'], { ...sb.env, NO_COLOR: '1' })
    expect(table.exitCode).toBe(0)
    const lines = table.stdout.trimEnd().split('\n')
    const passColumn = lines[0]?.indexOf('PASS-RATE') ?? -1
    const promptlayer = lines.find((line) => line.startsWith('promptlayer:7 '))
    expect(promptlayer).toContain(' 50 (0..100) = 0.50 ')
    expect(promptlayer?.slice(passColumn)).toMatch(/^(—|\d\.\d{3}) /)
    expect(lines.find((line) => line.startsWith('datalab:6 '))).toContain(' 0.753 (no scale) ')
    const listed = jsonLines(
      (await cli(['runs', 'list', '--vendor', 'promptlayer', '--json'], sb.env)).stdout,
    )
    for (const run of listed)
      expect(Object.keys(run)).toEqual(expect.arrayContaining(['scoreScale', 'normalizedScore', 'passRate']))
  })
})

describe('--quiet', () => {
  it('runs wait prints the verdict only: no progress, no intervals', async () => {
    const loud = await cli(['runs', 'wait', 'promptlayer:7', '--min-score', '0.4'], sb.env)
    expect(loud.stdout.split('\n').length).toBeGreaterThan(2)
    const quiet = await cli(['runs', 'wait', 'promptlayer:7', '--min-score', '0.4', '--quiet'], sb.env)
    expect(quiet.exitCode).toBe(0)
    expect(quiet.stdout).toBe('✓ promptlayer:7 completed, score 50 of 0..100 (0.500)\n')
    expect(quiet.stderr).toBe('')
  })

  it('runs compare prints the gate line only; errors still show', async () => {
    const quiet = await cli(
      ['-q', 'runs', 'compare', 'promptlayer:6', 'promptlayer:7', '--fail-on-regression', '1000'],
      sb.env,
    )
    expect(quiet.exitCode).toBe(0)
    expect(quiet.stdout).toBe('')
    const broken = await cli(['-q', 'runs', 'get', 'nope'], sb.env)
    expect(broken.exitCode).toBe(2)
    expect(broken.stderr).toMatch(/^evalrun: /)
  })
})
