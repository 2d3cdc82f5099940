import type { EvalItem, ItemStatus } from '../../core/model.js'
import { asRecord, preview, readArray, readField, readId, readString } from '../../core/read-json.js'
import type { OpenAIRawItem } from './types.js'

/**
 * An OpenAI output item as an `EvalItem`. Its status is the item's `pass`/`fail`, or `error` when its sample
 * errored; its score is the share of its graders that passed it (0..1), since graders score on scales of their own.
 */
export function mapOpenAIItem(raw: unknown, runRef: string): EvalItem<'openai'> {
  const warnings: string[] = []
  const id = readId(raw, 'id')
  if (id === null) warnings.push('OpenAI output item has no id.')
  const vendorStatus = readString(raw, 'status')
  const sample = asRecord(readField(raw, 'sample'))
  const sampleError = readString(asRecord(readField(sample, 'error')), 'message')
  let status: ItemStatus
  if (sampleError) status = 'error'
  else if (vendorStatus === 'pass') status = 'passed'
  else if (vendorStatus === 'fail') status = 'failed'
  else {
    status = 'unknown'
    warnings.push(`OpenAI output item status ${preview(readField(raw, 'status'))} is not pass or fail.`)
  }
  if (sampleError) warnings.push(`The sample errored: ${sampleError}`)
  const verdicts = readArray(raw, 'results')
    .map((result) => readField(result, 'passed'))
    .filter((passed): passed is boolean => typeof passed === 'boolean')
  return {
    runRef,
    vendor: 'openai',
    id: id ?? '',
    name: readId(raw, 'datasource_item_id'),
    status,
    vendorStatus,
    score: verdicts.length === 0 ? null : verdicts.filter(Boolean).length / verdicts.length,
    input: readField(raw, 'datasource_item'),
    output: readField(sample, 'output'),
    raw: raw as OpenAIRawItem,
    warnings,
  }
}
