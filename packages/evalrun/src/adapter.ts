import type { EvalItem, EvalRun, Vendor } from './model.js'
import type { StartInputs } from './start-input.js'

/** What the core asks an adapter to list. Status, `since`, dedupe and `limit` are applied by the core. */
export interface AdapterListQuery {
  /** The vendor's part of a suite ref (`humanloop:ev_1` → `ev_1`), or null for every suite the adapter reaches. */
  suiteId: string | null
  /** Only runs created at or after this matter; a hint that lets an adapter stop early. The core filters anyway. */
  since: Date | null
}

/**
 * How the core talks to one vendor. The three built-in vendors implement it; to add one:
 *
 * 1. Declare its payloads by module augmentation of `RawRuns`, `RawItems` and `StartInputs`
 *    (`declare module 'evalrun' { interface RawRuns { acme: AcmeRun } … }`), which adds it to `Vendor`.
 * 2. Implement this interface, mapping every vendor payload with functions that accept `unknown` and never throw
 *    (unknown values become `status: 'unknown'` plus a warning).
 * 3. Pass it as `createEvalrun({ adapters: [acmeAdapter] })`.
 *
 * Rules the core relies on:
 * - `id` arguments are the part of a ref after `<vendor>:`; refs an adapter emits must round-trip through them.
 * - Invalid arguments throw `EvalrunInvalidInputError` before any request is sent.
 * - Vendor errors propagate as the HTTP layer's errors (`EvalrunApiError`, `EvalrunNetworkError`, …); the core
 *   turns a 404 into `EvalrunNotFoundError`. Single requests are retried by the HTTP layer, never here.
 * - Every request uses the `signal` given, so that aborting stops it.
 * - Listings page lazily: hold at most about one page in memory.
 */
export interface EvalrunAdapter<V extends Vendor = Vendor> {
  /** The version of this interface the adapter implements. */
  readonly specificationVersion: 'v1'
  readonly vendor: V
  /** For messages: `Datalab`. */
  readonly displayName: string
  /** Throws (before any request) when this query cannot be listed, e.g. Humanloop without file ids or suite. */
  checkListQuery?(query: AdapterListQuery): void
  listRuns(query: AdapterListQuery, signal: AbortSignal): AsyncIterable<EvalRun<V>>
  getRun(id: string, signal: AbortSignal): Promise<EvalRun<V>>
  /** Validates `input` before sending anything. */
  startRun(input: StartInputs[V], signal: AbortSignal): Promise<EvalRun<V>>
  /** Absent when the vendor cannot cancel runs: the core then throws `EvalrunNotSupportedError`. */
  cancelRun?(id: string, signal: AbortSignal): Promise<EvalRun<V>>
  listItems(id: string, signal: AbortSignal): AsyncIterable<EvalItem<V>>
}

/** Any adapter, whatever its vendor. */
export type AnyEvalrunAdapter = { [V in Vendor]: EvalrunAdapter<V> }[Vendor]
