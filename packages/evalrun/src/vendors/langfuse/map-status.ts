import type { Experiment } from '@evalrun/langfuse'
import type { MappedStatus } from '../../core/mapped-status.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readArray, readField } from '../../core/read-json.js'

/** Five minutes: long enough for one slow item of a live experiment, short enough for a CI gate to wait out. */
export const DEFAULT_QUIET_PERIOD_MS = 5 * 60_000

/** The rule, in words, for the warning every Langfuse run carries. */
export function langfuseStatusRule(quietPeriodMs: number): string {
  return `Langfuse experiments have no status; evalrun's rule: completed once the experiment has experiment-level scores (Langfuse's SDKs write them after the last item) or nothing has happened in it for ${describeDuration(quietPeriodMs)} (its endTime), running until then; never failed or canceled.`
}

/**
 * The status of a Langfuse experiment by the rule above, on the server's clock (`now`). Experiments run in the
 * user's own code and the API records no end: the rule claims `completed` only on a sign that the run is over.
 * `vendorStatus` is always null, and the rule is always said.
 */
export function deriveLangfuseStatus(experiment: unknown, now: Date, quietPeriodMs: number): MappedStatus {
  const warnings = [langfuseStatusRule(quietPeriodMs)]
  const scored = readArray<Experiment>(experiment, 'scores').length > 0
  if (scored) return { status: 'completed', vendorStatus: null, warnings }
  const endTime = parseVendorDate(readField<Experiment>(experiment, 'endTime'), 'endTime', warnings)
  if (endTime === null) {
    warnings.push('The experiment has no endTime and no experiment-level scores: its status is unknown.')
    return { status: 'unknown', vendorStatus: null, warnings }
  }
  const quiet = now.getTime() - endTime.getTime() >= quietPeriodMs
  return { status: quiet ? 'completed' : 'running', vendorStatus: null, warnings }
}

function describeDuration(ms: number): string {
  if (ms % 60_000 === 0) return ms === 60_000 ? '1 minute' : `${ms / 60_000} minutes`
  return `${Math.round(ms / 1000)} s`
}
