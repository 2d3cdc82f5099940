import type { EvalItem, EvalRun } from 'evalrun'
import { classifyError } from '../classify-error.js'
import { ExitCode } from '../exit-codes.js'
import { formatScore } from '../output/format-run.js'
import type { GateCriteria } from './gate-criteria.js'
import { countItemVerdicts } from './item-verdicts.js'

/** Reads a run's items, reporting listing trouble (`stoppedEarly`: the items are not all there) to `onWarning`. */
export type ReadItems = (
  onWarning: (message: string, detail?: { stoppedEarly?: boolean }) => void,
) => AsyncIterable<EvalItem>

/** The gate's verdict on one run. */
export interface GateOutcome {
  ref: string
  exitCode: ExitCode
  line: string
  run: EvalRun | null
}

/**
 * Judges a run that has ended. Fails closed: a run that did not complete, has no items, lacks what a criterion
 * compares, or whose results could not be read in full fails, with a line that says which. A criterion the run
 * can never be judged on (`--min-score` without a scale, `--min-metric` of a metric it lacks) is a usage error. `readItems` is called
 * only when a pass rate must be counted from the items (the run's payload carries none).
 */
export async function judgeRun(
  run: EvalRun,
  criteria: GateCriteria,
  readItems: ReadItems,
): Promise<GateOutcome> {
  const failed = (line: string): GateOutcome => ({ ref: run.ref, run, exitCode: ExitCode.gateFailed, line })
  if (run.status === 'failed') {
    const items = run.progress.failed
      ? `: ${run.progress.failed} of ${run.progress.total ?? '?'} items failed`
      : ''
    return failed(`failed${items}`)
  }
  if (run.status === 'canceled') return failed('was canceled')
  if (run.status !== 'completed') return failed(`ended ${run.status}; only a completed run passes`)
  if (run.progress.total === 0) return failed('completed with zero items: nothing was judged')

  const absentMetric = metricUsageProblem(run, criteria)
  if (absentMetric !== null) return { ref: run.ref, run, exitCode: ExitCode.usage, line: absentMetric }
  const unmet: string[] = []
  const said: string[] = []
  if (criteria.minScore !== null) {
    const usage = scoreUsageProblem(run)
    if (usage !== null) return { ref: run.ref, run, exitCode: ExitCode.usage, line: usage }
    const normalized = run.normalizedScore
    if (run.score === null) unmet.push(`it has no score, so --min-score ${criteria.minScore} cannot be met`)
    else if (normalized === null)
      unmet.push(`${describeScore(run)} cannot be compared (see the run's warnings)`)
    else if (normalized < criteria.minScore)
      unmet.push(`${describeScore(run)} is below --min-score ${criteria.minScore}`)
  }
  if (criteria.minPassRate !== null) {
    const rate = await passRate(run, readItems)
    if ('outcome' in rate) return rate.outcome
    if (rate.value === null) unmet.push(rate.why)
    else if (rate.value < criteria.minPassRate) {
      unmet.push(`pass rate ${formatShare(rate.value)} is below --min-pass-rate ${criteria.minPassRate}`)
    } else said.push(`pass rate ${formatShare(rate.value)}`)
  }
  for (const threshold of criteria.minMetrics) {
    const metric = run.metrics.find((candidate) => candidate.name === threshold.name)
    if (metric === undefined) continue // said above
    if (metric.value === null) {
      unmet.push(`metric ${JSON.stringify(threshold.name)} has no value`)
    } else if (metric.value < threshold.value) {
      unmet.push(
        `metric ${JSON.stringify(threshold.name)} ${formatScore(metric.value)} is below ${threshold.value}`,
      )
    } else said.push(`${threshold.name} ${formatScore(metric.value)}`)
  }
  if (unmet.length > 0) return failed(`completed, but ${unmet.join('; ')}`)
  if (criteria.minPassRate === null && run.passRate !== null)
    said.unshift(`pass rate ${formatShare(run.passRate)}`)
  return {
    ref: run.ref,
    run,
    exitCode: ExitCode.ok,
    line: ['completed', describeScore(run), ...said].join(', '),
  }
}

/** `--min-metric` of a metric the run does not have (a typo, another suite's metric): the command has to change. */
function metricUsageProblem(run: EvalRun, criteria: GateCriteria): string | null {
  const absent = criteria.minMetrics.find((t) => !run.metrics.some((metric) => metric.name === t.name))
  if (absent === undefined) return null
  const names = run.metrics.map((metric) => JSON.stringify(metric.name)).join(', ')
  return `--min-metric cannot judge ${run.ref}: it has no metric ${JSON.stringify(absent.name)} (it has ${names || 'none'}).`
}

/** `--min-score` on a run that has no scale is a usage error: the command, not the run, has to change. */
function scoreUsageProblem(run: EvalRun): string | null {
  if (run.scoreScale !== null) return null
  const alternatives = [
    ...(run.passRate !== null || run.metrics.some((m) => m.passRate !== null)
      ? ['--min-pass-rate <0..1>']
      : []),
    ...run.metrics
      .filter((metric) => metric.value !== null)
      .slice(0, 3)
      .map((metric) => `--min-metric "${metric.name}=<value on ${run.vendor}'s own scale>"`),
  ]
  const why =
    run.score === null
      ? `${run.vendor} gives its runs no score on a declared scale`
      : `its score ${formatScore(run.score)} is on a scale ${run.vendor} does not declare, so it has no normalised score`
  const instead = alternatives.length > 0 ? alternatives.join(' or ') : '--min-pass-rate <0..1>'
  return `--min-score cannot judge ${run.ref}: ${why}. Use ${instead} instead.`
}

type PassRate = { value: number; why?: never } | { value: null; why: string } | { outcome: GateOutcome }

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
      const outcome = { ref: run.ref, run, exitCode: ExitCode.gateFailed }
      return {
        outcome: {
          ...outcome,
          line: `reading its results stopped early, so the gate cannot pass: ${stoppedEarly}`,
        },
      }
    }
    if (counts.items === 0) return { value: null, why: 'no items to count a pass rate from' }
    const judged = counts.passed + counts.failed
    if (judged === 0) return { value: null, why: `none of its ${counts.items} items has a pass/fail verdict` }
    return { value: counts.passed / judged }
  } catch (error) {
    const { exitCode, message } = classifyError(error)
    return {
      outcome: {
        ref: run.ref,
        run,
        exitCode: exitCode === ExitCode.ok ? ExitCode.gateFailed : exitCode,
        line: `reading its results was cut short, so the gate cannot pass: ${message}`,
      },
    }
  }
}

/** `score 79 of 0..100 (0.790)`, `score 0.91 (no declared scale)`, `no score`. */
function describeScore(run: EvalRun): string {
  if (run.score === null) return 'no score'
  const scale = run.scoreScale
  if (scale === null) return `score ${formatScore(run.score)} (no declared scale)`
  if (scale.min === 0 && scale.max === 1) return `score ${formatScore(run.score)}`
  return `score ${formatScore(run.score)} of ${scale.min}..${scale.max} (${formatShare(run.normalizedScore)})`
}

function formatShare(value: number | null): string {
  return value === null ? '—' : value.toFixed(3)
}
