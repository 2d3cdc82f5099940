import type { EvalItem, EvalRun, StartInputOf, Vendor } from './model.js'
import type { ListingWarn } from './paginate.js'
import type { EvalSuite, StartOption } from './suite.js'

/** What the core asks an adapter to list. Status, `since`, dedupe and `limit` are applied by the core. */
export interface AdapterListQuery {
  /** The vendor's part of a suite ref (`acme:suite_1` → `suite_1`), or null for every suite the adapter reaches. */
  suiteId: string | null
  /** Only runs created at or after this matter; a hint that lets an adapter stop early. The core filters anyway. */
  since: Date | null
  /** Reports something the caller should know about the listing as a whole (routed to `onWarning`). */
  warn: ListingWarn
}

/** What the core asks an adapter when it lists suites or start options. */
export interface AdapterCatalogQuery {
  /** Reports something the caller should know about the listing as a whole (routed to `onWarning`). */
  warn: ListingWarn
}

/**
 * How the core talks to one vendor. A vendor's `EvalrunVendor` description creates it (`createAdapter`); to add a
 * vendor, see docs/writing-a-vendor.md:
 *
 * 1. Register its payloads with the core by declaration merging of `RawRuns`, `RawItems`, `StartInputs` and
 *    `VendorOptionsByVendor` (`declare module 'evalrun/core' { interface RawRuns { acme: AcmeRun } … }`).
 * 2. Implement this interface, mapping every vendor payload with functions that accept `unknown` and never throw
 *    (unknown values become `status: 'unknown'` plus a warning).
 * 3. Describe it as an `EvalrunVendor` and pass it: `createEvalrun({ vendors: [acme] })`.
 *
 * Rules the core relies on:
 * - `id` arguments are the part of a ref after `<vendor>:`; refs an adapter emits must round-trip through them.
 * - Invalid arguments throw `EvalrunInvalidInputError` before any request is sent.
 * - Vendor errors propagate as the HTTP layer's errors (`EvalrunApiError`, `EvalrunNetworkError`, …); the core
 *   turns a 404 into `EvalrunNotFoundError`. Single requests are retried by the HTTP layer, never here.
 * - Every request uses the `signal` given, so that aborting stops it.
 * - Listings page through `paginate` (exported by `evalrun/core`): declare the paging (offset + total, numbered pages,
 *   cursor, one page), the list field and the entries' id; it holds about one page, stops on pages that bring
 *   nothing new or a cursor seen before, marks a listing cut short `stoppedEarly`, and fails a malformed page typed.
 * - A vendor whose API has no run status derives one by a rule written in its adapter, never claiming more than
 *   the data shows (a run with no sign of finishing is `running`, not `completed`), sets `vendorStatus` to null
 *   and adds a warning naming the rule.
 *
 * Versions: `v2` made `startRun` optional (absent: the core throws `EvalrunNotSupportedError`); `v1` adapters,
 * which always have it, are still accepted. `listSuites` and `listStartOptions` are optional in both: an adapter
 * without them still works, and only `suites.list` and `runs.startOptions` report that it cannot list them.
 */
export interface EvalrunAdapter<V extends Vendor = Vendor> {
  /** The version of this interface the adapter implements. */
  readonly specificationVersion: 'v2' | 'v1'
  readonly vendor: V
  /** For messages: `Acme`. */
  readonly displayName: string
  /** Throws (before any request) when this query cannot be listed, e.g. a vendor that lists only per suite, given none. */
  checkListQuery?(query: AdapterListQuery): void
  listRuns(query: AdapterListQuery, signal: AbortSignal): AsyncIterable<EvalRun<V>>
  getRun(id: string, signal: AbortSignal): Promise<EvalRun<V>>
  /** Validates `input` before sending anything. Absent when the vendor cannot start runs through its API. */
  startRun?(input: StartInputOf<V>, signal: AbortSignal): Promise<EvalRun<V>>
  /** Absent when the vendor cannot cancel runs: the core then throws `EvalrunNotSupportedError`. */
  cancelRun?(id: string, signal: AbortSignal): Promise<EvalRun<V>>
  /**
   * Every suite the configured credentials reach (what `run.suite` refers to), each with the ref `listRuns`
   * accepts as `suiteId`, through `paginate`. Absent: `suites.list` reports the vendor as failed.
   */
  listSuites?(query: AdapterCatalogQuery, signal: AbortSignal): AsyncIterable<EvalSuite<V>>
  /**
   * The ids the start input's fields accept (collections, rubrics, datasets, files…), read from the vendor's
   * lists through `paginate`; each option names its field (`StartFlag.field`). Absent where there is none to list.
   */
  listStartOptions?(query: AdapterCatalogQuery, signal: AbortSignal): AsyncIterable<StartOption>
  /** `warn` reports what the item listing could not do as asked (routed to `onWarning`), as in `listRuns`. */
  listItems(id: string, signal: AbortSignal, warn?: ListingWarn): AsyncIterable<EvalItem<V>>
}

/** Any adapter, whatever its vendor. */
export type AnyEvalrunAdapter = { [V in Vendor]: EvalrunAdapter<V> }[Vendor]
