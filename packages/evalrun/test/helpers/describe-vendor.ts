import type { AnyEvalrunAdapter } from '../../src/core/adapter.js'
import type { EvalrunVendor } from '../../src/core/vendor.js'

/** A vendor description around a ready-made adapter, needing no credentials: a vendor added from outside. */
export function describeVendor(adapter: AnyEvalrunAdapter): EvalrunVendor {
  return {
    id: adapter.vendor,
    displayName: adapter.displayName,
    credentials: [],
    settingsEnv: [],
    refForm: `${adapter.vendor}:<id>`,
    suiteRefForm: `${adapter.vendor}:<suiteId>`,
    itemsAre: 'items',
    createAdapter: () => adapter,
    canCancel: adapter.cancelRun !== undefined,
  }
}
