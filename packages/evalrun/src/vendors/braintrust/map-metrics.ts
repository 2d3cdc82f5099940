import type { ExperimentSummary, MetricSummary, ScoreSummary } from '@evalrun/braintrust'
import type { MetricInput } from '../../core/finish-run.js'
import type { ScoreScale } from '../../core/model.js'
import { asRecord, preview, readCount, readField, readNumber, readString } from '../../core/read-json.js'
import { declaredScale } from '../../core/score-scale.js'

/** Every Braintrust score is 0..1: its spec bounds `ScoreSummary.score` and each event's scores so. */
export const BRAINTRUST_SCALE: ScoreScale = Object.freeze(declaredScale(0, 1))

/** How the run's score is made, said on each scorer's metric. */
export const BRAINTRUST_SCORE_RULE = 'summarize.scores: the mean of the scorers, each 0..1'

/**
 * A Braintrust summary (`summarize_scores=true`) as metrics and a score. Each scorer is a numeric metric with its
 * mean (0..1, as Braintrust's spec bounds it), its `diff` against the comparison experiment, and its improvements
 * and regressions in `counts`; the run's score is the mean of the scorers' means, which share one scale. Summary
 * metrics (duration, tokens, cost…) follow as numeric metrics of their own; they are not scores.
 */
export function mapBraintrustMetrics(
  summary: unknown,
  warnings: string[],
): { score: number | null; metrics: MetricInput[] } {
  const metrics: MetricInput[] = []
  const means: number[] = []
  const scores = asRecord(readField<ExperimentSummary>(summary, 'scores'))
  for (const [key, entry] of Object.entries(scores ?? {})) {
    const name = readString<ScoreSummary>(entry, 'name') ?? key
    const value = readNumber<ScoreSummary>(entry, 'score')
    if (value === null || value < 0 || value > 1) {
      warnings.push(
        `Braintrust score ${JSON.stringify(name)} is ${preview(readField<ScoreSummary>(entry, 'score'))}, not a number in 0..1; it is left out of the run's score.`,
      )
    } else {
      means.push(value)
    }
    const inRange = value !== null && value >= 0 && value <= 1
    metrics.push(metric(name, inRange ? value : null, entry, BRAINTRUST_SCORE_RULE, BRAINTRUST_SCALE))
  }
  const measured = asRecord(readField<ExperimentSummary>(summary, 'metrics'))
  for (const [key, entry] of Object.entries(measured ?? {})) {
    const name = readString<MetricSummary>(entry, 'name') ?? key
    const unit = readString<MetricSummary>(entry, 'unit')
    metrics.push(
      metric(
        name,
        readNumber<MetricSummary>(entry, 'metric'),
        entry,
        `summarize.metrics${unit ? ` (${unit})` : ''}`,
        null,
      ),
    )
  }
  const score = means.length === 0 ? null : means.reduce((sum, value) => sum + value, 0) / means.length
  return { score, metrics }
}

function metric(
  name: string,
  value: number | null,
  entry: unknown,
  source: string,
  scale: ScoreScale | null,
): MetricInput {
  const mapped: MetricInput = { name, kind: 'numeric', value, scale, passRate: null, source }
  const improvements = readCount<ScoreSummary>(entry, 'improvements')
  const regressions = readCount<ScoreSummary>(entry, 'regressions')
  if (improvements !== null || regressions !== null) {
    mapped.counts = { improvements: improvements ?? 0, regressions: regressions ?? 0 }
  }
  const diff = readNumber<ScoreSummary>(entry, 'diff')
  if (diff !== null) mapped.diff = diff
  return mapped
}
