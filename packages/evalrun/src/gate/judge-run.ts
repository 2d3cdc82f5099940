import type { EvalItem, EvalRun } from '../core/model.js'
import { countItemVerdicts } from './count-item-verdicts.js'
import { CONFIG_KEY_NAMES, type GateCriteria, type GateCriterionNames } from './criteria.js'
import { formatGateScore, formatShare, messageOf, type RunGate } from './verdict.js'

/** Reads a run's items, reporting listing trouble (`stoppedEarly`: the items are not all there) to `onWarning`. */
export type ReadItems = (
  onWarning: (message: string, detail?: { stoppedEarly?: boolean }) => void,
) => AsyncIterable<EvalItem>

export interface JudgeRunOptions {
  /** What the reason calls each criterion (default: the config file's keys). */
  names?: GateCriterionNames
}

/**
 * Judges a run that has ended. Fails closed: a run that did not complete, has no items, lacks what a criterion
 * compares, or whose results could not be read in full does not pass, and the reason says which. A criterion the
 * run can never be judged on (a minimum score without a scale, a metric it lacks) is `not-judgeable`. `readItems`
 * is called only when a pass rate must be counted from the items (the run's payload carries none).
 */
export async function judgeRun(
  run: EvalRun,
  criteria: GateCriteria,
  readItems: ReadItems,
  options: JudgeRunOptions = {},
): Promise<RunGate> {
  const names = options.names ?? CONFIG_KEY_NAMES
  const failed = (reason: string): RunGate => ({ ref: run.ref, run, verdict: 'failed', reason })
  const notJudgeable = (reason: string): RunGate => ({ ref: run.ref, run, verdict: 'not-judgeable', reason })
  if (run.status === 'failed') {
    const items = run.progress.failed
      ? `: ${run.progress.failed} of ${run.progress.total ?? '?'} items failed`
      : ''
    return failed(`failed${items}`)
  }
  if (run.status === 'canceled') return failed('was canceled')
  if (run.status !== 'completed') return failed(`ended ${run.status}; only a completed run passes`)
  if (run.progress.total === 0) return failed('completed with zero items: nothing was judged')

  const absentMetric = metricProblem(run, criteria, names)
  if (absentMetric !== null) return notJudgeable(absentMetric)
  const unmet: string[] = []
  const said: string[] = []
  if (criteria.minScore !== null) {
    const problem = scoreProblem(run, names)
    if (problem !== null) return notJudgeable(problem)
    const normalized = run.normalizedScore
    if (run.score === null)
      unmet.push(`it has no score, so ${names.minScore} ${criteria.minScore} cannot be met`)
    else if (normalized === null)
      unmet.push(`${describeScore(run)} cannot be compared (see the run's warnings)`)
    else if (normalized < criteria.minScore)
      unmet.push(`${describeScore(run)} is below ${names.minScore} ${criteria.minScore}`)
  }
  if (criteria.minPassRate !== null) {
    const rate = await passRate(run, readItems)
    if ('gate' in rate) return rate.gate
    if (rate.value === null) unmet.push(rate.why)
    else if (rate.value < criteria.minPassRate) {
      unmet.push(`pass rate ${formatShare(rate.value)} is below ${names.minPassRate} ${criteria.minPassRate}`)
    } else said.push(`pass rate ${formatShare(rate.value)}`)
  }
  for (const threshold of criteria.minMetrics) {
    const metric = run.metrics.find((candidate) => candidate.name === threshold.name)
    if (metric === undefined) continue // said above
    if (metric.value === null) unmet.push(`metric ${JSON.stringify(threshold.name)} has no value`)
    else if (metric.value < threshold.value) {
      unmet.push(
        `metric ${JSON.stringify(threshold.name)} ${formatGateScore(metric.value)} is below ${threshold.value}`,
      )
    } else said.push(`${threshold.name} ${formatGateScore(metric.value)}`)
  }
  if (unmet.length > 0) return failed(`completed, but ${unmet.join('; ')}`)
  if (criteria.minPassRate === null && run.passRate !== null)
    said.unshift(`pass rate ${formatShare(run.passRate)}`)
  return {
    ref: run.ref,
    run,
    verdict: 'passed',
    reason: ['completed', describeScore(run), ...said].join(', '),
  }
}

/** A minimum for a metric the run does not have (a typo, another suite's metric): the gate has to change. */
function metricProblem(run: EvalRun, criteria: GateCriteria, names: GateCriterionNames): string | null {
  const absent = criteria.minMetrics.find((t) => !run.metrics.some((metric) => metric.name === t.name))
  if (absent === undefined) return null
  const has = run.metrics.map((metric) => JSON.stringify(metric.name)).join(', ')
  return `${names.minMetric} cannot judge ${run.ref}: it has no metric ${JSON.stringify(absent.name)} (it has ${has || 'none'}).`
}

/** A minimum score on a run that has no scale: the gate, not the run, has to change. */
function scoreProblem(run: EvalRun, names: GateCriterionNames): string | null {
  if (run.scoreScale !== null) return null
  const alternatives = [
    ...(run.passRate !== null || run.metrics.some((m) => m.passRate !== null)
      ? [`${names.minPassRate} <0..1>`]
      : []),
    ...run.metrics
      .filter((metric) => metric.value !== null)
      .slice(0, 3)
      .map((metric) => `${names.minMetric} "${metric.name}=<value on ${run.vendor}'s own scale>"`),
  ]
  const why =
    run.score === null
      ? `${run.vendor} gives its runs no score on a declared scale`
      : `its score ${formatGateScore(run.score)} is on a scale ${run.vendor} does not declare, so it has no normalised score`
  const instead = alternatives.length > 0 ? alternatives.join(' or ') : `${names.minPassRate} <0..1>`
  return `${names.minScore} cannot judge ${run.ref}: ${why}. Use ${instead} instead.`
}

type PassRate = { value: number; why?: never } | { value: null; why: string } | { gate: RunGate }

async function passRate(run: EvalRun, readItems: ReadItems): Promise<PassRate> {
  if (run.passRate !== null) return { value: run.passRate }
  try {
    let stoppedEarly: string | null = null
    const counts = await countItemVerdicts(
      readItems((message, detail) => {
        if (detail?.stoppedEarly) stoppedEarly ??= message
      }),
    )
    if (stoppedEarly !== null) {
      const reason = `reading its results stopped early, so the gate cannot pass: ${stoppedEarly}`
      return { gate: { ref: run.ref, run, verdict: 'failed', reason } }
    }
    if (counts.items === 0) return { value: null, why: 'no items to count a pass rate from' }
    const judged = counts.passed + counts.failed
    if (judged === 0) return { value: null, why: `none of its ${counts.items} items has a pass/fail verdict` }
    return { value: counts.passed / judged }
  } catch (error) {
    const reason = `reading its results was cut short, so the gate cannot pass: ${messageOf(error)}`
    return { gate: { ref: run.ref, run, verdict: 'unread', reason, error } }
  }
}

/** `score 79 of 0..100 (0.790)`, `score 0.91 (no declared scale)`, `no score`. */
export function describeScore(run: EvalRun): string {
  if (run.score === null) return 'no score'
  const scale = run.scoreScale
  if (scale === null) return `score ${formatGateScore(run.score)} (no declared scale)`
  if (scale.min === 0 && scale.max === 1) return `score ${formatGateScore(run.score)}`
  return `score ${formatGateScore(run.score)} of ${scale.min}..${scale.max} (${formatShare(run.normalizedScore)})`
}
