import type { CompareSource } from '../../src/core/compare-runs.js'
import type { EvalItem, EvalRun } from '../../src/core/model.js'
import { reportItem, reportRun } from './report-data.js'
import { seededRandom } from './seeded-random.js'

export interface Case {
  key: string
  status: 'passed' | 'failed'
  score: number
}

/** A source serving two runs' items as given. */
export function source(items: Record<string, Case[]>): CompareSource {
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
export function twoRuns(
  keys: number,
  trials: number,
  headFailRate: number,
  seed: number,
): Record<string, Case[]> {
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
export function pairsOf(runs: Record<string, Case[]>, value: (item: Case) => number) {
  const base = runs['datalab:1'] ?? []
  const head = runs['datalab:2'] ?? []
  return base.map((item, i): [number, number] => [value(item), value(head[i] as Case)])
}
