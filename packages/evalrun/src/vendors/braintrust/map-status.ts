import type { ExperimentEvent } from '@evalrun/braintrust'
import type { MappedStatus } from '../../core/mapped-status.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { asRecord, readField, readNumber } from '../../core/read-json.js'

/** How long an experiment must have been quiet to count as completed, unless `quietPeriodMs` says otherwise. */
export const BRAINTRUST_QUIET_PERIOD_MS = 60_000

/** The rule, said on every Braintrust run (its warnings) and in the README. */
export function braintrustStatusRule(quietPeriodMs: number): string {
  return `Braintrust records no run status, so evalrun derives one: running while the experiment's newest event (before its first event, the experiment itself) is less than ${formatPeriod(quietPeriodMs)} old by Braintrust's clock, completed once it is older. A completed run may still receive events; vendorStatus is null.`
}

/**
 * A Braintrust experiment's status, derived from when it last changed: its newest trace's events (`created`,
 * `metrics.start`, `metrics.end`), or its own creation before it has any, against Braintrust's clock (`now`,
 * from the answer's `Date`). Braintrust has no "finished" mark, so `completed` means "quiet for `quietPeriodMs`",
 * and the rule is always said in a warning. With no time at all to go by, the status is `unknown`.
 */
export function deriveBraintrustStatus(
  createdAt: Date | null,
  newestTrace: unknown,
  now: Date,
  quietPeriodMs: number,
): MappedStatus & { lastActivityAt: Date | null } {
  const warnings = [braintrustStatusRule(quietPeriodMs)]
  const lastActivityAt = newestActivity(newestTrace, warnings) ?? createdAt
  if (lastActivityAt === null) {
    warnings.push('Neither the experiment nor its events say when they were written; status is unknown.')
    return { status: 'unknown', vendorStatus: null, warnings, lastActivityAt }
  }
  const quiet = now.getTime() - lastActivityAt.getTime() >= quietPeriodMs
  return { status: quiet ? 'completed' : 'running', vendorStatus: null, warnings, lastActivityAt }
}

/** The latest time any event of the trace says it was written or ran: null when it says none. */
function newestActivity(trace: unknown, warnings: string[]): Date | null {
  let newest: number | null = null
  const later = (ms: number | null) => {
    if (ms !== null && (newest === null || ms > newest)) newest = ms
  }
  for (const event of Array.isArray(trace) ? trace : []) {
    later(
      parseVendorDate(readField<ExperimentEvent>(event, 'created'), 'event created', warnings)?.getTime() ??
        null,
    )
    const metrics = asRecord(readField<ExperimentEvent>(event, 'metrics'))
    for (const key of ['start', 'end'] as const) {
      const seconds = readNumber<NonNullable<ExperimentEvent['metrics']>>(metrics, key)
      // Unix seconds, as Braintrust's SDKs write them; anything outside 1970–9999 is not a time.
      if (seconds !== null && seconds >= 0 && seconds < 253_402_300_800) later(seconds * 1000)
    }
  }
  return newest === null ? null : new Date(newest)
}

function formatPeriod(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`
}
