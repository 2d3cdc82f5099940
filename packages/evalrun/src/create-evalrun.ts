import type { AnyEvalrunAdapter, EvalrunAdapter } from './adapter.js'
import { orNotFound } from './adapters/not-found.js'
import { type EvalrunOptions, resolveAdapters, type UnconfiguredVendor } from './config.js'
import { EvalrunInvalidInputError, EvalrunNotConfiguredError, EvalrunNotSupportedError } from './errors.js'
import { type ListRunsOptions, resolveListOptions } from './list-options.js'
import { listRuns } from './list-runs.js'
import type { EvalItem, EvalRun, Vendor } from './model.js'
import { splitRef } from './ref.js'
import type { StartInputs } from './start-input.js'
import { type WaitOptions, waitForRun } from './wait-for-run.js'

/** A run ref (`datalab:42`), or anything carrying one, such as an `EvalRun`. */
export type RunRef = string | { readonly ref: string }

export interface CallOptions {
  signal?: AbortSignal
}

export interface EvalrunRuns {
  /**
   * Every run of the selected vendors, lazily, one page at a time. Vendors are read concurrently and their runs
   * interleaved as pages arrive: there is no global order. Within a vendor the order is the vendor's:
   * Datalab as its list endpoint returns them; PromptLayer by pipeline, newest pipeline first; Humanloop by
   * configured file, then evaluation, then run. A run repeated by shifting pages is yielded once.
   *
   * If a vendor fails, the others are listed to the end, then the failures are thrown as one
   * `EvalrunListError` (or passed to `onError`). Options are checked before anything is sent.
   */
  list(options?: ListRunsOptions): AsyncIterable<EvalRun>
  /** One run, fresh from the vendor. Throws `EvalrunNotFoundError` for a run the vendor does not know. */
  get(ref: RunRef, options?: CallOptions): Promise<EvalRun>
  /** Starts a run; the input is checked before anything is sent. Resolves with the new run as first read. */
  start<V extends Vendor>(input: StartInputs[V] & { vendor: V }, options?: CallOptions): Promise<EvalRun<V>>
  /** Polls until the run is completed, failed or canceled; `EvalrunWaitDeadlineError` at the deadline. */
  wait(ref: RunRef, options?: WaitOptions): Promise<EvalRun>
  /** Cancels a run (Humanloop). Vendors that cannot cancel throw `EvalrunNotSupportedError`. */
  cancel(ref: RunRef, options?: CallOptions): Promise<EvalRun>
  /** The run's per-item results, lazily: Datalab file results, PromptLayer rows, Humanloop logs. */
  results(ref: RunRef, options?: CallOptions): AsyncIterable<EvalItem>
}

export interface Evalrun {
  runs: EvalrunRuns
  /** The configured vendors. */
  vendors: Vendor[]
}

/**
 * One client over every configured evaluation vendor. A vendor is configured by its options or its env vars
 * (`DATALAB_API_KEY`, `PROMPTLAYER_API_KEY`, `HUMANLOOP_API_KEY` + `HUMANLOOP_FILE_IDS`); using one that is not
 * throws `EvalrunNotConfiguredError` saying how to configure it.
 */
export function createEvalrun(options: EvalrunOptions = {}): Evalrun {
  const { adapters, unconfigured } = resolveAdapters(options)
  const known = [...new Set([...adapters.keys(), ...unconfigured.keys()])]

  function adapterFor(vendor: string, field: string, value: unknown): AnyEvalrunAdapter {
    const adapter = adapters.get(vendor)
    if (adapter !== undefined) return adapter
    const missing = unconfigured.get(vendor)
    if (missing !== undefined) throw notConfigured(vendor, missing)
    throw new EvalrunInvalidInputError({
      field,
      value,
      expected: `a ref of a known vendor (${known.join(', ')})`,
    })
  }

  function resolveRef(ref: RunRef): { adapter: AnyEvalrunAdapter; id: string; ref: string } {
    const text = typeof ref === 'object' && ref !== null ? ref.ref : ref
    const { vendor, localId } = splitRef(text)
    return { adapter: adapterFor(vendor, 'ref', text), id: localId, ref: text }
  }

  const runs: EvalrunRuns = {
    list(listOptions = {}) {
      const resolved = resolveListOptions(listOptions, known, [...adapters.keys()] as Vendor[])
      const selected = resolved.vendors.map((vendor) => adapterFor(vendor, 'vendors', vendor))
      const query = { suiteId: resolved.suite?.id ?? null, since: resolved.since }
      for (const adapter of selected) adapter.checkListQuery?.(query)
      return {
        [Symbol.asyncIterator]: () =>
          listRuns(selected, resolved, listOptions.onError, listOptions.signal)[Symbol.asyncIterator](),
      }
    },

    async get(ref, callOptions = {}) {
      const { adapter, id, ref: text } = resolveRef(ref)
      return orNotFound<EvalRun>(text, () => adapter.getRun(id, signalOf(callOptions)))
    },

    async start(input, callOptions = {}) {
      if (typeof input !== 'object' || input === null || typeof input.vendor !== 'string') {
        throw new EvalrunInvalidInputError({
          field: 'input.vendor',
          value: (input as { vendor?: unknown } | null)?.vendor,
          expected: `the vendor to start a run on (${known.join(', ')})`,
        })
      }
      const adapter = adapterFor(input.vendor, 'input.vendor', input.vendor) as EvalrunAdapter<
        typeof input.vendor
      >
      return adapter.startRun(input as never, signalOf(callOptions)) as never
    },

    async wait(ref, waitOptions = {}) {
      const { adapter, id, ref: text } = resolveRef(ref)
      return waitForRun(
        text,
        (signal) => orNotFound<EvalRun>(text, () => adapter.getRun(id, signal)),
        waitOptions,
      )
    },

    async cancel(ref, callOptions = {}) {
      const { adapter, id, ref: text } = resolveRef(ref)
      if (adapter.cancelRun === undefined) {
        throw new EvalrunNotSupportedError({
          message: `cancel is not supported by ${adapter.displayName}: its API has no way to stop a run.`,
          vendor: adapter.vendor,
          operation: 'cancel',
        })
      }
      const cancelRun = adapter.cancelRun.bind(adapter)
      return orNotFound<EvalRun>(text, () => cancelRun(id, signalOf(callOptions)))
    },

    results(ref, callOptions = {}) {
      const { adapter, id } = resolveRef(ref)
      return adapter.listItems(id, signalOf(callOptions)) as AsyncIterable<EvalItem>
    },
  }

  return { runs, vendors: [...adapters.keys()] as Vendor[] }
}

function notConfigured(vendor: string, missing: UnconfiguredVendor): EvalrunNotConfiguredError {
  const how =
    missing.option === vendor
      ? `it was turned off with \`${vendor}: false\` in createEvalrun()`
      : `pass \`${vendor}: { apiKey }\` to createEvalrun() or set ${missing.envVar}`
  return new EvalrunNotConfiguredError({
    message: `${missing.displayName} is not configured: ${how}.`,
    vendor,
    option: missing.option,
    envVar: missing.option === vendor ? null : missing.envVar,
  })
}

function signalOf(options: CallOptions): AbortSignal {
  return options.signal ?? new AbortController().signal
}
