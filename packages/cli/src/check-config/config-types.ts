import type { SuiteGate } from 'evalrun/gate'

export type { BaselineChoice, DropGate } from 'evalrun/gate'

/** One suite of `evalrun.config.*`, read and checked: its gates, and where the file says them. */
export interface SuiteCheck extends SuiteGate {
  /** `file:line:column` of the entry, for messages. */
  where: string
}
