import type { ExperimentEvent } from '@evalrun/braintrust'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { asRecord, preview, readField, readId, readNumber } from '../../core/read-json.js'
import { braintrustCaseKey } from './case-key.js'
import type { BraintrustRawItem } from './types.js'

type EventMetrics = NonNullable<ExperimentEvent['metrics']>

/**
 * The root event of a Braintrust trace (one test case) as an `EvalItem`. Braintrust gives scores, not verdicts: an
 * item is `completed` once its span has ended or been scored, `error` when it carries an error, `pending` before.
 * Its score is the mean of its scores (each 0..1 by Braintrust's spec; others are left out with a warning); its
 * name is its case key (`braintrustCaseKey`).
 */
export function mapBraintrustItem(raw: unknown, runRef: string): EvalItem<'braintrust'> {
  const warnings: string[] = []
  const id = readId<ExperimentEvent>(raw, 'id')
  if (id === null) warnings.push('Braintrust event has no id.')
  const scores: number[] = []
  for (const [name, value] of Object.entries(asRecord(readField<ExperimentEvent>(raw, 'scores')) ?? {})) {
    if (value === null) continue
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1) scores.push(value)
    else warnings.push(`Score ${JSON.stringify(name)} is ${preview(value)}, not a number in 0..1; left out.`)
  }
  const error = readField<ExperimentEvent>(raw, 'error')
  const ended = readNumber<EventMetrics>(asRecord(readField<ExperimentEvent>(raw, 'metrics')), 'end') !== null
  let status: ItemStatus
  if (error !== undefined && error !== null) {
    status = 'error'
    const message = typeof error === 'string' ? error : (JSON.stringify(error) ?? preview(error))
    warnings.push(`The case errored: ${message.length > 300 ? `${message.slice(0, 299)}…` : message}`)
  } else if (scores.length > 0 || ended) status = 'completed'
  else status = 'pending'
  return {
    runRef,
    vendor: 'braintrust',
    id: id ?? '',
    name: braintrustCaseKey(raw),
    status,
    vendorStatus: null,
    score: scores.length === 0 ? null : scores.reduce((sum, value) => sum + value, 0) / scores.length,
    input: readField<ExperimentEvent>(raw, 'input'),
    output: readField<ExperimentEvent>(raw, 'output'),
    raw: raw as BraintrustRawItem,
    warnings,
  }
}
