import type { MetricInput } from '../../core/finish-run.js'
import type { ScoreScale } from '../../core/model.js'
import { readArray, readString } from '../../core/read-json.js'
import { sameRange } from '../../core/score-scale.js'
import type { PhoenixExportRecord } from './export-records.js'
import { mapPhoenixEvaluation, type PhoenixScales } from './map-judgements.js'

/** Where run metrics come from: the evaluations of every run in the experiment's JSON export. */
export const PHOENIX_METRIC_SOURCE = 'run evaluations'

/** How a Phoenix run gets its one score, said in the docs and in a warning when there is none. */
export const PHOENIX_SCORE_RULE =
  "once the experiment is over and every run has every evaluation without error: the mean of its runs' evaluation scores when they are all on one declared scale (`phoenix.scoreScales`: Phoenix declares none), several evaluation names giving the mean of their means on that one scale; otherwise no score and no metrics"

export interface PhoenixSummary {
  metrics: MetricInput[]
  score: number | null
  scale: ScoreScale | null
  /** The numeric evaluation names the score was chosen from. */
  names: string[]
  /** Runs whose task failed, or that lack an evaluation (missing or failed) that other runs have. */
  unjudged: number
}

/**
 * The experiment's metrics from its export records: per evaluation name, the mean of its scores (on its declared
 * scale when there is one) and the counts of its labels; none at all when a run failed or lacks an evaluation
 * (`unjudged` counts them). Never throws.
 */
export function summarisePhoenixEvaluations(
  records: readonly unknown[],
  scales: PhoenixScales,
): PhoenixSummary {
  const numeric = new Map<string, number[]>()
  const labels = new Map<string, Record<string, number>>()
  const ignored: string[] = []
  const judgedNames = records.map(() => new Set<string>())
  const allNames = new Set<string>()
  for (const [index, record] of records.entries()) {
    for (const annotation of readArray<PhoenixExportRecord>(record, 'annotations')) {
      const evaluation = mapPhoenixEvaluation(annotation, scales, ignored)
      if (evaluation.name !== null) allNames.add(evaluation.name)
      if (evaluation.name !== null && evaluation.error === null) judgedNames[index]?.add(evaluation.name)
      for (const judgement of evaluation.judgements) {
        if (judgement.kind === 'numeric' && typeof judgement.value === 'number') {
          const values = numeric.get(judgement.name) ?? []
          values.push(judgement.value)
          numeric.set(judgement.name, values)
        } else if (judgement.kind === 'categorical' && typeof judgement.value === 'string') {
          const counts = labels.get(judgement.name) ?? {}
          counts[judgement.value] = (counts[judgement.value] ?? 0) + 1
          labels.set(judgement.name, counts)
        }
      }
    }
  }
  const unjudged = records.filter(
    (record, index) =>
      readString<PhoenixExportRecord>(record, 'error') !== null ||
      [...allNames].some((name) => !judgedNames[index]?.has(name)),
  ).length
  const names = [...numeric.keys()]
  // An evaluation that failed or never came would move the means: a gate must not pass on the runs that were judged.
  if (unjudged > 0) return { metrics: [], score: null, scale: null, names, unjudged }
  const metrics: MetricInput[] = []
  const means: { value: number; scale: ScoreScale | null }[] = []
  for (const [name, values] of numeric) {
    const value = values.reduce((sum, next) => sum + next, 0) / values.length
    const scale = scales.get(name) ?? null
    means.push({ value, scale })
    metrics.push({ name, kind: 'numeric', value, scale, total: values.length, source: PHOENIX_METRIC_SOURCE })
  }
  for (const [name, counts] of labels) {
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0)
    metrics.push({
      name,
      kind: 'categorical',
      value: null,
      scale: null,
      counts,
      total,
      source: PHOENIX_METRIC_SOURCE,
    })
  }
  const scale = means[0]?.scale ?? null
  const oneScale =
    means.length > 0 &&
    scale !== null &&
    means.every((mean) => mean.scale !== null && sameRange(mean.scale, scale))
  if (!oneScale) return { metrics, score: null, scale: null, names, unjudged }
  const score = means.reduce((sum, mean) => sum + mean.value, 0) / means.length
  return { metrics, score, scale, names, unjudged }
}
