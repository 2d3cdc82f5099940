import type { ExperimentItem, ObservationLevel } from '@evalrun/langfuse'
import { finishItem } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { preview, readArray, readField, readId, readString } from '../../core/read-json.js'
import { type LangfuseJudgement, mapLangfuseJudgement } from './map-judgement.js'
import { LANGFUSE_SCORE_LIMIT } from './map-run.js'
import type { LangfuseScales } from './map-score-configs.js'
import type { LangfuseRawItem } from './types.js'

const LEVELS: readonly ObservationLevel[] = ['DEBUG', 'DEFAULT', 'WARNING', 'ERROR']

/**
 * A Langfuse experiment item as an `EvalItem`. Its key (and name) is `experimentItemId`, the dataset item it ran
 * (Langfuse's ingestion sets it to the DatasetItem id, the same in every experiment of the dataset), so two
 * experiments join on it. Status: `failed` when a boolean score is false (a judgement of false always counts),
 * else `error` when its root observation is at level ERROR, `pending` while it has no endTime, `passed` when its
 * boolean scores are all true, else `completed` (scored without a verdict: Langfuse's score configs declare no pass
 * threshold; or not scored). Its scores are its judgements, typed by data type; Langfuse gives
 * an item no score of its own, so `finishItem` derives one. Accepts any value; never throws.
 */
export function mapLangfuseItem(raw: unknown, runRef: string, scales: LangfuseScales): EvalItem<'langfuse'> {
  const warnings: string[] = []
  const id = readId<ExperimentItem>(raw, 'id')
  if (id === null) warnings.push('Langfuse experiment item has no id.')
  const key = readId<ExperimentItem>(raw, 'experimentItemId')
  if (key === null)
    warnings.push('The experiment item names no dataset item (experimentItemId); its key is its own id.')
  const level = readField<ExperimentItem>(raw, 'level')
  if (!LEVELS.includes(level as ObservationLevel))
    warnings.push(`Observation level ${preview(level)} is not one Langfuse documents.`)
  const scores = readArray<ExperimentItem>(raw, 'scores')
  if (scores.length >= LANGFUSE_SCORE_LIMIT)
    warnings.push(`Langfuse returned ${scores.length} scores for this item, its most: there may be more.`)
  const judgements: LangfuseJudgement[] = []
  for (const score of scores) {
    const judgement = mapLangfuseJudgement(score, scales, warnings)
    if (judgement !== null) judgements.push(judgement)
  }
  const verdicts = judgements.flatMap((judgement) => (judgement.passed === null ? [] : [judgement.passed]))
  let status: ItemStatus
  if (verdicts.includes(false)) status = 'failed'
  else if (level === 'ERROR') status = 'error'
  else if (readString<ExperimentItem>(raw, 'endTime') === null) status = 'pending'
  else if (verdicts.length > 0) status = 'passed'
  else status = 'completed'
  return finishItem<'langfuse'>({
    runRef,
    vendor: 'langfuse',
    id: id ?? '',
    key: key ?? id ?? '',
    name: key,
    status,
    // Langfuse gives an item no status word; its level says only how its trace went.
    vendorStatus: null,
    judgements,
    input: readField<ExperimentItem>(raw, 'input'),
    output: readField<ExperimentItem>(raw, 'output'),
    raw: raw as LangfuseRawItem,
    warnings,
  })
}
