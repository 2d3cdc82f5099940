import * as stats from 'evalrun/stats'
import { describe, expect, it } from 'vitest'
import { compareRuns } from '../src/core/compare-runs.js'
import { EvalrunInvalidInputError } from '../src/core/errors.js'
import { type Case, pairsOf, source, twoRuns } from './helpers/paired-runs.js'
import { reportRun } from './helpers/report-data.js'

describe('RunComparison.significance', () => {
  it('is null without stats, as before', async () => {
    const comparison = await compareRuns(source(twoRuns(10, 1, 0, 1)), 'datalab:1', 'datalab:2')
    expect(comparison.significance).toBeNull()
  })

  it('tests the pass rate, the score and each metric on the items both runs have, paired', async () => {
    const runs = twoRuns(200, 1, 0.3, 2)
    const comparison = await compareRuns(source(runs), 'datalab:1', 'datalab:2', { stats })
    const significance = comparison.significance
    const passPairs = pairsOf(runs, (item) => Number(item.status === 'passed'))
    const expected = stats.pairedDifference(passPairs)
    expect(significance?.level).toBe(0.95)
    expect(significance?.passRate).toMatchObject({
      name: 'pass rate',
      estimate: expected.estimate,
      low: expected.low,
      high: expected.high,
      pValue: expected.pValue,
      n: 200,
      verdict: 'regressed',
      mcnemar: stats.mcnemar(passPairs.map(([b, h]) => [b === 1, h === 1])),
    })
    const scores = stats.pairedDifference(pairsOf(runs, (item) => item.score))
    expect(significance?.score).toMatchObject({ name: 'score', estimate: scores.estimate, high: scores.high })
    expect(significance?.score?.verdict).toBe('regressed')
    expect(significance?.metrics.map((metric) => [metric.name, metric.standardError])).toEqual([
      ['accuracy', scores.standardError],
    ])
  })

  it('reads no detectable change, with the effect it could have detected, when nothing moved', async () => {
    const comparison = await compareRuns(source(twoRuns(40, 1, 0, 3)), 'datalab:1', 'datalab:2', {
      stats,
      confidence: 0.9,
    })
    const passRate = comparison.significance?.passRate
    expect(passRate?.verdict).toBe('no detectable change')
    expect(passRate?.level).toBe(0.9)
    expect(passRate?.low).toBeLessThan(0)
    expect(passRate?.high).toBeGreaterThan(0)
    expect(passRate?.minimumDetectableEffect).toBeGreaterThan(0.05)
  })

  it('counts the trials of one case as one cluster, never as independent items', async () => {
    const runs = twoRuns(30, 4, 0.15, 4)
    const comparison = await compareRuns(source(runs), 'datalab:1', 'datalab:2', { stats })
    const passRate = comparison.significance?.passRate
    const clusters = (runs['datalab:1'] ?? []).map((item) => item.key)
    const expected = stats.pairedDifference(
      pairsOf(runs, (item) => Number(item.status === 'passed')),
      { clusters },
    )
    expect(passRate).toMatchObject({
      n: 120,
      clusters: 30,
      degreesOfFreedom: 29,
      method: 'cluster-robust t',
      standardError: expected.standardError,
      pValue: expected.pValue,
    })
    // The item-by-item join still counts each key once.
    const { improved, regressed, unchanged } = comparison.summary
    expect(improved + regressed + unchanged).toBe(30)
  })

  it('rejects a confidence outside 0..1 and stats that are not evalrun/stats, naming the option', async () => {
    const runs = source(twoRuns(5, 1, 0, 5))
    await expect(
      compareRuns(runs, 'datalab:1', 'datalab:2', { stats, confidence: 95 }),
    ).rejects.toMatchObject({
      field: 'options.confidence',
    })
    await expect(
      compareRuns(runs, 'datalab:1', 'datalab:2', { stats: {} as typeof stats }),
    ).rejects.toBeInstanceOf(EvalrunInvalidInputError)
  })

  it('judgeDrop fails a drop beyond the tolerance with confidence, and the strict reading unless within it', async () => {
    const runs = twoRuns(200, 1, 0.3, 6)
    const comparison = await compareRuns(source(runs), 'datalab:1', 'datalab:2', { stats })
    const passRate = comparison.significance?.passRate
    if (!passRate) throw new Error('no pass rate test')
    const beyond = -passRate.high - 0.01
    expect(stats.judgeDrop(comparison, { maxDrop: beyond })).toMatchObject({
      passed: false,
      measure: 'pass rate',
    })
    expect(stats.judgeDrop(comparison, { maxDrop: -passRate.high + 0.01 }).passed).toBe(true)
    const loose = -passRate.low + 0.01
    expect(stats.judgeDrop(comparison, { maxDrop: loose, nonInferiority: true }).passed).toBe(true)
    expect(stats.judgeDrop(comparison, { maxDrop: loose - 0.02, nonInferiority: true }).passed).toBe(false)
    expect(stats.judgeDrop({ ...comparison, complete: false }, { maxDrop: 1 }).passed).toBe(false)
    expect(() => stats.judgeDrop({ ...comparison, significance: null }, { maxDrop: 0.1 })).toThrow(
      EvalrunInvalidInputError,
    )
  })

  it('itemStats gives the Wilson interval of the verdicts and clustered score intervals when keys repeat', async () => {
    const runs = twoRuns(20, 3, 0, 7)
    const items = source(runs).results(reportRun('1'), new AbortController().signal, () => {})
    const result = await stats.itemStats(items)
    const base = runs['datalab:1'] ?? []
    const passed = base.filter((item) => item.status === 'passed').length
    expect(result.n).toBe(60)
    expect(result.passRate).toEqual(stats.wilsonInterval(passed, 60))
    const expected = stats.meanInterval(
      base.map((item) => item.score),
      { clusters: base.map((item) => item.key) },
    )
    expect(result.score).toMatchObject({ clusters: 20, standardError: expected.standardError })
    expect(result.metrics.map((metric) => metric.name)).toEqual(['accuracy'])
  })

  it("reproduces docs/verdict.md's worked example", async () => {
    // 120 cases: 14 pass → fail, 8 fail → pass, 89 pass in both, 9 fail in both (base 103 passed, head 97).
    const flips = (i: number): [Case['status'], Case['status']] =>
      i < 14
        ? ['passed', 'failed']
        : i < 22
          ? ['failed', 'passed']
          : i < 111
            ? ['passed', 'passed']
            : ['failed', 'failed']
    const side = (which: 0 | 1) =>
      Array.from({ length: 120 }, (_, i): Case => ({ key: `case-${i}`, status: flips(i)[which], score: 0.5 }))
    const runs = { 'datalab:1': side(0), 'datalab:2': side(1) }
    const comparison = await compareRuns(source(runs), 'datalab:1', 'datalab:2', { stats })
    const passRate = comparison.significance?.passRate
    expect(passRate?.estimate).toBeCloseTo(-0.05, 12)
    expect(passRate?.low).toBeCloseTo(-0.127, 3)
    expect(passRate?.high).toBeCloseTo(0.027, 3)
    expect(passRate?.pValue).toBeCloseTo(0.2, 2)
    expect(passRate?.mcnemar.pValue).toBeCloseTo(0.29, 2)
    expect(passRate?.minimumDetectableEffect).toBeCloseTo(0.11, 2)
    expect(passRate?.verdict).toBe('no detectable change')
    expect(stats.judgeDrop(comparison, { maxDrop: 0.02 }).passed).toBe(true)
    expect(stats.judgeDrop(comparison, { maxDrop: 0.02, nonInferiority: true }).passed).toBe(false)
  })
})
