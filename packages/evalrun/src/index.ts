import type { EvalrunOptions } from './core/config.js'
import { createEvalrunWith, type Evalrun } from './core/create-evalrun.js'
import type { EvalrunVendor } from './core/vendor.js'
import { BUILT_IN_VENDORS } from './vendors/index.js'

// `evalrun`: the client over the six built-in vendors, the model, the errors and the vendor descriptions. The
// vendors' own types (`DatalabStartInput`, …) are on their entries (`evalrun/datalab`, …).
export * from './common-exports.js'
export * from './vendors/index.js'

/**
 * One client over every configured evaluation vendor. A built-in vendor is configured by its options or its env
 * vars (each vendor's README names them; `BUILT_IN_VENDORS` lists their credentials); using one that is not throws
 * `EvalrunNotConfiguredError` saying how to configure it. `vendors` replaces the built-in list (add one with
 * `[...BUILT_IN_VENDORS, acme]`). To bundle fewer vendors, use `createEvalrun` from `evalrun/core` with the
 * vendors you import.
 */
export function createEvalrun(
  options: EvalrunOptions & { vendors?: readonly EvalrunVendor[] } = {},
): Evalrun {
  // Anything but an options object is passed on as it is, for the core to reject with a typed error.
  if (typeof options !== 'object' || options === null) return createEvalrunWith(options)
  return createEvalrunWith({ ...options, vendors: options.vendors ?? BUILT_IN_VENDORS })
}
