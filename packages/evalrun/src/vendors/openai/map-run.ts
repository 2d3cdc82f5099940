import type {
  Eval,
  EvalRunCriterionResult,
  EvalRunError,
  EvalRunResultCounts,
  EvalRun as OpenAIEvalRun,
} from '@evalrun/openai'
import { finishRun, type MetricInput } from '../../core/finish-run.js'
import type { EvalRun } from '../../core/model.js'
import { asRecord, readArray, readCount, readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import { passRateOf, RATE_SCALE } from '../../core/score-scale.js'
import { mapOpenAIStatus } from './map-status.js'
import { parseUnixSeconds } from './parse-unix-time.js'
import type { OpenAIRawRun } from './types.js'

/** How the score is made, said on the run's headline metric (OpenAI gives counts, not a score). */
export const OPENAI_SCORE_RULE = 'result_counts: passed / (passed + failed); errored items count in neither'

/**
 * An OpenAI eval run (`EvalRun`) with its eval (`Eval`, or null) as an `EvalRun`. Accepts any value; never
 * throws. OpenAI has no run score: the score is the pass rate of graded items, and each testing criterion is a
 * boolean metric with its own pass rate.
 */
export function mapOpenAIRun(run: unknown, evaluation: unknown, evalId: string): EvalRun<'openai'> {
  const { status, vendorStatus, warnings } = mapOpenAIStatus(readField<OpenAIEvalRun>(run, 'status'))
  const id = readId<OpenAIEvalRun>(run, 'id')
  if (id === null) warnings.push('OpenAI run has no id.')
  const suiteId = readId<OpenAIEvalRun>(run, 'eval_id') ?? evalId
  const counts = readField<OpenAIEvalRun>(run, 'result_counts')
  const passed = readCount<EvalRunResultCounts>(counts, 'passed')
  const failed = readCount<EvalRunResultCounts>(counts, 'failed')
  const errored = readCount<EvalRunResultCounts>(counts, 'errored')
  const graded = (passed ?? 0) + (failed ?? 0)
  const score = passed !== null && failed !== null ? passRateOf(passed, failed) : null
  const metrics: MetricInput[] = []
  if (score !== null) {
    metrics.push({
      name: 'pass rate',
      kind: 'boolean',
      value: score,
      counts: { true: passed ?? 0, false: failed ?? 0 },
      total: graded,
      source: OPENAI_SCORE_RULE,
    })
  }
  for (const criterion of readArray<OpenAIEvalRun>(run, 'per_testing_criteria_results'))
    metrics.push(...criterionMetric(criterion))
  const error = asRecord(readField<OpenAIEvalRun>(run, 'error'))
  const errorMessage = readString<EvalRunError>(error, 'message')
  if (errorMessage) {
    const code = readString<EvalRunError>(error, 'code')
    warnings.push(`OpenAI reported an error on the run${code ? ` (${code})` : ''}: ${errorMessage}`)
  }
  const total = readCount<EvalRunResultCounts>(counts, 'total')
  const raw: OpenAIRawRun = {
    run: run as OpenAIRawRun['run'],
    evaluation: (asRecord(evaluation) ?? null) as Eval | null,
  }
  return finishRun<'openai'>({
    ref: `openai:${encodeRefPart(suiteId)}/${encodeRefPart(id ?? '')}`,
    vendor: 'openai',
    id: id ?? '',
    name: readString<OpenAIEvalRun>(run, 'name'),
    suite: {
      kind: 'eval',
      id: suiteId,
      name: readString<Eval>(evaluation, 'name'),
      ref: `openai:${encodeRefPart(suiteId)}`,
    },
    status,
    vendorStatus,
    createdAt: parseUnixSeconds(readField<OpenAIEvalRun>(run, 'created_at'), 'created_at', warnings),
    // OpenAI records when a run was created only.
    startedAt: null,
    completedAt: null,
    progress: {
      total,
      completed: passed === null && failed === null && errored === null ? null : graded + (errored ?? 0),
      // Items that errored (the grader or the sample failed), not items that failed their criteria.
      failed: errored,
    },
    score,
    scoreScale: RATE_SCALE,
    passRate: score,
    metrics,
    url: readString<OpenAIEvalRun>(run, 'report_url'),
    raw,
    warnings,
  })
}

function criterionMetric(criterion: unknown): MetricInput[] {
  const name = readString<EvalRunCriterionResult>(criterion, 'testing_criteria')
  const passed = readCount<EvalRunCriterionResult>(criterion, 'passed')
  const failed = readCount<EvalRunCriterionResult>(criterion, 'failed')
  if (name === null || passed === null || failed === null) return []
  const total = passed + failed
  return [
    {
      name,
      kind: 'boolean',
      value: passRateOf(passed, failed),
      counts: { true: passed, false: failed },
      total,
      source: 'per_testing_criteria_results',
    },
  ]
}
