import * as stats from 'evalrun/stats'
import { describe, expect, it } from 'vitest'
import { type CompareSource, compareRuns } from '../src/core/compare-runs.js'
import { EvalrunInvalidInputError } from '../src/core/errors.js'
import type { EvalItem, EvalRun } from '../src/core/model.js'
import { reportItem, reportRun } from './helpers/report-data.js'
import { seededRandom } from './helpers/seeded-random.js'

interface Case {
  key: string
  status: 'passed' | 'failed'
  score: number
}

/** A source serving two runs' items as given. */
function source(items: Record<string, Case[]>): CompareSource {
  const runs: Record<string, EvalRun> = { 'datalab:1': reportRun('1'), 'datalab:2': reportRun('2') }
  return {
    vendorOf: () => 'datalab',
    get: async (ref) => runs[ref as string] as EvalRun,
    async *results(run) {
      const ref = (run as EvalRun).ref
      for (const [i, item] of (items[ref] ?? []).entries()) {
        yield reportItem(`${ref}-${i}`, {
          key: item.key,
          status: item.status,
          judgements: [
            {
              name: 'accuracy',
              kind: 'numeric',
              value: item.score,
              scale: { min: 0, max: 1, source: 'declared' },
              passed: null,
            },
          ],
        }) as EvalItem
      }
    },
  }
}

/** Two runs of `keys` cases, `trials` items per case; the head run's items fail with `headFailRate`. */
function twoRuns(keys: number, trials: number, headFailRate: number, seed: number): Record<string, Case[]> {
  const uniform = seededRandom(seed)
  const base: Case[] = []
  const head: Case[] = []
  for (let k = 0; k < keys; k++) {
    const difficulty = uniform() * 0.2
    for (let t = 0; t < trials; t++) {
      const b = uniform() > difficulty
      const h = uniform() > difficulty + headFailRate
      base.push({
        key: `case-${k}`,
        status: b ? 'passed' : 'failed',
        score: b ? 0.6 + uniform() * 0.4 : uniform() * 0.5,
      })
      head.push({
        key: `case-${k}`,
        status: h ? 'passed' : 'failed',
        score: h ? 0.6 + uniform() * 0.4 : uniform() * 0.5,
      })
    }
  }
  return { 'datalab:1': base, 'datalab:2': head }
}

/** The pairs the comparison should test, taken from the cases themselves. */
function pairsOf(runs: Record<string, Case[]>, value: (item: Case) => number) {
  const base = runs['datalab:1'] ?? []
  const head = runs['datalab:2'] ?? []
  return base.map((item, i): [number, number] => [value(item), value(head[i] as Case)])
}

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
})
