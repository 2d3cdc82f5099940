import type { EvalRun, Evalrun, RunComparison } from 'evalrun'
import type { DropVerdict } from 'evalrun/stats'
import type { SuiteCheck } from '../check-config/config-types.js'
import { classifyError } from '../classify-error.js'
import { ExitCode, worstExitCode } from '../exit-codes.js'
import { type GateOutcome, judgeRun } from './judge-run.js'
import { findBaseline, suiteRuns } from './suite-runs.js'

/** One suite's verdict: the gate on its run, and the drop against its baseline when a drop is gated. */
export interface SuiteOutcome extends GateOutcome {
  suite: string
  baseline: EvalRun | null
  drop: DropVerdict | null
  comparison: RunComparison | null
}

/**
 * Judges a suite's run (ended) on the suite's gates: `judgeRun` for the thresholds, then, with `maxDrop`, the
 * baseline found as the config says, `runs.compare` with significance and `judgeDrop`. Fails closed: a baseline
 * not found, a listing cut short, or a comparison that could not be read in full is not a pass. `listed` is the
 * suite's listing when the caller already read it.
 */
export async function judgeSuite(
  evalrun: Evalrun,
  check: SuiteCheck,
  run: EvalRun,
  listed: EvalRun[] | null,
  signal?: AbortSignal,
): Promise<SuiteOutcome> {
  const gate = await judgeRun(run, check.criteria, (onWarning) =>
    evalrun.runs.results(run, {
      ...(signal ? { signal } : {}),
      onWarning: (message, _vendor, detail) => onWarning(message, detail),
    }),
  )
  const outcome: SuiteOutcome = { ...gate, suite: check.suite, baseline: null, drop: null, comparison: null }
  if (check.drop === null || gate.exitCode === ExitCode.usage) return outcome
  const also = (exitCode: ExitCode, why: string): SuiteOutcome => ({
    ...outcome,
    exitCode: worstExitCode([gate.exitCode, exitCode]),
    line: `${gate.line}; maxDrop: ${why}`,
  })

  let runs = listed
  if (runs === null && check.baseline.kind !== 'ref') {
    const read = await suiteRuns(evalrun, check.suite, signal)
    if (read.runs === null) return also(read.exitCode, `no baseline: ${read.why}`)
    runs = read.runs
  }
  const baseline = await findBaseline(evalrun, check.baseline, run, runs ?? [], signal)
  if (baseline.run === null) return also(baseline.exitCode, baseline.why)
  try {
    const stats = await import('evalrun/stats')
    const comparison = await evalrun.runs.compare(baseline.run, run, {
      stats,
      confidence: check.drop.confidence,
      ...(signal ? { signal } : {}),
    })
    const drop = stats.judgeDrop(comparison, {
      maxDrop: check.drop.maxDrop,
      nonInferiority: check.drop.nonInferiority,
    })
    // Neither measure could be tested: a gate the runs cannot be judged on, as `runs compare --max-drop`.
    const exitCode = drop.measure === null ? ExitCode.usage : drop.passed ? ExitCode.ok : ExitCode.gateFailed
    return {
      ...also(exitCode, `against ${baseline.run.ref}: ${drop.reason}`),
      baseline: baseline.run,
      drop,
      comparison,
    }
  } catch (error) {
    const { exitCode, message } = classifyError(error)
    return {
      ...also(
        exitCode === ExitCode.ok ? ExitCode.gateFailed : exitCode,
        `comparing with ${baseline.run.ref} failed: ${message}`,
      ),
      baseline: baseline.run,
    }
  }
}
