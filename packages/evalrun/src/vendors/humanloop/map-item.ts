import type { Datapoint, EvaluationLog, Evaluator, Log } from '@evalrun/humanloop'
import { finishItem, type JudgementInput } from '../../core/finish-item.js'
import type { EvalItem, ItemStatus } from '../../core/model.js'
import { readArray, readField, readId, readString } from '../../core/read-json.js'

/**
 * One `EvaluationLogResponse`: the log and its evaluator logs. `failed` when a boolean judgement is false (even
 * beside an error: a judgement of false always counts), else `error` when the log or an evaluator errored, `passed`
 * when every boolean judgement is true, `completed` when there are judgements but none boolean (Humanloop declares
 * no pass threshold for number or select judgements), `pending` when no evaluator has judged it yet.
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
  if (booleans.includes(false)) status = 'failed'
  else if (logError || evaluatorError) status = 'error'
  else if (booleans.length > 0) status = 'passed'
  else if (judgements.some((j) => j !== undefined && j !== null)) status = 'completed'
  else status = 'pending'
  const id = readId<Log>(log, 'id')
  if (id === null) warnings.push('Humanloop log has no id.')
  const datapoint = readField<EvaluationLog>(raw, 'datapoint')
  const datapointId = readId<Datapoint>(datapoint, 'id') ?? readId<Log>(log, 'source_datapoint_id')
  if (datapointId === null) warnings.push('Humanloop log names no datapoint; its key is the log id.')
  return finishItem<'humanloop'>({
    runRef,
    vendor: 'humanloop',
    id: id ?? '',
    // The datapoint is the test case: every run of an evaluation logs each datapoint of its dataset once.
    key: datapointId ?? id ?? '',
    name: datapointId,
    status,
    vendorStatus: readString<Log>(log, 'log_status'),
    judgements: evaluatorLogs.map(evaluatorJudgement),
    input: readField<Log>(log, 'inputs') ?? readField<Datapoint>(datapoint, 'inputs'),
    output: readField<Log>(log, 'output'),
    raw: raw as EvaluationLog,
    warnings,
  })
}

/** Humanloop declares no range for number judgements, so only booleans have a scale (0..1). */
function evaluatorJudgement(evaluatorLog: unknown, index: number): JudgementInput {
  const evaluator = readField<Log>(evaluatorLog, 'evaluator')
  // Humanloop names a file by the last segment of its path, which is what the run's metrics are named by.
  const name =
    readString<Evaluator>(evaluator, 'name') ??
    readString<Evaluator>(evaluator, 'path')?.split('/').at(-1) ??
    `evaluator ${index + 1}`
  const value = readField<Log>(evaluatorLog, 'judgment')
  if (typeof value === 'boolean') return { name, kind: 'boolean', value }
  if (typeof value === 'number' && Number.isFinite(value)) return { name, kind: 'numeric', value }
  if (typeof value === 'string') return { name, kind: 'categorical', value }
  return { name, kind: 'categorical', value: null }
}
