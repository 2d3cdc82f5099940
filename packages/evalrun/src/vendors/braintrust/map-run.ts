import type { Experiment, ExperimentSummary } from '@evalrun/braintrust'
import { finishRun } from '../../core/finish-run.js'
import type { EvalRun } from '../../core/model.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { asRecord, readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import { BRAINTRUST_SCALE, mapBraintrustMetrics } from './map-metrics.js'
import { deriveBraintrustStatus } from './map-status.js'
import type { BraintrustActivity, BraintrustRawRun } from './types.js'

/**
 * A Braintrust experiment, its summary (or null) and its newest activity as an `EvalRun`. Accepts any values;
 * never throws. The status is derived (see `deriveBraintrustStatus`): `vendorStatus` is null and a warning says
 * the rule. Score and metrics come from the summary; progress is unknown (Braintrust does not say how many cases
 * an experiment will have).
 */
export function mapBraintrustRun(
  experiment: unknown,
  summary: unknown,
  activity: BraintrustActivity,
  quietPeriodMs: number,
): EvalRun<'braintrust'> {
  const warnings: string[] = []
  const id = readId<Experiment>(experiment, 'id')
  if (id === null) warnings.push('Braintrust experiment has no id.')
  const createdAt = parseVendorDate(readField<Experiment>(experiment, 'created'), 'created', warnings)
  const derived = deriveBraintrustStatus(
    createdAt,
    activity.newestTrace,
    activity.observedAt ?? new Date(),
    quietPeriodMs,
  )
  warnings.push(...derived.warnings)
  const deletedAt = readString<Experiment>(experiment, 'deleted_at')
  if (deletedAt !== null) warnings.push(`Braintrust deleted this experiment at ${deletedAt}.`)
  const { score, metrics } = mapBraintrustMetrics(summary, warnings)
  const comparedWith = readString<ExperimentSummary>(summary, 'comparison_experiment_name')
  if (comparedWith !== null) {
    for (const metric of metrics)
      if (metric.diff !== undefined) metric.source += `; diff against "${comparedWith}"`
  }
  const projectId = readId<Experiment>(experiment, 'project_id') ?? ''
  const raw: BraintrustRawRun = {
    experiment: experiment as Experiment,
    summary: (asRecord(summary) ?? null) as ExperimentSummary | null,
  }
  return finishRun<'braintrust'>({
    ref: `braintrust:${encodeRefPart(id ?? '')}`,
    vendor: 'braintrust',
    id: id ?? '',
    name: readString<Experiment>(experiment, 'name'),
    suite: {
      kind: 'project',
      id: projectId,
      name: readString<ExperimentSummary>(summary, 'project_name'),
      ref: `braintrust:${encodeRefPart(projectId)}`,
    },
    status: derived.status,
    vendorStatus: null,
    createdAt,
    startedAt: null,
    // The newest event of a run now quiet: when it was last seen at work, which the rule reads as its end.
    completedAt: derived.status === 'completed' ? derived.lastActivityAt : null,
    progress: { total: null, completed: null, failed: null },
    score,
    scoreScale: BRAINTRUST_SCALE,
    // Braintrust scores, it gives no verdicts.
    passRate: null,
    metrics,
    url: readString<ExperimentSummary>(summary, 'experiment_url'),
    raw,
    warnings,
  })
}
