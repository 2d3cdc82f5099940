import { EvalrunError } from '@evalrun/http'
import type { EvalRun } from './model.js'

/** A vendor was used that has no credentials (or lacks a setting an operation needs). Nothing was sent. */
export class EvalrunNotConfiguredError extends EvalrunError {
  override readonly code = 'EVALRUN_NOT_CONFIGURED'
  declare readonly vendor: string
  /** The `createEvalrun` option that would configure it, e.g. `<vendor>.apiKey`. */
  declare readonly option: string
  /** The environment variable that would configure it, e.g. `<VENDOR>_API_KEY`, when there is one. */
  declare readonly envVar: string | null
  /** Every environment variable still missing (a vendor may need several credentials); empty when turned off. */
  declare readonly envVars: readonly string[]

  constructor(
    message: string,
    details: { vendor: string; option: string; envVar: string | null; envVars?: readonly string[] },
  ) {
    super(message)
    Object.assign(this, { envVars: details.envVar === null ? [] : [details.envVar] }, details)
  }

  static override isInstance(value: unknown): value is EvalrunNotConfiguredError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_NOT_CONFIGURED'
  }
}

/** The vendor's API has no way to do this (e.g. cancel a run where the API has no cancel). Nothing was sent. */
export class EvalrunNotSupportedError extends EvalrunError {
  override readonly code = 'EVALRUN_NOT_SUPPORTED'
  declare readonly vendor: string
  /** What was asked for: `cancel`, … */
  declare readonly operation: string

  constructor(message: string, details: { vendor: string; operation: string }) {
    super(message)
    Object.assign(this, details)
  }

  static override isInstance(value: unknown): value is EvalrunNotSupportedError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_NOT_SUPPORTED'
  }
}

/** No run with this ref is visible with the configured key. `cause` holds the vendor's 404 when there was one. */
export class EvalrunNotFoundError extends EvalrunError {
  override readonly code = 'EVALRUN_NOT_FOUND'
  readonly ref: string

  constructor(message: string, details: { ref: string; cause?: unknown }) {
    super(message, { cause: details.cause })
    this.ref = details.ref
  }

  static override isInstance(value: unknown): value is EvalrunNotFoundError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_NOT_FOUND'
  }
}

/** An argument cannot work. Nothing was sent. */
export class EvalrunInvalidInputError extends EvalrunError {
  override readonly code = 'EVALRUN_INVALID_INPUT'
  /** The argument at fault, as a path: `ref`, `limit`, `input.pageSchema`. */
  declare readonly field: string
  /** The value received. */
  declare readonly value: unknown
  /** What would have been accepted, in words. */
  declare readonly expected: string

  constructor(details: { field: string; value: unknown; expected: string }) {
    super(`Invalid \`${details.field}\`: got ${describeValue(details.value)}; expected ${details.expected}.`)
    Object.assign(this, details)
  }

  static override isInstance(value: unknown): value is EvalrunInvalidInputError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_INVALID_INPUT'
  }
}

/** `runs.wait` reached its deadline before the run ended. `lastRun` is the last state seen, if any. */
export class EvalrunWaitTimeoutError extends EvalrunError {
  override readonly code = 'EVALRUN_WAIT_TIMEOUT'
  declare readonly ref: string
  declare readonly timeoutMs: number
  declare readonly lastRun: EvalRun | null

  constructor(message: string, details: { ref: string; timeoutMs: number; lastRun: EvalRun | null }) {
    super(message)
    Object.assign(this, details)
  }

  static override isInstance(value: unknown): value is EvalrunWaitTimeoutError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_WAIT_TIMEOUT'
  }
}

export interface VendorFailure {
  vendor: string
  error: unknown
}

/**
 * `runs.list` finished, but one or more vendors failed along the way. Every run the other vendors had was
 * delivered before this was thrown; `failures` says which vendors failed and why.
 */
export class EvalrunListError extends EvalrunError {
  override readonly code = 'EVALRUN_LIST'
  readonly failures: VendorFailure[]
  /** What did arrive: how many runs were yielded, and which vendors were listed to the end. */
  readonly partial: { yielded: number; completedVendors: string[] }

  constructor(failures: VendorFailure[], partial: { yielded: number; completedVendors: string[] }) {
    const summary = failures
      .map((f) => `${f.vendor}: ${errorMessage(f.error)}${failedPage(f.error)}`)
      .join('; ')
    super(
      `Listing runs failed for ${failures.length === 1 ? 'one vendor' : `${failures.length} vendors`} (${summary}); ${partial.yielded} runs were delivered (the other vendors' in full, a failed vendor's up to its failure).`,
      { cause: failures[0]?.error },
    )
    this.failures = failures
    this.partial = partial
  }

  static override isInstance(value: unknown): value is EvalrunListError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_LIST'
  }
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
  return `a ${typeof value}`
}
