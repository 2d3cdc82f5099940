import { BUILT_IN_VENDORS } from 'evalrun'

/** Help texts that list every built-in vendor, from their descriptions. */
export const vendorHelp = {
  /** What `--vendor` takes. */
  ids: BUILT_IN_VENDORS.map((vendor) => vendor.id).join(', '),
  /** What `--suite` takes. */
  suiteRefs: BUILT_IN_VENDORS.map((vendor) => vendor.suiteRefForm).join(', '),
  /** What a `<ref>` argument takes, as a help line. */
  refs: `Refs: ${BUILT_IN_VENDORS.map((vendor) => vendor.refForm).join(', ')}`,
  firstId: BUILT_IN_VENDORS[0]?.id,
}
