import type { GateCriteria } from '../gate/gate-criteria.js'

/** Where a check finds the run a drop is measured from. */
export type BaselineChoice =
  | { kind: 'previous' }
  | { kind: 'ref'; ref: string }
  | { kind: 'match'; name: string | null; metadata: Record<string, string> }

/** The drop gate of `runs compare --max-drop`, for one suite. */
export interface DropGate {
  maxDrop: number
  confidence: number
  nonInferiority: boolean
}

/** One suite of `evalrun.config.*`, read and checked. */
export interface SuiteCheck {
  /** `<vendor>:<suiteId>`. */
  suite: string
  criteria: GateCriteria
  drop: DropGate | null
  baseline: BaselineChoice
  /** `file:line:column` of the entry, for messages. */
  where: string
}
