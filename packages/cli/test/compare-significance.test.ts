import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { createEvalrun, type EvalRun, type RunComparison } from 'evalrun'
import type { MeasureSignificance } from 'evalrun/stats'
import * as stats from 'evalrun/stats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'

let sb: Sandbox
let env: Record<string, string>
/** Consecutive completed runs of one suite, oldest first, compared with significance by the library. */
let pairs: Array<{ base: EvalRun; head: EvalRun; comparison: RunComparison }>

beforeAll(async () => {
  sb = await startSandbox({ seed: 3, runs: 18, suites: 2, clock: 'manual' })
  env = { ...sb.env, NO_COLOR: '1' }
  const evalrun = createEvalrun({ ...sb.clientOptions, onWarning: () => {} })
  const bySuite = new Map<string, EvalRun[]>()
  for await (const run of evalrun.runs.list({ status: ['completed'] })) {
    bySuite.set(run.suite.ref, [...(bySuite.get(run.suite.ref) ?? []), run])
  }
  pairs = []
  for (const runs of bySuite.values()) {
    runs.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0))
    for (let i = 1; i < runs.length; i++) {
      const [base, head] = [runs[i - 1] as EvalRun, runs[i] as EvalRun]
      pairs.push({ base, head, comparison: await evalrun.runs.compare(base, head, { stats }) })
    }
  }
})
afterAll(() => sb.close())

/** The measure `--max-drop` judges: the pass rate, else the normalised score. */
const gated = (comparison: RunComparison): MeasureSignificance | null =>
  comparison.significance?.passRate ?? comparison.significance?.score ?? null

function pairWhere(test: (measure: MeasureSignificance) => boolean) {
  const pair = pairs.find((p) => {
    const measure = gated(p.comparison)
    return measure !== null && test(measure)
  })
  if (!pair) throw new Error('the seeded sandbox has no such pair')
  return { ...pair, measure: gated(pair.comparison) as MeasureSignificance }
}

const compare = (pair: { base: EvalRun; head: EvalRun }, ...flags: string[]) =>
  cli(['runs', 'compare', pair.base.ref, pair.head.ref, ...flags], env)

describe('evalrun runs compare: significance and --max-drop', () => {
  it('prints each measure with its interval, n, p-value and detectable effect, and --json carries them', async () => {
    const pair = pairWhere((measure) => measure.name === 'pass rate' && measure.n >= 20)
    const text = await compare(pair)
    expect(text.exitCode).toBe(0)
    expect(text.stdout).toMatch(/MEASURE\s+BASE\s+HEAD\s+CHANGE\s+95% CI\s+N\s+P\s+DETECTABLE\s+VERDICT/)
    const row = text.stdout.split('\n').find((line) => line.startsWith('pass rate '))
    expect(row).toContain(`${pair.measure.n} `)
    expect(row).toContain('McNemar')
    expect(row).toContain(pair.measure.verdict)
    const json = await compare(pair, '--json', '--confidence', '0.9')
    const significance = JSON.parse(json.stdout).significance
    expect(significance.level).toBe(0.9)
    expect(significance.passRate.n).toBe(pair.measure.n)
    expect(significance.passRate.high - significance.passRate.low).toBeLessThan(
      pair.measure.high - pair.measure.low,
    )
  })

  it('--junit and --summary carry the tests of the gated measure, --max-drop the verdict', async () => {
    const pair = pairWhere((measure) => measure.name === 'pass rate')
    const dir = mkdtempSync(join(tmpdir(), 'evalrun-significance-'))
    try {
      const [junit, summary] = [join(dir, 'junit.xml'), join(dir, 'summary.md')]
      const result = await compare(pair, '--max-drop', '1', '--junit', junit, '--summary', summary)
      expect(result.exitCode).toBe(0)
      const xml = readFileSync(junit, 'utf8')
      expect(xml).toContain(`<property name="significance.passRate.pValue" value="${pair.measure.pValue}"/>`)
      expect(xml).toContain(
        `<property name="significance.passRate.verdict" value="${pair.measure.verdict}"/>`,
      )
      const markdown = readFileSync(summary, 'utf8')
      expect(markdown).toMatch(
        new RegExp(`^\\| pass rate \\| .* \\| ${pair.measure.n} \\| paired t p = `, 'm'),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('exits 1 when the drop is beyond d with that confidence, and says which measure', async () => {
    const pair = pairWhere((measure) => measure.high < -0.01)
    const beyond = Math.floor(-pair.measure.high * 100) / 100
    const failed = await compare(pair, '--max-drop', String(beyond))
    expect(failed.exitCode).toBe(1)
    expect(failed.stdout).toMatch(new RegExp(`✗ --max-drop: ${pair.measure.name} −`))
    expect(failed.stdout).toContain(`dropped by more than ${beyond} with 95% confidence`)
    const within = await compare(pair, '--max-drop', String(-pair.measure.high + 0.01))
    expect(within.exitCode).toBe(0)
    expect(within.stdout).toContain('✓ --max-drop:')
  })

  it('--non-inferiority exits 1 unless the lower bound is at least −d', async () => {
    const pair = pairWhere((measure) => measure.low < -0.05 && measure.high >= 0)
    // No detectable drop: the default reading passes, the strict one needs d past the lower bound.
    const tight = String(Math.floor((-pair.measure.low - 0.02) * 100) / 100)
    expect((await compare(pair, '--max-drop', tight)).exitCode).toBe(0)
    const strict = await compare(pair, '--max-drop', tight, '--non-inferiority')
    expect(strict.exitCode).toBe(1)
    expect(strict.stdout).toContain('not shown to be within')
    const loose = String(Math.ceil((-pair.measure.low + 0.01) * 100) / 100)
    expect((await compare(pair, '--max-drop', loose, '--non-inferiority')).exitCode).toBe(0)
  })

  it('exits 2 when neither the pass rate nor the score can be tested, and on flags that do not parse', async () => {
    const untestable = pairs.find((p) => gated(p.comparison) === null)
    if (!untestable) throw new Error('the seeded sandbox has no untestable pair')
    const result = await compare(untestable, '--max-drop', '0.02')
    expect(result.exitCode).toBe(2)
    expect(result.stdout).toContain('neither the pass rate')
    const pair = pairs[0] as (typeof pairs)[number]
    expect((await compare(pair, '--non-inferiority')).exitCode).toBe(2)
    expect((await compare(pair, '--max-drop', '2')).exitCode).toBe(2)
    expect((await compare(pair, '--max-drop', '0.1', '--confidence', '95')).exitCode).toBe(2)
  })
})

describe('evalrun runs get and runs wait', () => {
  it("prints a finished run's pass rate with its Wilson interval and n", async () => {
    const pair = pairWhere((measure) => measure.name === 'pass rate')
    const result = await cli(['runs', 'get', pair.head.ref], env)
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^pass rate \d\.\d\d, 95% CI \d\.\d\d–\d\.\d\d, n = \d+$/m)
  })

  it('runs wait prints them under the verdict, and --json carries them', async () => {
    const pair = pairWhere((measure) => measure.name === 'pass rate')
    const text = await cli(['runs', 'wait', pair.head.ref], env)
    expect(text.exitCode).toBe(0)
    expect(text.stdout).toMatch(/^ {4}pass rate \d\.\d\d, 95% CI \d\.\d\d–\d\.\d\d, n = \d+$/m)
    const json = JSON.parse((await cli(['runs', 'wait', pair.head.ref, '--json'], env)).stdout)
    expect(json.stats).toMatchObject({ ref: pair.head.ref, complete: true, passRate: { method: 'wilson' } })
  })
})
