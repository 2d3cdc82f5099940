import type { ExperimentEvent } from '@evalrun/braintrust'
import { finishItem, type JudgementInput } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { asRecord, preview, readField, readId, readNumber } from '../../core/read-json.js'
import { braintrustCaseKey } from './case-key.js'
import { BRAINTRUST_SCALE } from './map-metrics.js'
import type { BraintrustRawItem } from './types.js'

type EventMetrics = NonNullable<ExperimentEvent['metrics']>

/**
 * The root event of a Braintrust trace (one test case) as an `EvalItem`. Braintrust gives scores, not verdicts: an
 * item is `completed` once its span has ended or been scored, `error` when it carries an error, `pending` before.
 * Each score is a numeric judgement on 0..1 (Braintrust's spec bounds them so); the item's score is their mean,
 * derived by `finishItem`. A score outside 0..1 keeps its value but loses its scale (with a warning), so nothing
 * is averaged with it. Its key is its case key (`braintrustCaseKey`), else its id.
 */
export function mapBraintrustItem(raw: unknown, runRef: string): EvalItem<'braintrust'> {
  const warnings: string[] = []
  const id = readId<ExperimentEvent>(raw, 'id')
  if (id === null) warnings.push('Braintrust event has no id.')
  const judgements: JudgementInput[] = []
  for (const [name, value] of Object.entries(asRecord(readField<ExperimentEvent>(raw, 'scores')) ?? {})) {
    if (value === null) continue
    const number = typeof value === 'number' && Number.isFinite(value) ? value : null
    const inRange = number !== null && number >= 0 && number <= 1
    if (!inRange) {
      warnings.push(
        `Score ${JSON.stringify(name)} is ${preview(value)}, not a number in 0..1; it is kept without a scale, so the item has no score.`,
      )
    }
    judgements.push({ name, kind: 'numeric', value: number, scale: inRange ? BRAINTRUST_SCALE : null })
  }
  const error = readField<ExperimentEvent>(raw, 'error')
  const ended = readNumber<EventMetrics>(asRecord(readField<ExperimentEvent>(raw, 'metrics')), 'end') !== null
  let status: ItemStatus
  if (error !== undefined && error !== null) {
    status = 'error'
    const message = typeof error === 'string' ? error : (JSON.stringify(error) ?? preview(error))
    warnings.push(`The case errored: ${message.length > 300 ? `${message.slice(0, 299)}…` : message}`)
  } else if (judgements.length > 0 || ended) status = 'completed'
  else status = 'pending'
  const key = braintrustCaseKey(raw)
  if (key === null) warnings.push('Braintrust event has neither input nor origin; its key is its id.')
  return finishItem<'braintrust'>({
    runRef,
    vendor: 'braintrust',
    id: id ?? '',
    key: key ?? id ?? '',
    name: key,
    status,
    vendorStatus: null,
    judgements,
    input: readField<ExperimentEvent>(raw, 'input'),
    output: readField<ExperimentEvent>(raw, 'output'),
    raw: raw as BraintrustRawItem,
    warnings,
  })
}
