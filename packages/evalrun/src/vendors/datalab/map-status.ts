import type { EvalBatchRun } from '@evalrun/datalab'
import type { MappedStatus } from '../../core/mapped-status.js'
import type { RunStatus } from '../../core/model.js'
import { preview, readCount, readField } from '../../core/read-json.js'

// Datalab documents no batch-run status values. These are the words its other async resources and its SDK use.
export const DATALAB_STATUS_WORDS: Readonly<Record<string, RunStatus>> = {
  pending: 'queued',
  queued: 'queued',
  created: 'queued',
  running: 'running',
  processing: 'running',
  in_progress: 'running',
  started: 'running',
  completed: 'completed',
  complete: 'completed',
  succeeded: 'completed',
  success: 'completed',
  completed_with_errors: 'completed',
  failed: 'failed',
  error: 'failed',
  errored: 'failed',
  cancelled: 'canceled',
  canceled: 'canceled',
}

/**
 * Datalab batch-run status. Unknown words map to `unknown` with a warning, except that a run with `completed_at`
 * set and `completed_files >= total_files` counts as completed (an inference, said so in a warning).
 */
export function mapDatalabStatus(run: unknown): MappedStatus {
  const raw = readField<EvalBatchRun>(run, 'status')
  const vendorStatus = typeof raw === 'string' ? raw : null
  const warnings: string[] = []
  const word = vendorStatus?.trim().toLowerCase() ?? ''
  const known = Object.hasOwn(DATALAB_STATUS_WORDS, word) ? DATALAB_STATUS_WORDS[word] : undefined
  if (known !== undefined) {
    if (word === 'completed_with_errors') {
      warnings.push(`Datalab reported "${vendorStatus}": the run finished but some files failed.`)
    }
    return { status: known, vendorStatus, warnings }
  }
  const completedAt = readField<EvalBatchRun>(run, 'completed_at')
  const total = readCount<EvalBatchRun>(run, 'total_files')
  const done = readCount<EvalBatchRun>(run, 'completed_files')
  if (
    typeof completedAt === 'string' &&
    completedAt !== '' &&
    total !== null &&
    done !== null &&
    done >= total
  ) {
    warnings.push(
      `Datalab status ${preview(raw)} is not one evalrun knows; treated as completed because completed_at is set and ${done} of ${total} files are done.`,
    )
    return { status: 'completed', vendorStatus, warnings }
  }
  warnings.push(`Datalab status ${preview(raw)} is not one evalrun knows; status is unknown.`)
  return { status: 'unknown', vendorStatus, warnings }
}
