import type { AnyEvalrunAdapter } from './adapter.js'
import type { OnWarning } from './config.js'
import { EvalrunInvalidInputError, EvalrunNotSupportedError } from './errors.js'
import { DEDUPE_WINDOW } from './list-runs.js'
import { type MergeOutcome, mergeStreams, reportFailures } from './merge-streams.js'
import type { Vendor } from './model.js'
import type { ListingWarn } from './paginate.js'
import { RecentRefs } from './recent-refs.js'
import type { EvalSuite } from './suite.js'

export interface ListSuitesOptions {
  /** One vendor; default every configured vendor. */
  vendor?: Vendor
  /**
   * Called with each vendor that fails; the listing then ends normally. Without it, failures are thrown together
   * as one `EvalrunListError` once the other vendors are done.
   */
  onError?: (error: unknown, vendor: Vendor) => void
  /** Called with what the listing could not do as asked (see `EvalrunOptions.onWarning`). */
  onWarning?: OnWarning
  signal?: AbortSignal
}

const KNOWN_OPTIONS = ['vendor', 'onError', 'onWarning', 'signal']

/** Checks the options before anything is sent; returns the vendors to list. */
export function resolveSuiteOptions(
  options: ListSuitesOptions,
  known: readonly string[],
  configured: readonly Vendor[],
): Vendor[] {
  if (typeof options !== 'object' || options === null) {
    throw new EvalrunInvalidInputError({ field: 'options', value: options, expected: 'an options object' })
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.includes(key)) {
      throw new EvalrunInvalidInputError({
        field: key,
        value: (options as Record<string, unknown>)[key],
        expected: `no such option (known: ${KNOWN_OPTIONS.join(', ')})`,
      })
    }
  }
  for (const field of ['onError', 'onWarning'] as const) {
    if (options[field] !== undefined && typeof options[field] !== 'function') {
      throw new EvalrunInvalidInputError({ field, value: options[field], expected: 'a function' })
    }
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new EvalrunInvalidInputError({ field: 'signal', value: options.signal, expected: 'an AbortSignal' })
  }
  if (options.vendor === undefined) return [...configured]
  if (typeof options.vendor !== 'string' || !known.includes(options.vendor)) {
    throw new EvalrunInvalidInputError({
      field: 'vendor',
      value: options.vendor,
      expected: `one of ${known.map((vendor) => `'${vendor}'`).join(', ')}`,
    })
  }
  return [options.vendor]
}

/**
 * Every suite of the adapters given, concurrently, interleaved as pages arrive, each ref once. A vendor that fails
 * (or whose adapter cannot list suites) is reported after the others are listed to the end, as `runs.list` does.
 */
export async function* listSuites(
  adapters: AnyEvalrunAdapter[],
  callbacks: {
    onError: ((error: unknown, vendor: Vendor) => void) | undefined
    onWarning: OnWarning
    signal: AbortSignal | undefined
  },
): AsyncGenerator<EvalSuite> {
  const { onError, onWarning, signal } = callbacks
  signal?.throwIfAborted()
  const stopper = new AbortController()
  const combined = signal ? AbortSignal.any([signal, stopper.signal]) : stopper.signal
  const outcome: MergeOutcome = { failures: [], completed: [] }
  const sources = adapters.map((adapter) => ({
    name: adapter.vendor as string,
    iterable: suitesOf(adapter, (message, detail) => onWarning(message, adapter.vendor, detail), combined),
  }))
  const seen = new RecentRefs(DEDUPE_WINDOW)
  let yielded = 0
  for await (const { value: suite } of mergeStreams(sources, outcome, () => stopper.abort())) {
    signal?.throwIfAborted()
    if (!seen.add(suite.ref)) continue
    yielded++
    yield suite
  }
  signal?.throwIfAborted()
  reportFailures(outcome, onError, yielded, 'suites')
}

async function* suitesOf(
  adapter: AnyEvalrunAdapter,
  warn: ListingWarn,
  signal: AbortSignal,
): AsyncGenerator<EvalSuite> {
  if (adapter.listSuites === undefined) throw suitesNotSupported(adapter)
  yield* adapter.listSuites({ warn }, signal) as AsyncIterable<EvalSuite>
}

function suitesNotSupported(adapter: AnyEvalrunAdapter): EvalrunNotSupportedError {
  return new EvalrunNotSupportedError({
    message: `listing suites is not supported by ${adapter.displayName}'s adapter (it has no listSuites).`,
    vendor: adapter.vendor,
    operation: 'listSuites',
  })
}
