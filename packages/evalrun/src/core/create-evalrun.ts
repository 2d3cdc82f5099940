import type { AnyEvalrunAdapter, EvalrunAdapter } from './adapter.js'
import { compareRuns } from './compare-runs.js'
import type { CompareOptions, RunComparison } from './comparison.js'
import { type EvalrunOptions, type OnWarning, resolveAdapters, type UnconfiguredVendor } from './config.js'
import { EvalrunInvalidInputError, EvalrunNotConfiguredError, EvalrunNotSupportedError } from './errors.js'
import { type ListRunsOptions, resolveListOptions } from './list-options.js'
import { listRuns } from './list-runs.js'
import type { EvalItem, EvalRun, StartInputOf, Vendor } from './model.js'
import { orNotFound } from './not-found.js'
import type { ListingWarn } from './paginate.js'
import { type RunRef, splitRef } from './ref.js'
import { type RunStats, type RunStatsFunctions, runStats } from './run-stats.js'
import type { EvalSuite, StartOption } from './suite.js'
import { type ListSuitesOptions, listSuites, resolveSuiteOptions } from './suite-listing.js'
import type { EvalrunVendor } from './vendor.js'
import { type WaitOptions, waitForRun } from './wait-for-run.js'

export interface CallOptions {
  signal?: AbortSignal
}

export interface ResultsOptions extends CallOptions {
  /**
   * Called with what the item listing could not do as asked, instead of the client's `onWarning`. A gate should
   * treat `detail.stoppedEarly` as a read cut short: the items seen are not all the run's items.
   */
  onWarning?: OnWarning
}

export interface EvalrunRuns {
  /**
   * Every run of the selected vendors, lazily, one page at a time. Vendors are read concurrently and their runs
   * interleaved as pages arrive: there is no global order. Within a vendor the order is the vendor's (each
   * vendor's README says which). A run repeated by shifting pages is yielded once.
   *
   * If a vendor fails, the others are listed to the end, then the failures are thrown as one
   * `EvalrunListError` (or passed to `onError`). Options are checked before anything is sent.
   */
  list(options?: ListRunsOptions): AsyncIterable<EvalRun>
  /** One run, fresh from the vendor. Throws `EvalrunNotFoundError` for a run the vendor does not know. */
  get(ref: RunRef, options?: CallOptions): Promise<EvalRun>
  /** Starts a run; the input is checked before anything is sent. Resolves with the new run as first read. */
  start<V extends Vendor>(input: StartInputOf<V> & { vendor: V }, options?: CallOptions): Promise<EvalRun<V>>
  /**
   * Polls until the run is completed, failed or canceled; `EvalrunWaitDeadlineError` at the deadline, and the last
   * error after `maxFailedPolls` (default 10) polls in a row failed (see `WaitOptions`).
   */
  wait(ref: RunRef, options?: WaitOptions): Promise<EvalRun>
  /** Cancels a run. Vendors that cannot cancel throw `EvalrunNotSupportedError`. */
  cancel(ref: RunRef, options?: CallOptions): Promise<EvalRun>
  /** The run's per-item results, lazily, in the vendor's unit (files, rows, logs, output items, events). */
  results(ref: RunRef, options?: ResultsOptions): AsyncIterable<EvalItem>
  /**
   * Compares two runs item by item: which items improved, regressed, stayed, were added or removed, and how each
   * metric's mean moved. Both runs are read fresh (`get`), then their items (`results`).
   *
   * Items are joined on `item.key` (the vendor's identity of the test case) or on `options.key`. Runs of two
   * vendors need `options.key`, a function of the item both runs' items answer alike (its name, a field of its
   * input): without it the call throws `EvalrunInvalidInputError` before sending anything.
   *
   * An item found in both runs has regressed or improved when its status moved (passed = completed, then
   * pending/skipped/unknown, then failed, then error); else when its score moved (normalised scores, or raw ones
   * within one vendor); else, when no score could be compared, when a metric moved (any metric down: regressed).
   * `items` holds the changed items only, regressions first, biggest fall first. Memory follows one run's keys
   * and scores, not its payloads. A read that fails throws; there is never a partial comparison.
   */
  compare(base: RunRef, head: RunRef, options?: CompareOptions): Promise<RunComparison>
  /**
   * The run's pass rate (Wilson interval), normalised score and metrics on a known scale (Student-t intervals,
   * clustered by item key when keys repeat), from one read of its items. `stats` is `evalrun/stats`
   * (`import * as stats from 'evalrun/stats'`), passed in so that only a bundle that uses it carries it.
   */
  stats(ref: RunRef, options: RunStatsOptions): Promise<RunStats>
  /**
   * The ids one vendor's start input accepts, per field (`StartOption.field`, a `StartFlag.field`): Datalab's
   * collections and rubrics, OpenAI's evals and files, Braintrust's projects, datasets and functions…, lazily,
   * read from the vendor's lists. Throws `EvalrunNotSupportedError` for a vendor that cannot start runs or whose
   * adapter lists no options; a listing that fails throws after what was read.
   */
  startOptions(vendor: Vendor, options?: ResultsOptions): AsyncIterable<StartOption>
}

