import type { OnWarning } from './config.js'
import { EvalrunInvalidInputError } from './errors.js'
import { RUN_STATUSES, type RunStatus, type Vendor } from './model.js'
import { splitRef } from './ref.js'

export interface ListRunsOptions {
  /** Vendors to list; default every configured vendor. */
  vendors?: readonly Vendor[]
  /** Keep only runs in these statuses. */
  status?: RunStatus | readonly RunStatus[]
  /** One suite, as a suite ref (`run.suite.ref`, e.g. `datalab:<collectionId>`). Lists that vendor only. */
  suite?: string
  /** Keep only runs created at or after this instant (runs whose creation time is unknown are kept). */
  since?: Date | string
  /** Stop after this many runs. */
  limit?: number
  /**
   * Called with each vendor that fails; the listing then ends normally. Without it, failures are thrown
   * together as one `EvalrunListError` once the other vendors are done.
   */
  onError?: (error: unknown, vendor: Vendor) => void
  /** Called with what the listing could not do as asked (see `EvalrunOptions.onWarning`). */
  onWarning?: OnWarning
  signal?: AbortSignal
}

export interface ResolvedListOptions {
  vendors: Vendor[]
  statuses: ReadonlySet<RunStatus> | null
  suite: { vendor: Vendor; id: string } | null
  since: Date | null
  limit: number
}

const KNOWN_OPTIONS = ['vendors', 'status', 'suite', 'since', 'limit', 'onError', 'onWarning', 'signal']

/** Checks every list option before anything is sent. `known` are the vendors evalrun has an adapter for. */
export function resolveListOptions(
  options: ListRunsOptions,
  known: readonly string[],
  configured: readonly Vendor[],
  suiteForms: string,
): ResolvedListOptions {
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
  const suite = resolveSuite(options.suite, known, suiteForms)
  let vendors = resolveVendors(options.vendors, known)
  if (suite !== null) {
    if (vendors !== null && !vendors.includes(suite.vendor)) {
      throw new EvalrunInvalidInputError({
        field: 'suite',
        value: options.suite,
        expected: `a suite of one of the listed vendors (${vendors.join(', ')})`,
      })
    }
    vendors = [suite.vendor]
  }
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    throw new EvalrunInvalidInputError({ field: 'onError', value: options.onError, expected: 'a function' })
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') {
    throw new EvalrunInvalidInputError({
      field: 'onWarning',
      value: options.onWarning,
      expected: 'a function',
    })
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new EvalrunInvalidInputError({ field: 'signal', value: options.signal, expected: 'an AbortSignal' })
  }
  return {
    vendors: vendors ?? [...configured],
    statuses: resolveStatuses(options.status),
    suite,
    since: resolveSince(options.since),
    limit: resolveLimit(options.limit),
  }
}

function resolveVendors(value: unknown, known: readonly string[]): Vendor[] | null {
  if (value === undefined) return null
  const expected = `a non-empty array of ${known.map((v) => `'${v}'`).join(', ')}`
  if (!Array.isArray(value) || value.length === 0) {
    throw new EvalrunInvalidInputError({ field: 'vendors', value, expected })
  }
  for (const [index, vendor] of value.entries()) {
    if (typeof vendor !== 'string' || !known.includes(vendor)) {
      throw new EvalrunInvalidInputError({ field: `vendors[${index}]`, value: vendor, expected })
    }
  }
  return [...new Set(value as Vendor[])]
}

function resolveStatuses(value: unknown): ReadonlySet<RunStatus> | null {
  if (value === undefined) return null
  const list = Array.isArray(value) ? value : [value]
  const expected = `one of ${RUN_STATUSES.join(', ')} (or a non-empty array of them)`
  if (list.length === 0) throw new EvalrunInvalidInputError({ field: 'status', value, expected })
  for (const status of list) {
    if (!(RUN_STATUSES as readonly unknown[]).includes(status)) {
      throw new EvalrunInvalidInputError({ field: 'status', value: status, expected })
    }
  }
  return new Set(list as RunStatus[])
}

function resolveSuite(
  value: unknown,
  known: readonly string[],
  forms: string,
): { vendor: Vendor; id: string } | null {
  if (value === undefined) return null
  const expected = `a suite ref like ${forms}`
  if (typeof value !== 'string') throw new EvalrunInvalidInputError({ field: 'suite', value, expected })
  const { vendor, localId } = splitRef(value, 'suite', forms)
  if (!known.includes(vendor)) throw new EvalrunInvalidInputError({ field: 'suite', value, expected })
  return { vendor: vendor as Vendor, id: localId }
}

function resolveSince(value: unknown): Date | null {
  if (value === undefined) return null
  const expected = 'a valid Date or an ISO 8601 date string'
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
        ? new Date(value)
        : null
  if (date === null || Number.isNaN(date.getTime())) {
    throw new EvalrunInvalidInputError({ field: 'since', value, expected })
  }
  return date
}

function resolveLimit(value: unknown): number {
  if (value === undefined) return Number.POSITIVE_INFINITY
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new EvalrunInvalidInputError({ field: 'limit', value, expected: 'a positive whole number' })
  }
  return value
}
