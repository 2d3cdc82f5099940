import type { RunComparison } from 'evalrun'
import type { RunGate, SuiteVerdict } from 'evalrun/gate'
import type { DropVerdict } from 'evalrun/stats'
import { classifyError } from '../classify-error.js'
import { ExitCode, worstExitCode } from '../exit-codes.js'

/** A verdict as the CLI prints it: with the exit code it means. */
export interface GateOutcome {
  ref: string
  exitCode: ExitCode
  line: string
  run: RunGate['run']
}

/** One suite's verdict of `evalrun check`, with its exit code. */
export interface SuiteOutcome extends GateOutcome {
  suite: string
  baseline: SuiteVerdict['baseline']
  drop: DropVerdict | null
  comparison: RunComparison | null
}

/**
 * The exit code of a library verdict: passed 0, failed 1, not judgeable 2 (fix the gate); unread as the error
 * that kept it from being read says (3 for the vendor, 4 for a wait deadline, 2 for a vendor not configured).
 */
export function exitCodeOf(gate: Pick<RunGate, 'verdict' | 'error'>): ExitCode {
  switch (gate.verdict) {
    case 'passed':
      return ExitCode.ok
    case 'failed':
      return ExitCode.gateFailed
    case 'not-judgeable':
      return ExitCode.usage
    case 'unread': {
      if (gate.error === undefined) return ExitCode.api
      const { exitCode } = classifyError(gate.error)
      return worstExitCode([exitCode === ExitCode.ok ? ExitCode.gateFailed : exitCode])
    }
  }
}

export function outcomeOf(gate: RunGate): GateOutcome {
  return { ref: gate.ref, run: gate.run, exitCode: exitCodeOf(gate), line: gate.reason }
}

export function suiteOutcomeOf(verdict: SuiteVerdict): SuiteOutcome {
  return {
    ...outcomeOf(verdict),
    suite: verdict.suite,
    baseline: verdict.baseline,
    drop: verdict.drop,
    comparison: verdict.comparison,
  }
}
