// The per-vendor types, keyed by vendor id. They are empty here: each vendor adds its own entries by declaration
// merging, so that the core names no vendor and a program carries the types of the vendors it imports only.
// A vendor outside this package writes `declare module 'evalrun/core' { interface RawRuns { acme: AcmeRun } }`.

/** The vendor payload behind an `EvalRun`, per vendor. An entry here adds its key to `Vendor`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface RawRuns {}

/** The vendor payload behind an `EvalItem`, per vendor. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface RawItems {}

/** What `runs.start` accepts, per vendor; a vendor that cannot start runs has no entry. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface StartInputs {}

/** A vendor's own `createEvalrun` options (`createEvalrun({ acme: { apiKey } })`), per vendor. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface VendorOptionsByVendor {}
