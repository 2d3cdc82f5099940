import type { EvalrunVendor } from '../core/vendor.js'
import { CONFIG_KEY_NAMES, type GateCriteria, type GateCriterionNames } from './criteria.js'

/**
 * A minimum normalised score on a vendor whose scores never come on a declared scale can never be judged: said
 * before a run is started or waited for, rather than after the whole wait. Null when the gate can apply. (A vendor
 * whose scale depends on the run is judged once the run is read, by `judgeRun`.)
 */
export function scoreThresholdProblem(
  criteria: GateCriteria,
  vendor: EvalrunVendor,
  subject: string,
  names: GateCriterionNames = CONFIG_KEY_NAMES,
): string | null {
  if (criteria.minScore === null || vendor.scoreScale !== 'never') return null
  return `${names.minScore} cannot judge ${subject}: ${vendor.displayName} gives its runs no score on a declared scale, so they have no normalised score. Use ${names.minPassRate} <0..1> or ${names.minMetric} "<name>=<value on ${vendor.displayName}'s own scale>" instead.`
}