export interface EvalrunSuites {
  /**
   * Every suite (what runs are runs of: collections, pipelines, evaluations, evals, projects, datasets) of the
   * configured vendors, or of `vendor`, lazily, vendors read concurrently and interleaved. Each `suite.ref` is
   * accepted by `runs.list({ suite })`. As with `runs.list`, a vendor that fails (or whose adapter cannot list
   * suites) does not stop the others: the failures are thrown together as one `EvalrunListError` at the end (or
   * passed to `onError`). Options are checked before anything is sent.
   */
  list(options?: ListSuitesOptions): AsyncIterable<EvalSuite>
}

export interface RunStatsOptions extends ResultsOptions {
  stats: RunStatsFunctions
  /** The intervals' confidence level, strictly between 0 and 1; default 0.95. */
  confidence?: number
}

export interface Evalrun {
  runs: EvalrunRuns
  suites: EvalrunSuites
  /** The configured vendors. */
  vendors: Vendor[]
}

export interface EvalrunCoreOptions extends EvalrunOptions {
  /** The vendors to know: `import { datalab } from 'evalrun/datalab'`. Configured by options or env vars. */
  vendors: readonly EvalrunVendor[]
}

/**
 * One client over the vendors given, configured by their options or env vars; using one that is not configured
 * throws `EvalrunNotConfiguredError` saying how to configure it. `evalrun`'s own `createEvalrun` is this with
 * every built-in vendor; this one, from `evalrun/core`, bundles only the vendors you import.
 */
