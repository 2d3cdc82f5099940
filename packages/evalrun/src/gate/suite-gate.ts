import type { RunComparison } from '../core/comparison.js'
import type { EvalRun } from '../core/model.js'
import type { DropVerdict } from '../stats/judge-drop.js'
import type { GateCriteria } from './criteria.js'
import type { RunGate } from './verdict.js'

/** Where a suite's gate finds the run a drop is measured from. */
export type BaselineChoice =
  | { kind: 'previous' }
  | { kind: 'ref'; ref: string }
  | { kind: 'match'; name: string | null; metadata: Record<string, string> }

/** The gate on a real drop against the baseline (`judgeDrop`), for one suite. */
export interface DropGate {
  maxDrop: number
  confidence: number
  nonInferiority: boolean
}

/** One suite's gates, as a suite of `evalrun.config.*` says them. */
export interface SuiteGate {
  /** `<vendor>:<suiteId>`. */
  suite: string
  criteria: GateCriteria
  drop: DropGate | null
  baseline: BaselineChoice
}

/** One suite's verdict: the gate on its run, and the drop against its baseline when a drop is gated. */
export interface SuiteVerdict extends RunGate {
  /** `<vendor>:<suiteId>`; empty for a run given by ref whose wait failed before its suite was known. */
  suite: string
  baseline: EvalRun | null
  drop: DropVerdict | null
  comparison: RunComparison | null
}
