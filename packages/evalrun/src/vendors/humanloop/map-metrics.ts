import type { Evaluation, EvaluationEvaluator, Evaluator, EvaluatorStats, RunStats } from '@evalrun/humanloop'
import type { MetricInput } from '../../core/finish-run.js'
import type { EvalMetric } from '../../core/model.js'
import { asRecord, readArray, readCount, readField, readNumber, readString } from '../../core/read-json.js'

/**
 * Metrics from one run's `evaluator_stats` (Humanloop `RunStatsResponse`): numeric evaluators give their mean,
 * boolean ones their rate of `true`, select ones their counts per option. Text evaluators have nothing to
 * aggregate and are left out. The union has no discriminator, so each kind is recognised by its fields.
 * `evaluatorNames` maps evaluator version ids to names (from the evaluation), for readable metric names.
 */
export function mapHumanloopMetrics(
  runStats: unknown,
  evaluatorNames: ReadonlyMap<string, string>,
): MetricInput[] {
  const metrics: MetricInput[] = []
  for (const stats of readArray<RunStats>(runStats, 'evaluator_stats')) {
    if (asRecord(stats) === null) continue
    const versionId = readString<EvaluatorStats>(stats, 'evaluator_version_id') ?? 'unknown evaluator'
    const name = evaluatorNames.get(versionId) ?? versionId
    const judgments = readCount<EvaluatorStats>(stats, 'num_judgments')
    const numTrue = readCount<EvaluatorStats>(stats, 'num_true')
    const numFalse = readCount<EvaluatorStats>(stats, 'num_false')
    const perOption = asRecord(readField<EvaluatorStats>(stats, 'num_judgments_per_option'))
    if (numTrue !== null || numFalse !== null) {
      const decided = (numTrue ?? 0) + (numFalse ?? 0)
      const counts = tallies(stats, { true: numTrue ?? 0, false: numFalse ?? 0 })
      metrics.push(
        metric(name, judgments, 'boolean', decided === 0 ? null : (numTrue ?? 0) / decided, counts),
      )
    } else if (perOption !== null) {
      const counts: Record<string, number> = {}
      for (const option of Object.keys(perOption)) {
        const count = perOption[option]
        if (typeof count === 'number' && Number.isFinite(count)) counts[option] = count
      }
      metrics.push(metric(name, judgments, 'categorical', null, counts))
    } else if (
      readField<EvaluatorStats>(stats, 'mean') !== undefined ||
      readField<EvaluatorStats>(stats, 'percentiles') !== undefined
    ) {
      metrics.push(
        metric(name, judgments, 'numeric', readNumber<EvaluatorStats>(stats, 'mean'), tallies(stats, {})),
      )
    }
  }
  return metrics
}

/**
 * `{ name, source, total?, kind, value, counts }`, in that key order, built field by field: spreading a shared
 * base into every metric was a measurable part of mapping a listing.
 */
function metric(
  name: string,
  judgments: number | null,
  kind: EvalMetric['kind'],
  value: number | null,
  counts: Record<string, number>,
): MetricInput {
  const built: Partial<MetricInput> = { name, source: 'evaluator_stats' }
  if (judgments !== null) built.total = judgments
  built.kind = kind
  built.value = value
  built.counts = counts
  return built as MetricInput
}

/** Nulls and errors, which every evaluator kind reports, added to `counts`. */
function tallies(stats: unknown, counts: Record<string, number>): Record<string, number> {
  const nulls = readCount<EvaluatorStats>(stats, 'num_nulls')
  const errors = readCount<EvaluatorStats>(stats, 'num_errors')
  if (nulls !== null) counts.nulls = nulls
  if (errors !== null) counts.errors = errors
  return counts
}

/** Evaluator version id → evaluator name, from an evaluation's `evaluators[].version`. */
export function humanloopEvaluatorNames(evaluation: unknown): Map<string, string> {
  const names = new Map<string, string>()
  for (const evaluator of readArray<Evaluation>(evaluation, 'evaluators')) {
    const version = readField<EvaluationEvaluator>(evaluator, 'version')
    const versionId = readString<Evaluator>(version, 'version_id')
    const name = readString<Evaluator>(version, 'name') ?? readString<Evaluator>(version, 'path')
    if (versionId !== null && name !== null) names.set(versionId, name)
  }
  return names
}
