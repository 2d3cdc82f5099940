import type {
  Dataset,
  Evaluation,
  EvaluationRun as HumanloopRun,
  RunStats,
  RunVersion,
} from '@evalrun/humanloop'
import { finishRun, type MetricInput } from '../../core/finish-run.js'
import type { EvalRun } from '../../core/model.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readCount, readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import { passRateOf } from '../../core/score-scale.js'
import { humanloopEvaluatorNames, mapHumanloopMetrics } from './map-metrics.js'
import { mapHumanloopStatus } from './map-status.js'
import type { HumanloopRawRun } from './types.js'

/**
 * A Humanloop run (`EvaluationRunResponse`) with its evaluation and its entry in the evaluation's stats.
 * `evaluationId` is the id the run was read under, used when the evaluation itself could not be read.
 * `context.evaluatorNames` is `humanloopEvaluatorNames(evaluation)`, for callers mapping many runs of one
 * evaluation (computed here when absent).
 */
export function mapHumanloopRun(
  input: { evaluation: unknown; run: unknown; stats: unknown },
  evaluationId: string,
  context?: { evaluatorNames: ReadonlyMap<string, string> },
): EvalRun<'humanloop'> {
  const { evaluation, run, stats } = input
  // The run's own status is the fresher one; the stats entry is read separately and may lag.
  const { status, vendorStatus, warnings } = mapHumanloopStatus(readField<HumanloopRun>(run, 'status'))
  const id = readId<HumanloopRun>(run, 'id')
  if (id === null) warnings.push('Humanloop run has no id.')
  const suiteId = readId<Evaluation>(evaluation, 'id') ?? evaluationId
  const createdAt = parseVendorDate(readField<HumanloopRun>(run, 'created_at'), 'created_at', warnings)
  const numLogs = readCount<RunStats>(stats, 'num_logs')
  const raw: HumanloopRawRun = {
    evaluation: (evaluation ?? null) as HumanloopRawRun['evaluation'],
    run: run as HumanloopRawRun['run'],
    stats: (stats ?? null) as HumanloopRawRun['stats'],
  }
  const metrics = mapHumanloopMetrics(stats, context?.evaluatorNames ?? humanloopEvaluatorNames(evaluation))
  return finishRun<'humanloop'>({
    ref: `humanloop:${encodeRefPart(suiteId)}/${encodeRefPart(id ?? '')}`,
    vendor: 'humanloop',
    id: id ?? '',
    name: runName(run),
    suite: {
      kind: 'evaluation',
      id: suiteId,
      name: readString<Evaluation>(evaluation, 'name'),
      ref: `humanloop:${encodeRefPart(suiteId)}`,
    },
    status,
    vendorStatus,
    createdAt,
    // Humanloop records when a run was added and created, not when it started or ended.
    startedAt: null,
    completedAt: null,
    progress: {
      // The dataset's size is what an orchestrated run will produce a log for.
      total: readCount<Dataset>(readField<HumanloopRun>(run, 'dataset'), 'datapoints_count'),
      completed: numLogs,
      failed: null,
    },
    // Humanloop has no headline score: each evaluator is a metric.
    score: null,
    scoreScale: null,
    passRate: booleanPassRate(metrics),
    metrics,
    url: readString<Evaluation>(evaluation, 'url'),
    raw,
    warnings,
  })
}

/** A run is named by the version it evaluates (`Prompt v3`), which is what Humanloop's app shows. */
function runName(run: unknown): string | null {
  const version = readField<HumanloopRun>(run, 'version')
  const name = readString<RunVersion>(version, 'name')
  const versionName = readString<RunVersion>(version, 'version_name')
  if (name === null) return versionName
  return versionName === null ? name : `${name} (${versionName})`
}

/** The run's verdicts are its boolean evaluators' judgements: true over true and false, across all of them. */
function booleanPassRate(metrics: readonly MetricInput[]): number | null {
  let passed = 0
  let failed = 0
  for (const metric of metrics) {
    if (metric.kind !== 'boolean') continue
    passed += metric.counts?.true ?? 0
    failed += metric.counts?.false ?? 0
  }
  return passRateOf(passed, failed)
}
