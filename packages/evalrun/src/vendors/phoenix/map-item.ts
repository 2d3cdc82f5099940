import { finishItem, type JudgementInput } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { readArray, readCount, readField, readId, readString } from '../../core/read-json.js'
import { mapPhoenixEvaluation, type PhoenixScales } from './map-judgements.js'
import type { PhoenixExportRecord, PhoenixRawItem } from './types.js'

export interface PhoenixItemContext {
  runRef: string
  scales: PhoenixScales
  /** Every evaluation name recorded on any run of the experiment: each run is expected to have them all. */
  evaluationNames: ReadonlySet<string>
  /** Whether the experiment is over (its derived status terminal): a missing evaluation will then never come. */
  runOver: boolean
}

/**
 * One run of Phoenix's experiment JSON export as an `EvalItem`. Its key is the dataset example it ran
 * (`example_id`, the same in every experiment of the dataset), so two experiments join on it and the repetitions
 * of one example form a cluster of one key; its id adds the repetition. Status, never `passed` or `failed` (Phoenix
 * defines no pass threshold): `error` when the task failed (`error`), an evaluator failed, or an evaluation the
 * other runs have is missing once the experiment is over; `pending` for such a missing evaluation while it runs;
 * else `completed`. Accepts any value; never throws.
 */
export function mapPhoenixItem(raw: unknown, context: PhoenixItemContext): EvalItem<'phoenix'> {
  const warnings: string[] = []
  const exampleId = readId<PhoenixExportRecord>(raw, 'example_id')
  if (exampleId === null) warnings.push('The Phoenix run names no dataset example (example_id).')
  const repetition = readCount<PhoenixExportRecord>(raw, 'repetition_number')
  const taskError = readString<PhoenixExportRecord>(raw, 'error')
  const judgements: JudgementInput[] = []
  const seen = new Set<string>()
  const failedEvaluations: string[] = []
  for (const annotation of readArray<PhoenixExportRecord>(raw, 'annotations')) {
    const evaluation = mapPhoenixEvaluation(annotation, context.scales, warnings)
    if (evaluation.name === null) continue
    seen.add(evaluation.name)
    if (evaluation.error !== null) failedEvaluations.push(evaluation.name)
    judgements.push(...evaluation.judgements)
  }
  const missing = [...context.evaluationNames].filter((name) => !seen.has(name))
  let status: ItemStatus = 'completed'
  if (taskError !== null) {
    status = 'error'
    warnings.push(`The task failed on this example: ${taskError}`)
  }
  if (failedEvaluations.length > 0) {
    status = 'error'
    warnings.push(
      `Evaluator${failedEvaluations.length > 1 ? 's' : ''} failed: ${failedEvaluations.join(', ')}.`,
    )
  }
  if (missing.length > 0) {
    if (status === 'completed') status = context.runOver ? 'error' : 'pending'
    warnings.push(
      `No ${missing.join(', ')} evaluation recorded for this run (other runs of the experiment have one).`,
    )
  }
  return finishItem<'phoenix'>({
    runRef: context.runRef,
    vendor: 'phoenix',
    id: exampleId === null ? '' : `${exampleId}#${repetition ?? '?'}`,
    key: exampleId ?? '',
    name: exampleId,
    status,
    // Phoenix gives a run no status word: `error` is the only sign.
    vendorStatus: null,
    judgements,
    input: readField<PhoenixExportRecord>(raw, 'input'),
    output: readField<PhoenixExportRecord>(raw, 'output'),
    raw: raw as PhoenixRawItem,
    warnings,
  })
}
