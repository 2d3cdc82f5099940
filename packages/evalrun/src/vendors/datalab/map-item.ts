import type { BatchRunFileResult } from '@evalrun/datalab'
import { finishItem } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { preview, readField, readId, readNumber, readString } from '../../core/read-json.js'

// Per-file processing states; undocumented, so the words of Datalab's other async resources.
const KNOWN: Record<string, ItemStatus> = {
  pending: 'pending',
  queued: 'pending',
  processing: 'pending',
  running: 'pending',
  completed: 'completed',
  complete: 'completed',
  success: 'completed',
  succeeded: 'completed',
  failed: 'error',
  error: 'error',
  skipped: 'skipped',
}

/**
 * One `BatchRunFileResult`. Datalab gives a score per file but no pass/fail verdict, so a finished file is
 * `completed` with its `eval_score`.
 */
export function mapDatalabItem(raw: unknown, runRef: string): EvalItem<'datalab'> {
  const warnings: string[] = []
  const vendorStatus = readString<BatchRunFileResult>(raw, 'status')
  const word = vendorStatus?.trim().toLowerCase() ?? ''
  let status: ItemStatus = Object.hasOwn(KNOWN, word) ? (KNOWN[word] as ItemStatus) : 'unknown'
  if (status === 'unknown') {
    warnings.push(
      `Datalab file status ${preview(readField<BatchRunFileResult>(raw, 'status'))} is not one evalrun knows.`,
    )
  }
  const id =
    readId<BatchRunFileResult>(raw, 'request_id') ?? readString<BatchRunFileResult>(raw, 'lookup_key')
  if (id === null) warnings.push('Datalab file result has no request_id or lookup_key.')
  const score = readNumber<BatchRunFileResult>(raw, 'eval_score')
  if (status === 'unknown' && score !== null) status = 'completed'
  const name = readString<BatchRunFileResult>(raw, 'filename')
  // The file is the test case: a run scores every file of its collection, and the file's name is the same in every
  // run of that collection, where `request_id` (and, as far as Datalab says, `lookup_key`) belong to one result.
  const key = name ?? readString<BatchRunFileResult>(raw, 'lookup_key') ?? id ?? ''
  return finishItem<'datalab'>({
    runRef,
    vendor: 'datalab',
    id: id ?? '',
    key,
    name,
    status,
    vendorStatus,
    score,
    // No documented range for `eval_score`, as for the run's `avg_score`.
    scoreScale: null,
    judgements: score === null ? [] : [{ name: 'eval_score', kind: 'numeric', value: score }],
    output: readField<BatchRunFileResult>(raw, 'eval_results'),
    raw: raw as BatchRunFileResult,
    warnings,
  })
}
