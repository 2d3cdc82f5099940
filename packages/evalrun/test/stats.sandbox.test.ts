import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import * as stats from 'evalrun/stats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvalrun, type EvalRun, type Evalrun } from '../src/index.js'

/** Pairs of completed runs of one suite, older first, from every vendor of the sandbox. */
async function runPairs(evalrun: Evalrun): Promise<[EvalRun, EvalRun][]> {
  const bySuite = new Map<string, EvalRun[]>()
  for await (const run of evalrun.runs.list({ status: ['completed'] })) {
    bySuite.set(run.suite.ref, [...(bySuite.get(run.suite.ref) ?? []), run])
  }
  return [...bySuite.values()]
    .filter((runs) => runs.length >= 2)
    .map((runs) => {
      const [a, b] = runs.sort((x, y) => (x.createdAt?.getTime() ?? 0) - (y.createdAt?.getTime() ?? 0))
      return [a, b] as [EvalRun, EvalRun]
    })
}

describe('significance and intervals against the sandbox', () => {
  let sandbox: Sandbox
  let evalrun: Evalrun
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 42, suites: 2, runs: 6, clock: 'manual' })
    evalrun = createEvalrun({ ...sandbox.clientOptions, onWarning: () => {} })
  })
  afterAll(() => sandbox.close())

  it('gives every vendor pair whose items carry verdicts or scores on a known scale a paired test', async () => {
    const pairs = await runPairs(evalrun)
    const tested = new Set<string>()
    for (const [base, head] of pairs) {
      const { significance } = await evalrun.runs.compare(base, head, { stats })
      expect(significance?.level).toBe(0.95)
      for (const test of [significance?.passRate, significance?.score, ...(significance?.metrics ?? [])]) {
        if (test == null) continue
        tested.add(base.vendor)
        expect(test.low).toBeLessThanOrEqual(test.estimate)
        expect(test.high).toBeGreaterThanOrEqual(test.estimate)
        expect(test.estimate).toBeCloseTo(test.headMean - test.baseMean, 12)
        expect(test.verdict).toBe(
          test.high < 0 ? 'regressed' : test.low > 0 ? 'improved' : 'no detectable change',
        )
        expect(test.pValue).toBeGreaterThanOrEqual(0)
        expect(test.pValue).toBeLessThanOrEqual(1)
      }
    }
    // Every vendor of the sandbox scores or judges its items on a known scale, but Datalab: its scores have no
    // scale and its items no verdict, so nothing of it can be tested (and nothing is claimed).
    const vendors = new Set(pairs.map(([base]) => base.vendor))
    vendors.delete('datalab')
    expect([...tested].sort()).toEqual([...vendors].sort())
    expect(tested.has('datalab')).toBe(false)
  })

  it('runs.stats gives the Wilson interval of the verdicts its items carry', async () => {
    const [[, run] = []] = (await runPairs(evalrun)).filter(([base]) => base.vendor === 'promptlayer')
    if (run === undefined) throw new Error('the sandbox has no PromptLayer pair')
    const items = await collect(evalrun.runs.results(run))
    const passed = items.filter((item) => item.status === 'passed').length
    const judged = passed + items.filter((item) => item.status === 'failed').length
    const result = await evalrun.runs.stats(run, { stats })
    expect(result).toMatchObject({ ref: run.ref, n: items.length, complete: true })
    expect(result.passRate).toEqual(judged === 0 ? null : stats.wilsonInterval(passed, judged))
  })
})
