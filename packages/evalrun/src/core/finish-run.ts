import { type EvalRun, TERMINAL_STATUSES, type Vendor } from './model.js'

type Unfinished<V extends Vendor> = Omit<EvalRun<V>, 'terminal'>

/**
 * Adds the fields every run derives the same way, so that no mapper computes them differently. The object given
 * (always a fresh literal from a mapper) is completed in place rather than copied: listings map every run.
 */
export function finishRun<V extends Vendor>(run: Unfinished<V>): EvalRun<V> {
  const finished = run as Unfinished<V> & { terminal: boolean }
  finished.terminal = TERMINAL_STATUSES.has(run.status)
  return finished as EvalRun<V>
}
