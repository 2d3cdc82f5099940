import type { EvalBatchRun } from '@evalrun/datalab'
import { finishRun, type MetricInput } from '../../core/finish-run.js'
import type { EvalRun } from '../../core/model.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { type KnownKeys, readCount, readField, readId, readNumber, readString } from '../../core/read-json.js'
import { mapDatalabStatus } from './map-status.js'

/** The run's one metric is named after the field it comes from. */
const SCORE_FIELD = 'avg_score' satisfies KnownKeys<EvalBatchRun>

/** A Datalab batch run (`EvalBatchRunResponse`) as an `EvalRun`. Accepts any value; never throws. */
export function mapDatalabRun(raw: unknown): EvalRun<'datalab'> {
  const { status, vendorStatus, warnings } = mapDatalabStatus(raw)
  const id = readId<EvalBatchRun>(raw, 'id')
  if (id === null) warnings.push('Datalab run has no id.')
  const collectionId = readId<EvalBatchRun>(raw, 'collection_id')
  if (collectionId === null) warnings.push('Datalab run has no collection_id.')
  const score = readNumber<EvalBatchRun>(raw, SCORE_FIELD)
  const metrics: MetricInput[] =
    score === null ? [] : [{ name: SCORE_FIELD, kind: 'numeric', value: score, source: SCORE_FIELD }]
  const pipelineType = readString<EvalBatchRun>(raw, 'pipeline_type')
  return finishRun<'datalab'>({
    ref: `datalab:${id ?? ''}`,
    vendor: 'datalab',
    id: id ?? '',
    // Datalab runs have no name of their own; the pipeline kind is the nearest thing to one.
    name: readString<EvalBatchRun>(raw, 'pipeline_id') ?? pipelineType,
    suite: {
      kind: 'collection',
      id: collectionId ?? '',
      name: null,
      ref: `datalab:${collectionId ?? ''}`,
    },
    status,
    vendorStatus,
    createdAt: parseVendorDate(readField<EvalBatchRun>(raw, 'created'), 'created', warnings),
    startedAt: parseVendorDate(readField<EvalBatchRun>(raw, 'started_at'), 'started_at', warnings),
    completedAt: parseVendorDate(readField<EvalBatchRun>(raw, 'completed_at'), 'completed_at', warnings),
    progress: {
      total: readCount<EvalBatchRun>(raw, 'total_files'),
      completed: readCount<EvalBatchRun>(raw, 'completed_files'),
      // Datalab reports no failed-file count on the run; results carry per-file statuses.
      failed: null,
    },
    score,
    // Datalab documents no range for `avg_score` (its rubrics' scoring definitions are opaque), so none is claimed.
    scoreScale: null,
    passRate: null,
    metrics,
    // Datalab's app has no documented URL per batch run.
    url: null,
    raw: raw as EvalBatchRun,
    warnings,
  })
}
