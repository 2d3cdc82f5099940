import type { Evalrun } from '../core/create-evalrun.js'
import { EvalrunInvalidInputError } from '../core/errors.js'
import type { EvalRun } from '../core/model.js'
import type { CompareStats } from '../core/significance.js'
import { judgeDrop } from '../stats/judge-drop.js'
import { CONFIG_KEY_NAMES, type GateCriterionNames } from './criteria.js'
import { judgeRun } from './judge-run.js'
import type { SuiteGate, SuiteVerdict } from './suite-gate.js'
import { findBaseline, suiteRuns } from './suite-runs.js'
import { type GateVerdict, messageOf, worstVerdict } from './verdict.js'

export interface JudgeSuiteOptions {
  /** `evalrun/stats` (`import * as stats from 'evalrun/stats'`): needed when the suite gates a drop. */
  stats?: CompareStats
  signal?: AbortSignal
  /** What the reasons call each criterion (default: the config file's keys). */
  names?: GateCriterionNames
  /** Warnings from reading the suite's runs, items and comparison, other than a listing cut short (a failure). */
  onWarning?: (message: string) => void
}

/**
 * Judges a suite's run (ended) on the suite's gates: `judgeRun` for the thresholds, then, with a drop gate, the
 * baseline found as the suite says, `runs.compare` with significance and `judgeDrop`. Fails closed: a baseline
 * not found, a listing cut short, or a comparison that could not be read in full is not a pass. `listed` is the
 * suite's listing when the caller already read it.
 */
export async function judgeSuite(
  evalrun: Evalrun,
  gate: SuiteGate,
  run: EvalRun,
  listed: EvalRun[] | null,
  options: JudgeSuiteOptions = {},
): Promise<SuiteVerdict> {
  const { signal, onWarning } = options
  if (gate.drop !== null && options.stats === undefined) {
    throw new EvalrunInvalidInputError({
      field: 'options.stats',
      value: undefined,
      expected: `the stats functions, since ${gate.suite} gates a drop (maxDrop): import * as stats from 'evalrun/stats' and pass { stats }`,
    })
  }
  const judged = await judgeRun(
    run,
    gate.criteria,
    (onItemWarning) =>
      evalrun.runs.results(run, {
        ...(signal ? { signal } : {}),
        onWarning: (message, _vendor, detail) => {
          onItemWarning(message, detail)
          if (!detail?.stoppedEarly) onWarning?.(message)
        },
      }),
    { names: options.names ?? CONFIG_KEY_NAMES },
  )
  const verdict: SuiteVerdict = { ...judged, suite: gate.suite, baseline: null, drop: null, comparison: null }
  if (gate.drop === null || options.stats === undefined || judged.verdict === 'not-judgeable') return verdict
  const also = (more: GateVerdict, why: string, error?: unknown): SuiteVerdict => ({
    ...verdict,
    verdict: worstVerdict([judged.verdict, more]),
    reason: `${judged.reason}; maxDrop: ${why}`,
    ...(error !== undefined && judged.error === undefined ? { error } : {}),
  })

  let runs = listed
  if (runs === null && gate.baseline.kind !== 'ref') {
    const read = await suiteRuns(evalrun, gate.suite, {
      ...(signal ? { signal } : {}),
      ...(onWarning ? { onWarning } : {}),
    })
    if (read.runs === null) return also('unread', `no baseline: ${read.why}`, read.error)
    runs = read.runs
  }
  const baseline = await findBaseline(evalrun, gate.baseline, run, runs ?? [], signal)
  if (baseline.run === null) return also(baseline.verdict, baseline.why, baseline.error)
  try {
    const comparison = await evalrun.runs.compare(baseline.run, run, {
      stats: options.stats,
      confidence: gate.drop.confidence,
      ...(signal ? { signal } : {}),
      ...(onWarning ? { onWarning: (message: string) => onWarning(message) } : {}),
    })
    const drop = judgeDrop(comparison, {
      maxDrop: gate.drop.maxDrop,
      nonInferiority: gate.drop.nonInferiority,
    })
    // Neither measure could be tested: a gate these runs cannot be judged on.
    const more: GateVerdict = drop.measure === null ? 'not-judgeable' : drop.passed ? 'passed' : 'failed'
    return {
      ...also(more, `against ${baseline.run.ref}: ${drop.reason}`),
      baseline: baseline.run,
      drop,
      comparison,
    }
  } catch (error) {
    return {
      ...also('unread', `comparing with ${baseline.run.ref} failed: ${messageOf(error)}`, error),
      baseline: baseline.run,
    }
  }
}
