import { BUILT_IN_VENDORS, type EvalrunVendor } from 'evalrun'
import { CliError, ExitCode } from '../exit-codes.js'
import type { GateCriteria } from './gate-criteria.js'

/** The built-in vendor a ref names (`datalab:42` → Datalab), if any: the facade judges the rest of the ref. */
export function vendorOfRef(ref: string): EvalrunVendor | undefined {
  return BUILT_IN_VENDORS.find((vendor) => ref.startsWith(`${vendor.id}:`))
}

/**
 * `--min-score` compares a normalised score, which a vendor whose scores never come on a declared scale cannot
 * give: refused (exit 2) before a run is started or waited for, rather than after the whole wait. A vendor whose
 * scale depends on the run is judged once the run is read (`judgeRun`).
 */
export function checkScoreThreshold(criteria: GateCriteria, vendor: EvalrunVendor, subject: string): void {
  if (criteria.minScore === null || vendor.scoreScale !== 'never') return
  throw new CliError(
    `--min-score cannot judge ${subject}: ${vendor.displayName} gives its runs no score on a declared scale, so they have no normalised score. Use --min-pass-rate <0..1> or --min-metric "<name>=<value on ${vendor.displayName}'s own scale>" instead.`,
    ExitCode.usage,
  )
}
