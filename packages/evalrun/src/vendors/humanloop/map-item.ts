import type { Datapoint, EvaluationLog, Log } from '@evalrun/humanloop'
import { meanJudgement } from '../../core/judgement-score.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { readArray, readField, readId, readString } from '../../core/read-json.js'

/**
 * One `EvaluationLogResponse`: the log and its evaluator logs. `error` when the log or an evaluator errored,
 * `failed` when a boolean judgement is false, `passed` when every boolean judgement is true, `completed` when
 * there are judgements but none boolean, `pending` when no evaluator has judged it yet.
 */
export function mapHumanloopItem(raw: unknown, runRef: string): EvalItem<'humanloop'> {
  const warnings: string[] = []
  const log = readField<EvaluationLog>(raw, 'log')
  const evaluatorLogs = readArray<EvaluationLog>(raw, 'evaluator_logs')
  const judgements = evaluatorLogs.map((evaluatorLog) => readField<Log>(evaluatorLog, 'judgment'))
  const logError = readString<Log>(log, 'error')
  const evaluatorError = evaluatorLogs.some((evaluatorLog) => readString<Log>(evaluatorLog, 'error'))
  const booleans = judgements.filter((j): j is boolean => typeof j === 'boolean')
  let status: ItemStatus
  if (logError || evaluatorError) status = 'error'
  else if (booleans.includes(false)) status = 'failed'
  else if (booleans.length > 0) status = 'passed'
  else if (judgements.some((j) => j !== undefined && j !== null)) status = 'completed'
  else status = 'pending'
  const id = readId<Log>(log, 'id')
  if (id === null) warnings.push('Humanloop log has no id.')
  const datapoint = readField<EvaluationLog>(raw, 'datapoint')
  return {
    runRef,
    vendor: 'humanloop',
    id: id ?? '',
    name: readId<Datapoint>(datapoint, 'id'),
    status,
    vendorStatus: readString<Log>(log, 'log_status'),
    score: meanJudgement(judgements),
    input: readField<Log>(log, 'inputs') ?? readField<Datapoint>(datapoint, 'inputs'),
    output: readField<Log>(log, 'output'),
    raw: raw as EvaluationLog,
    warnings,
  }
}
