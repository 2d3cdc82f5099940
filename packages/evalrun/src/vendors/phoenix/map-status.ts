import type { Experiment } from '@evalrun/phoenix'
import type { MappedStatus } from '../../core/mapped-status.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readCount, readField } from '../../core/read-json.js'

/** Five minutes: long enough for one slow example of a live experiment, short enough for a CI gate to wait out. */
export const DEFAULT_QUIET_PERIOD_MS = 5 * 60_000

/** The rule, in words, for the warning every Phoenix run carries. */
export function phoenixStatusRule(quietPeriodMs: number): string {
  const quiet = describeDuration(quietPeriodMs)
  return `Phoenix experiments have no status; evalrun's rule: expected runs = example_count × repetitions; completed once every expected run is recorded without error (no missing_run_count, no failed_run_count) and the experiment has not changed for ${quiet} (its updated_at, on Phoenix's clock); failed once it has been quiet that long with runs missing or failed; running until then; unknown when the counts are unreadable.`
}

/**
 * The status of a Phoenix experiment by the rule above, on the server's clock (`now`). Experiments run in the
 * user's code and Phoenix records no end: `completed` needs every expected run recorded without error and a quiet
 * period after the last change (evaluators write after the task). `vendorStatus` is always null, the rule always said.
 */
export function derivePhoenixStatus(experiment: unknown, now: Date, quietPeriodMs: number): MappedStatus {
  const warnings = [phoenixStatusRule(quietPeriodMs)]
  const examples = readCount<Experiment>(experiment, 'example_count')
  const repetitions = readCount<Experiment>(experiment, 'repetitions')
  const succeeded = readCount<Experiment>(experiment, 'successful_run_count')
  const failed = readCount<Experiment>(experiment, 'failed_run_count')
  const missingSaid = readCount<Experiment>(experiment, 'missing_run_count')
  if (examples === null || repetitions === null || succeeded === null || failed === null) {
    warnings.push(
      'The experiment does not say example_count, repetitions, successful_run_count and failed_run_count as counts: its status is unknown.',
    )
    return { status: 'unknown', vendorStatus: null, warnings }
  }
  const expected = examples * repetitions
  // Either count may lag the other: the larger shortfall is the one that can be trusted not to overclaim.
  const missing = Math.max(missingSaid ?? 0, expected - succeeded - failed)
  const updated =
    parseVendorDate(readField<Experiment>(experiment, 'updated_at'), 'updated_at', warnings) ??
    parseVendorDate(readField<Experiment>(experiment, 'created_at'), 'created_at', [])
  const quiet = updated === null ? null : now.getTime() - updated.getTime() >= quietPeriodMs
  if (missing > 0) warnings.push(`${missing} of ${expected} expected runs are missing.`)
  if (failed > 0) warnings.push(`${failed} of ${expected} expected runs failed (their task raised an error).`)
  if (quiet === null) {
    warnings.push('The experiment has no readable updated_at or created_at: how recent it is cannot be told.')
    return { status: 'unknown', vendorStatus: null, warnings }
  }
  if (!quiet) return { status: 'running', vendorStatus: null, warnings }
  return { status: missing > 0 || failed > 0 ? 'failed' : 'completed', vendorStatus: null, warnings }
}

function describeDuration(ms: number): string {
  if (ms % 60_000 === 0) return ms === 60_000 ? '1 minute' : `${ms / 60_000} minutes`
  return `${Math.round(ms / 1000)} s`
}

/** How many runs the experiment says it has recorded (successful or failed), or null when it does not say. */
export function recordedRunsOf(experiment: unknown): number | null {
  const succeeded = readCount<Experiment>(experiment, 'successful_run_count')
  const failed = readCount<Experiment>(experiment, 'failed_run_count')
  return succeeded === null || failed === null ? null : succeeded + failed
}
