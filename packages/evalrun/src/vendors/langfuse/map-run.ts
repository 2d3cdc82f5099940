import type { Experiment } from '@evalrun/langfuse'
import { finishRun } from '../../core/finish-run.js'
import type { EvalRun } from '../../core/model.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readArray, readCount, readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import { passRateOf } from '../../core/score-scale.js'
import { type LangfuseJudgement, mapLangfuseJudgement } from './map-judgement.js'
import { mapLangfuseMetrics } from './map-metrics.js'
import type { LangfuseScales } from './map-score-configs.js'
import { deriveLangfuseStatus } from './map-status.js'
import { headlineScore, LANGFUSE_SCORE_RULE } from './score-rule.js'
import type { LangfuseRawRun } from './types.js'

/** Most scores Langfuse returns per experiment or item (`scoreLimit`'s maximum, which evalrun asks for). */
export const LANGFUSE_SCORE_LIMIT = 50

export interface LangfuseRunContext {
  /** Numeric scales from the project's score configs. */
  scales: LangfuseScales
  /** Now, on the Langfuse server's clock. */
  now: Date
  /** See `deriveLangfuseStatus`. */
  quietPeriodMs: number
}

/**
 * A Langfuse experiment as an `EvalRun`. Its suite is its dataset; its metrics are its experiment-level scores
 * (numeric, boolean, categorical); its status is derived (see `deriveLangfuseStatus`); its score follows
 * `LANGFUSE_SCORE_RULE`, on its scale when the score configs give one; its pass rate is its boolean scores' share
 * of true. Per-item scores are read by `runs.results`, not here. Accepts any value; never throws.
 */
export function mapLangfuseRun(experiment: unknown, context: LangfuseRunContext): EvalRun<'langfuse'> {
  const { status, vendorStatus, warnings } = deriveLangfuseStatus(
    experiment,
    context.now,
    context.quietPeriodMs,
  )
  const id = readId<Experiment>(experiment, 'id')
  if (id === null) warnings.push('Langfuse experiment has no id.')
  const datasetId = readId<Experiment>(experiment, 'datasetId')
  if (datasetId === null) warnings.push('The experiment belongs to no dataset: its suite is empty.')
  const scores = readArray<Experiment>(experiment, 'scores')
  if (scores.length >= LANGFUSE_SCORE_LIMIT)
    warnings.push(`Langfuse returned ${scores.length} experiment scores, its most: there may be more.`)
  const judgements: LangfuseJudgement[] = []
  for (const score of scores) {
    const judgement = mapLangfuseJudgement(score, context.scales, warnings)
    if (judgement !== null) judgements.push(judgement)
  }
  const headline = headlineScore(judgements)
  const verdicts = judgements.filter((judgement) => typeof judgement.passed === 'boolean')
  const passed = verdicts.filter((judgement) => judgement.passed).length
  if (headline.score === null && headline.names.length > 1) {
    warnings.push(
      `No run score: the experiment scores ${headline.names.join(', ')} are not on one known scale; each is a metric. Rule: ${LANGFUSE_SCORE_RULE}.`,
    )
  }
  const startTime = parseVendorDate(readField<Experiment>(experiment, 'startTime'), 'startTime', warnings)
  const endTime = parseVendorDate(readField<Experiment>(experiment, 'endTime'), 'endTime', [])
  return finishRun<'langfuse'>({
    ref: `langfuse:${encodeRefPart(id ?? '')}`,
    vendor: 'langfuse',
    id: id ?? '',
    name: readString<Experiment>(experiment, 'name'),
    suite: {
      kind: 'dataset',
      id: datasetId ?? '',
      // The dataset's name takes another endpoint; the experiment names only its id.
      name: null,
      ref: `langfuse:${encodeRefPart(datasetId ?? '')}`,
    },
    status,
    vendorStatus,
    // An experiment exists from its first event: its start is its creation.
    createdAt: startTime,
    startedAt: startTime,
    completedAt: status === 'completed' ? endTime : null,
    progress: {
      // The dataset's size is not part of the experiment.
      total: null,
      completed: readCount<Experiment>(experiment, 'itemCount'),
      failed: null,
    },
    score: headline.score,
    scoreScale: headline.scale,
    // Verdicts only the experiment's own boolean scores give; the gate counts its items' otherwise.
    passRate: passRateOf(passed, verdicts.length - passed),
    metrics: mapLangfuseMetrics(judgements),
    // The app's URL needs the project id, which the experiment does not carry.
    url: null,
    raw: experiment as LangfuseRawRun,
    warnings,
  })
}
