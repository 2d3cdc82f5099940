import type { EvalRunError, EvalRunOutputItem, EvalRunOutputItemResult } from '@evalrun/openai'
import { finishItem, type JudgementInput } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { asRecord, preview, readArray, readField, readId, readString } from '../../core/read-json.js'
import { RATE_SCALE } from '../../core/score-scale.js'
import type { OpenAIRawItem } from './types.js'

/**
 * An OpenAI output item as an `EvalItem`. Its status comes from its judgements: `error` when its sample errored
 * (nothing was there to grade; OpenAI counts it `errored`), `failed` when any grader's `passed` is false or the
 * item's `status` is `fail`, `passed` when its `status` is `pass` and no grader failed it, else `unknown`. Its score
 * is the share of its graders that passed it (0..1), since graders score on scales of their own.
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
  if (sampleError) warnings.push(`The sample errored: ${sampleError}`)
  const judgements = readArray<EvalRunOutputItem>(raw, 'results').map(graderJudgement)
  const verdicts = judgements.filter((judgement) => typeof judgement.passed === 'boolean')
  const graderFailed = verdicts.some((judgement) => judgement.passed === false)
  let status: ItemStatus
  if (sampleError) status = 'error'
  else if (graderFailed || vendorStatus === 'fail') {
    status = 'failed'
    if (vendorStatus === 'pass')
      warnings.push('OpenAI says the item passed, but a grader failed it; it is failed.')
  } else if (vendorStatus === 'pass') status = 'passed'
  else {
    status = 'unknown'
    warnings.push(
      `OpenAI output item status ${preview(readField<EvalRunOutputItem>(raw, 'status'))} is not pass or fail.`,
    )
  }
  const itemKey = readId<EvalRunOutputItem>(raw, 'datasource_item_id')
  if (itemKey === null) warnings.push('OpenAI output item has no datasource_item_id; its key is the item id.')
  return finishItem<'openai'>({
    runRef,
    vendor: 'openai',
    id: id ?? '',
    // `datasource_item_id` names the row of the data source, the same in every run over it.
    key: itemKey ?? id ?? '',
    name: itemKey,
    status,
    vendorStatus,
    // Graders score on ranges the output item does not carry, so the item's score is its share of passed graders.
    score: verdicts.length === 0 ? null : verdicts.filter((j) => j.passed).length / verdicts.length,
    scoreScale: verdicts.length === 0 ? null : RATE_SCALE,
    judgements,
    input: readField<EvalRunOutputItem>(raw, 'datasource_item'),
    output: readField<EvalRunOutputItem['sample']>(sample, 'output'),
    raw: raw as OpenAIRawItem,
    warnings,
  })
}

/** A grader's result: its score on the grader's own range (not in the output item, so unknown) and its verdict. */
function graderJudgement(result: unknown, index: number): JudgementInput {
  const passed = readField<EvalRunOutputItemResult>(result, 'passed')
  const score = readField<EvalRunOutputItemResult>(result, 'score')
  return {
    name: readString<EvalRunOutputItemResult>(result, 'name') ?? `grader ${index + 1}`,
    kind: 'numeric',
    value: typeof score === 'number' && Number.isFinite(score) ? score : null,
    passed: typeof passed === 'boolean' ? passed : null,
  }
}
