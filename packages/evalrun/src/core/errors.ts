import { type ErrorOptions, EvalrunError, hasMarker } from '@evalrun/http'
import type { EvalRun } from './model.js'

const notConfiguredMarker = Symbol.for('evalrun.error.not-configured')

/** A vendor was used that has no credentials (or lacks a setting an operation needs). Nothing was sent. */
export class EvalrunNotConfiguredError extends EvalrunError {
  readonly [notConfiguredMarker] = true
  override readonly code: string = 'EVALRUN_NOT_CONFIGURED'
  readonly vendor: string
  /** The `createEvalrun` option that would configure it, e.g. `<vendor>.apiKey`. */
  readonly option: string
  /** The environment variable that would configure it, e.g. `<VENDOR>_API_KEY`, when there is one.
   * The first of `envVars`. */
  readonly envVar: string | null
  /** Every environment variable still missing (a vendor may need several credentials); empty when turned off. */
  readonly envVars: readonly string[]

  constructor({
    vendor,
    option,
    envVar,
    envVars,
    ...rest
  }: ErrorOptions<{ vendor: string; option: string; envVar: string | null; envVars?: readonly string[] }>) {
    super(rest)
    this.vendor = vendor
    this.option = option
    this.envVar = envVar
    this.envVars = envVars ?? (envVar === null ? [] : [envVar])
  }

  static override isInstance(value: unknown): value is EvalrunNotConfiguredError {
    return hasMarker(value, notConfiguredMarker)
  }
}

const notSupportedMarker = Symbol.for('evalrun.error.not-supported')

/** The vendor's API has no way to do this (e.g. cancel a run where the API has no cancel). Nothing was sent. */
export class EvalrunNotSupportedError extends EvalrunError {
  readonly [notSupportedMarker] = true
  override readonly code: string = 'EVALRUN_NOT_SUPPORTED'
  readonly vendor: string
  /** What was asked for: `cancel`, … */
  readonly operation: string

  constructor({ vendor, operation, ...rest }: ErrorOptions<{ vendor: string; operation: string }>) {
    super(rest)
    this.vendor = vendor
    this.operation = operation
  }

  static override isInstance(value: unknown): value is EvalrunNotSupportedError {
    return hasMarker(value, notSupportedMarker)
  }
}

const notFoundMarker = Symbol.for('evalrun.error.not-found')

/** No run with this ref is visible with the configured key. `cause` holds the vendor's 404 when there was one. */
export class EvalrunNotFoundError extends EvalrunError {
  readonly [notFoundMarker] = true
  override readonly code: string = 'EVALRUN_NOT_FOUND'
  readonly ref: string

  constructor({ ref, ...rest }: ErrorOptions<{ ref: string }>) {
    super(rest)
    this.ref = ref
  }

  static override isInstance(value: unknown): value is EvalrunNotFoundError {
    return hasMarker(value, notFoundMarker)
  }
}

const invalidInputMarker = Symbol.for('evalrun.error.invalid-input')

/** An argument cannot work. Nothing was sent. The message is written from the fields when not given. */
export class EvalrunInvalidInputError extends EvalrunError {
  readonly [invalidInputMarker] = true
  override readonly code: string = 'EVALRUN_INVALID_INPUT'
  /** The argument at fault, as a path: `ref`, `limit`, `input.pageSchema`. */
  readonly field: string
  /** The value received. */
  readonly value: unknown
  /** What would have been accepted, in words. */
  readonly expected: string

  constructor({
    field,
    value,
    expected,
    message = `Invalid \`${field}\`: got ${describeValue(value)}; expected ${expected}.`,
    cause,
  }: Partial<ErrorOptions> & { field: string; value: unknown; expected: string }) {
    super({ message, cause })
    this.field = field
    this.value = value
    this.expected = expected
  }

  static override isInstance(value: unknown): value is EvalrunInvalidInputError {
    return hasMarker(value, invalidInputMarker)
  }
}

const waitDeadlineMarker = Symbol.for('evalrun.error.wait-deadline')

/** `runs.wait` reached its deadline before the run ended. `lastRun` is the last state seen, if any. */
export class EvalrunWaitDeadlineError extends EvalrunError {
  readonly [waitDeadlineMarker] = true
  override readonly code: string = 'EVALRUN_WAIT_DEADLINE'
  readonly ref: string
  readonly timeoutMs: number
  readonly lastRun: EvalRun | null

  constructor({
    ref,
    timeoutMs,
    lastRun,
    ...rest
  }: ErrorOptions<{ ref: string; timeoutMs: number; lastRun: EvalRun | null }>) {
    super(rest)
    this.ref = ref
    this.timeoutMs = timeoutMs
    this.lastRun = lastRun
  }

  static override isInstance(value: unknown): value is EvalrunWaitDeadlineError {
    return hasMarker(value, waitDeadlineMarker)
  }
}

export interface VendorFailure {
  vendor: string
  error: unknown
}

const listMarker = Symbol.for('evalrun.error.list')

/**
 * `runs.list` finished, but one or more vendors failed along the way. Every run the other vendors had was
 * delivered before this was thrown; `failures` says which vendors failed and why. The message is written from the
 * fields when not given; `cause` defaults to the first failure.
 */
export class EvalrunListError extends EvalrunError {
  readonly [listMarker] = true
  override readonly code: string = 'EVALRUN_LIST'
  readonly failures: VendorFailure[]
  /** What did arrive: how many runs were yielded, and which vendors were listed to the end. */
  readonly partial: { yielded: number; completedVendors: string[] }

  constructor({
    failures,
    partial,
    entries = 'runs',
    message = listMessage(failures, partial.yielded, entries),
    cause = failures[0]?.error,
  }: Partial<ErrorOptions> & {
    failures: VendorFailure[]
    partial: { yielded: number; completedVendors: string[] }
    /** What was being listed, for the message: `runs` (the default), `suites`. */
    entries?: string
  }) {
    super({ message, cause })
    this.failures = failures
    this.partial = partial
  }

  static override isInstance(value: unknown): value is EvalrunListError {
    return hasMarker(value, listMarker)
  }
}

function listMessage(failures: VendorFailure[], yielded: number, entries: string): string {
  const summary = failures
    .map((f) => `${f.vendor}: ${errorMessage(f.error)}${failedPage(f.error)}`)
    .join('; ')
  const which = failures.length === 1 ? 'one vendor' : `${failures.length} vendors`
  return `Listing ${entries} failed for ${which} (${summary}); ${yielded} ${entries} were delivered (the other vendors' in full, a failed vendor's up to its failure).`
}

/**
 * Which page could not be had: an API error's message names the operation only (`GET /evaluations`), so the
 * request's query (`?page=3`, `?offset=400`) is added when the message does not already carry it.
 */
function failedPage(error: unknown): string {
  const { url, method } = (typeof error === 'object' && error !== null ? error : {}) as {
    url?: unknown
    method?: unknown
  }
  if (typeof url !== 'string' || !(error instanceof Error)) return ''
  let request: URL
  try {
    request = new URL(url)
  } catch {
    return ''
  }
  if (request.search === '' || error.message.includes(request.search)) return ''
  const verb = typeof method === 'string' ? `${method} ` : ''
  return ` [failed page: ${verb}${request.pathname}${request.search}]`
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`
  if (Array.isArray(value)) return `an array of ${value.length}`
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
