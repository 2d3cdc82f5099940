import { BUILT_IN_VENDORS, type EvalrunVendor } from 'evalrun'
import { type GateCriteria, type GateCriterionNames, scoreThresholdProblem } from 'evalrun/gate'
import { CliError, ExitCode } from '../exit-codes.js'
import { FLAG_NAMES } from './gate-criteria.js'

/** The built-in vendor a ref names (`datalab:42` → Datalab), if any: the facade judges the rest of the ref. */
export function vendorOfRef(ref: string): EvalrunVendor | undefined {
  return BUILT_IN_VENDORS.find((vendor) => ref.startsWith(`${vendor.id}:`))
}

/** Refuses (exit 2) a minimum score on a vendor that never has a scale, before a run is started or waited for. */
export function checkScoreThreshold(
  criteria: GateCriteria,
  vendor: EvalrunVendor,
  subject: string,
  names: GateCriterionNames = FLAG_NAMES,
): void {
  const problem = scoreThresholdProblem(criteria, vendor, subject, names)
  if (problem !== null) throw new CliError(problem, ExitCode.usage)
}
