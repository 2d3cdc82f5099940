import { type EvalRun, TERMINAL_STATUSES, type Vendor } from '../model.js'

type Unfinished<V extends Vendor> = Omit<EvalRun<V>, 'terminal'>

/** Adds the fields every run derives the same way, so that no mapper computes them differently. */
export function finishRun<V extends Vendor>(run: Unfinished<V>): EvalRun<V> {
  return { ...run, terminal: TERMINAL_STATUSES.has(run.status) } as EvalRun<V>
}