export function createEvalrunWith(options: EvalrunCoreOptions): Evalrun {
  if (typeof options !== 'object' || options === null) {
    throw new EvalrunInvalidInputError({ field: 'options', value: options, expected: 'an options object' })
  }
  if (!Array.isArray(options.vendors)) {
    throw new EvalrunInvalidInputError({
      field: 'vendors',
      value: options.vendors,
      expected: "an array of vendors, each imported from 'evalrun/<vendor>'",
    })
  }
  const vendorList = options.vendors
  const { adapters, unconfigured } = resolveAdapters(vendorList, options)
  const known = [...new Set([...adapters.keys(), ...unconfigured.keys()])]
  const refForms = vendorList.map((vendor) => `'${vendor.refForm}'`).join(', ') || "'<vendor>:<id>'"
  const suiteForms =
    vendorList.map((vendor) => `'${vendor.suiteRefForm}'`).join(', ') || "'<vendor>:<suiteId>'"
  const warn = options.onWarning ?? defaultWarn

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

  function resolveRef(ref: RunRef, field = 'ref'): { adapter: AnyEvalrunAdapter; id: string; ref: string } {
    const text = typeof ref === 'object' && ref !== null ? ref.ref : ref
    const { vendor, localId } = splitRef(text, field, refForms)
    return { adapter: adapterFor(vendor, field, text), id: localId, ref: text }
  }

  const runs: EvalrunRuns = {
    list(listOptions = {}) {
      const resolved = resolveListOptions(listOptions, known, [...adapters.keys()] as Vendor[], suiteForms)
      const selected = resolved.vendors.map((vendor) => adapterFor(vendor, 'vendors', vendor))
      const listWarn = listOptions.onWarning ?? warn
      for (const adapter of selected) {
        adapter.checkListQuery?.({
          suiteId: resolved.suite?.id ?? null,
          since: resolved.since,
          warn: (message, detail) => listWarn(message, adapter.vendor, detail),
        })
      }
      return {
        [Symbol.asyncIterator]: () =>
          listRuns(selected, resolved, {
            onError: listOptions.onError,
            onWarning: listWarn,
            signal: listOptions.signal,
          })[Symbol.asyncIterator](),
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
      if (adapter.startRun === undefined) throw notSupported(adapter as AnyEvalrunAdapter, 'start')
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
      if (adapter.cancelRun === undefined) throw notSupported(adapter, 'cancel')
      const cancelRun = adapter.cancelRun.bind(adapter)
      return orNotFound<EvalRun>(text, () => cancelRun(id, signalOf(callOptions)))
    },

    results(ref, callOptions = {}) {
      const { adapter, id } = resolveRef(ref)
      const onWarning = callOptions.onWarning ?? warn
      const itemWarn: ListingWarn = (message, detail) => onWarning(message, adapter.vendor, detail)
      return adapter.listItems(id, signalOf(callOptions), itemWarn) as AsyncIterable<EvalItem>
    },

    compare(base, head, compareOptions) {
      return compareRuns(
        {
          vendorOf: (ref, field) => resolveRef(ref, field).adapter.vendor,
          get: (ref, signal) => runs.get(ref, { signal }),
          // The item listings' warnings go into the comparison's own `warnings`.
          results: (ref, signal, itemWarn) =>
            runs.results(ref, { signal, onWarning: (message, _vendor, detail) => itemWarn(message, detail) }),
        },
        base,
        head,
        compareOptions,
      )
    },

    startOptions(vendor, callOptions = {}) {
      const adapter = adapterFor(vendor, 'vendor', vendor)
      if (adapter.startRun === undefined) throw notSupported(adapter, 'start')
      if (adapter.listStartOptions === undefined) {
        throw new EvalrunNotSupportedError({
          message: `${adapter.displayName}'s adapter lists no start options (it has no listStartOptions).`,
          vendor: adapter.vendor,
          operation: 'listStartOptions',
        })
      }
      const onWarning = callOptions.onWarning ?? warn
      const optionWarn: ListingWarn = (message, detail) => onWarning(message, adapter.vendor, detail)
      return adapter.listStartOptions({ warn: optionWarn }, signalOf(callOptions))
    },

    stats(ref, statsOptions) {
      const { ref: text } = resolveRef(ref)
      let complete = true
      const onWarning = statsOptions?.onWarning ?? warn
      const items = () =>
        runs.results(text, {
          signal: statsOptions?.signal,
          onWarning: (message, vendor, detail) => {
            if (detail?.stoppedEarly) complete = false
            onWarning(message, vendor, detail)
          },
        })
      return runStats(text, items, statsOptions?.stats, statsOptions?.confidence, () => complete)
    },
  }

  const suites: EvalrunSuites = {
    list(listOptions = {}) {
      const vendors = resolveSuiteOptions(listOptions, known, [...adapters.keys()] as Vendor[])
      const selected = vendors.map((vendor) => adapterFor(vendor, 'vendor', vendor))
      return {
        [Symbol.asyncIterator]: () =>
          listSuites(selected, {
            onError: listOptions.onError,
            onWarning: listOptions.onWarning ?? warn,
            signal: listOptions.signal,
          })[Symbol.asyncIterator](),
      }
    },
  }

  return { runs, suites, vendors: [...adapters.keys()] as Vendor[] }
}

function notConfigured(vendor: string, missing: UnconfiguredVendor): EvalrunNotConfiguredError {
  const turnedOff = missing.options.length === 0
  const how = turnedOff
    ? `it was turned off with \`${vendor}: false\` in createEvalrun()`
    : `pass \`${vendor}: { ${missing.options.join(', ')} }\` to createEvalrun() or set ${missing.envVars.join(' and ')}${missing.alternatives.length === 0 ? '' : `; or instead ${missing.alternatives.join(', or ')}`}`
  return new EvalrunNotConfiguredError({
    message: `${missing.displayName} is not configured: ${how}.`,
    vendor,
    option: turnedOff ? vendor : missing.options.map((option) => `${vendor}.${option}`).join(', '),
    envVar: missing.envVars[0] ?? null,
    envVars: missing.envVars,
  })
}

function notSupported(adapter: AnyEvalrunAdapter, operation: 'start' | 'cancel'): EvalrunNotSupportedError {
  const what = operation === 'start' ? 'start runs' : 'stop a run'
  return new EvalrunNotSupportedError({
    message: `${operation} is not supported by ${adapter.displayName}: its API has no way to ${what}.`,
    vendor: adapter.vendor,
    operation,
  })
}

/** Without `onWarning`, listing warnings go where a library's warnings usually go: the console. */
function defaultWarn(message: string, vendor: string): void {
  console.warn(`evalrun (${vendor}): ${message}`)
}

function signalOf(options: CallOptions): AbortSignal {
  return options.signal ?? new AbortController().signal
}
