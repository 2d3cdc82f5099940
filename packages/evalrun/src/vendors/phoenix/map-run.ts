import type { Experiment } from '@evalrun/phoenix'
import { finishRun } from '../../core/finish-run.js'
import type { EvalRun } from '../../core/model.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readCount, readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import { PHOENIX_SCORE_RULE, type PhoenixSummary } from './map-metrics.js'
import { derivePhoenixStatus, recordedRunsOf } from './map-status.js'
import type { PhoenixRawRun } from './types.js'

export interface PhoenixRunContext {
  /** Now, on the Phoenix server's clock. */
  now: Date
  /** See `derivePhoenixStatus`. */
  quietPeriodMs: number
  /** The dataset's name, when the caller read it (a listing does). */
  datasetName: string | null
  /** The evaluations of its runs, when read (only once the experiment is over); null otherwise. */
  summary: PhoenixSummary | null
}

/**
 * A Phoenix experiment as an `EvalRun`. Its suite is its dataset; its status is derived (see
 * `derivePhoenixStatus`); its progress counts runs against `example_count × repetitions`; its score and metrics
 * come from its runs' evaluations when they were read (`PHOENIX_SCORE_RULE`). Accepts any value; never throws.
 */
export function mapPhoenixRun(experiment: unknown, context: PhoenixRunContext): EvalRun<'phoenix'> {
  const { status, vendorStatus, warnings } = derivePhoenixStatus(
    experiment,
    context.now,
    context.quietPeriodMs,
  )
  const id = readId<Experiment>(experiment, 'id')
  if (id === null) warnings.push('Phoenix experiment has no id.')
  const datasetId = readId<Experiment>(experiment, 'dataset_id')
  if (datasetId === null) warnings.push('The experiment belongs to no dataset: its suite is empty.')
  const examples = readCount<Experiment>(experiment, 'example_count')
  const repetitions = readCount<Experiment>(experiment, 'repetitions')
  const createdAt = parseVendorDate(readField<Experiment>(experiment, 'created_at'), 'created_at', warnings)
  const updatedAt = parseVendorDate(readField<Experiment>(experiment, 'updated_at'), 'updated_at', [])
  const summary = context.summary
  if (summary !== null && summary.unjudged > 0) {
    warnings.push(
      `No run score and no metrics: ${summary.unjudged} run${summary.unjudged === 1 ? '' : 's'} failed or lack an evaluation (missing or failed) that other runs have; \`runs results\` shows which. Rule: ${PHOENIX_SCORE_RULE}.`,
    )
  } else if (summary !== null && summary.score === null && summary.names.length > 0) {
    warnings.push(
      `No run score: the evaluation scores ${summary.names.join(', ')} are not on one declared scale; each is a metric. Rule: ${PHOENIX_SCORE_RULE}.`,
    )
  }
  return finishRun<'phoenix'>({
    ref: `phoenix:${encodeRefPart(id ?? '')}`,
    vendor: 'phoenix',
    id: id ?? '',
    name: readString<Experiment>(experiment, 'name'),
    suite: {
      kind: 'dataset',
      id: datasetId ?? '',
      name: context.datasetName,
      ref: `phoenix:${encodeRefPart(datasetId ?? '')}`,
    },
    status,
    vendorStatus,
    createdAt,
    // Phoenix records no start apart from the experiment's creation, where the SDK starts it.
    startedAt: createdAt,
    completedAt: status === 'completed' ? updatedAt : null,
    progress: {
      total: examples === null || repetitions === null ? null : examples * repetitions,
      completed: recordedRunsOf(experiment),
      failed: readCount<Experiment>(experiment, 'failed_run_count'),
    },
    score: summary?.score ?? null,
    scoreScale: summary?.scale ?? null,
    // Phoenix defines no pass threshold: no verdicts, so no pass rate.
    passRate: null,
    metrics: summary?.metrics ?? [],
    // The app's URL is the server's own, with ids it does not expose in this form.
    url: null,
    raw: experiment as PhoenixRawRun,
    warnings,
  })
}
