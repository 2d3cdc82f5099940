import type { EvalRunError, EvalRunOutputItem, EvalRunOutputItemResult } from '@evalrun/openai'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { asRecord, preview, readArray, readField, readId, readString } from '../../core/read-json.js'
import type { OpenAIRawItem } from './types.js'

/**
 * An OpenAI output item as an `EvalItem`. Its status is the item's `pass`/`fail`, or `error` when its sample
 * errored; its score is the share of its graders that passed it (0..1), since graders score on scales of their own.
 */
export function mapOpenAIItem(raw: unknown, runRef: string): EvalItem<'openai'> {
  const warnings: string[] = []
  const id = readId<EvalRunOutputItem>(raw, 'id')
  if (id === null) warnings.push('OpenAI output item has no id.')
  const vendorStatus = readString<EvalRunOutputItem>(raw, 'status')
  const sample = asRecord(readField<EvalRunOutputItem>(raw, 'sample'))
  const sampleError = readString<EvalRunError>(
    asRecord(readField<EvalRunOutputItem['sample']>(sample, 'error')),
    'message',
  )
  let status: ItemStatus
  if (sampleError) status = 'error'
  else if (vendorStatus === 'pass') status = 'passed'
  else if (vendorStatus === 'fail') status = 'failed'
  else {
    status = 'unknown'
    warnings.push(
      `OpenAI output item status ${preview(readField<EvalRunOutputItem>(raw, 'status'))} is not pass or fail.`,
    )
  }
  if (sampleError) warnings.push(`The sample errored: ${sampleError}`)
  const verdicts = readArray<EvalRunOutputItem>(raw, 'results')
    .map((result) => readField<EvalRunOutputItemResult>(result, 'passed'))
    .filter((passed): passed is boolean => typeof passed === 'boolean')
  return {
    runRef,
    vendor: 'openai',
    id: id ?? '',
    name: readId<EvalRunOutputItem>(raw, 'datasource_item_id'),
    status,
    vendorStatus,
    score: verdicts.length === 0 ? null : verdicts.filter(Boolean).length / verdicts.length,
    input: readField<EvalRunOutputItem>(raw, 'datasource_item'),
    output: readField<EvalRunOutputItem['sample']>(sample, 'output'),
    raw: raw as OpenAIRawItem,
    warnings,
  }
}
