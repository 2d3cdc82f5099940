/**
 * Every error class carries a `Symbol.for` marker of its own, and an instance carries the markers of all its
 * classes, so `Parent.isInstance(child)` holds without the parent knowing its subclasses, and across duplicate
 * installs of the package (where `instanceof` fails).
 */
export function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
}

/** What every evalrun error constructor takes: the message, the cause if any, and the class's own fields. */
export type ErrorOptions<Fields = object> = { message: string; cause?: unknown } & Fields

const evalrunErrorMarker = Symbol.for('evalrun.error')

/** Base class of every error evalrun throws. */
export class EvalrunError extends Error {
  readonly [evalrunErrorMarker] = true
  /** A stable machine-readable kind. */
  readonly code: string = 'EVALRUN_ERROR'

  constructor({ message, cause }: ErrorOptions) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = new.target.name
  }

  static isInstance(value: unknown): value is EvalrunError {
    return hasMarker(value, evalrunErrorMarker)
  }
}

const invalidConfigMarker = Symbol.for('evalrun.error.invalid-config')

export interface InvalidConfigFields {
  option: string
  allowedBy?: string | null
  problem?: string
}

/** Options or environment that cannot work: a missing or malformed key, an unsafe base URL. Nothing was sent. */
export class EvalrunInvalidConfigError extends EvalrunError {
  readonly [invalidConfigMarker] = true
  override readonly code: string = 'EVALRUN_INVALID_CONFIG'
  /** The option at fault, e.g. `apiKey` or `baseUrl`. */
  readonly option: string
  /**
   * Where another option would allow what was refused (`allowInsecureHttp`): its name, so that a caller with other
   * means of setting it (the CLI's flags) can say so in its own words; `problem` is then the message without it.
   */
  readonly allowedBy: string | null
  readonly problem: string

  constructor({ option, allowedBy = null, problem, ...rest }: ErrorOptions<InvalidConfigFields>) {
    super(rest)
    this.option = option
    this.allowedBy = allowedBy
    this.problem = problem ?? rest.message
  }

  static override isInstance(value: unknown): value is EvalrunInvalidConfigError {
    return hasMarker(value, invalidConfigMarker)
  }
}

/** The error for `option` at fault: a shorthand for the many configuration checks. */
export function invalidConfig(option: string, message: string): EvalrunInvalidConfigError {
  return new EvalrunInvalidConfigError({ message, option })
}

export interface ApiErrorFields {
  vendor: string
  status: number
  method: string
  /** `METHOD /path/{template}` of the operation, when known. */
  operation: string | null
  /** The request URL with credentials and secret-looking query values removed. */
  url: string
  requestId: string | null
  /** The parsed response body (JSON when it parsed, text otherwise), with any credential echoed in it redacted. */
  body: unknown
  isRetryable: boolean
}

const apiErrorMarker = Symbol.for('evalrun.error.api')

/** The vendor answered with an error status (after any retries). */
export class EvalrunApiError extends EvalrunError {
  readonly [apiErrorMarker] = true
  override readonly code: string = 'EVALRUN_API'
  declare readonly vendor: string
  declare readonly status: number
  declare readonly method: string
  declare readonly operation: string | null
  declare readonly url: string
  declare readonly requestId: string | null
  declare readonly body: unknown
  declare readonly isRetryable: boolean

  constructor({ message, cause, ...fields }: ErrorOptions<ApiErrorFields>) {
    super({ message, cause })
    Object.assign(this, fields)
  }

  static override isInstance(value: unknown): value is EvalrunApiError {
    return hasMarker(value, apiErrorMarker)
  }
}

export interface NetworkErrorFields {
  vendor: string
  method: string
  url: string
  attempts: number
}

const networkErrorMarker = Symbol.for('evalrun.error.network')

/** No usable response: the connection failed, or the body was cut off on the way. */
export class EvalrunNetworkError extends EvalrunError {
  readonly [networkErrorMarker] = true
  override readonly code: string = 'EVALRUN_NETWORK'
  declare readonly vendor: string
  declare readonly method: string
  declare readonly url: string
  declare readonly attempts: number

  constructor({ message, cause, ...fields }: ErrorOptions<NetworkErrorFields>) {
    super({ message, cause })
    Object.assign(this, fields)
  }

  static override isInstance(value: unknown): value is EvalrunNetworkError {
    return hasMarker(value, networkErrorMarker)
  }
}

const requestTimeoutMarker = Symbol.for('evalrun.error.request-timeout')

/** A request took longer than `timeoutMs` on every attempt. */
export class EvalrunRequestTimeoutError extends EvalrunNetworkError {
  readonly [requestTimeoutMarker] = true
  override readonly code: string = 'EVALRUN_REQUEST_TIMEOUT'
  readonly timeoutMs: number

  constructor({ timeoutMs, ...rest }: ErrorOptions<NetworkErrorFields & { timeoutMs: number }>) {
    super(rest)
    this.timeoutMs = timeoutMs
  }

  static override isInstance(value: unknown): value is EvalrunRequestTimeoutError {
    return hasMarker(value, requestTimeoutMarker)
  }
}

const outcomeUnknownMarker = Symbol.for('evalrun.error.outcome-unknown')

/**
 * A request that changes state (POST, PATCH) was sent, but no answer came back: the vendor may or may not have
 * acted on it. It was not retried, since a retry could act twice. Check the vendor before trying again.
 */
export class EvalrunOutcomeUnknownError extends EvalrunNetworkError {
  readonly [outcomeUnknownMarker] = true
  override readonly code: string = 'EVALRUN_OUTCOME_UNKNOWN'

  static override isInstance(value: unknown): value is EvalrunOutcomeUnknownError {
    return hasMarker(value, outcomeUnknownMarker)
  }
}

export interface MalformedResponseFields {
  vendor: string
  method: string
  /** The request URL with credentials and secret-looking query values removed. */
  url: string
  /** The answer's status: a success whose body was not what the operation declares. */
  status: number
  /** What was wrong and what was expected, e.g. `a text/html body where JSON was expected`. Never the body. */
  problem: string
  attempts: number
}

const malformedResponseMarker = Symbol.for('evalrun.error.malformed-response')

/**
 * The vendor answered with success, but not with what the operation declares: an HTML login or proxy page, a body
 * that is not JSON, or JSON whose list field is missing or of another type. It was retried where that is safe (the
 * next answer may be whole) and failed on every attempt. Nothing of the body is kept: it may hold anything.
 */
export class EvalrunMalformedResponseError extends EvalrunError {
  readonly [malformedResponseMarker] = true
  override readonly code: string = 'EVALRUN_MALFORMED_RESPONSE'
  declare readonly vendor: string
  declare readonly method: string
  declare readonly url: string
  declare readonly status: number
  declare readonly problem: string
  declare readonly attempts: number

  constructor({ message, cause, ...fields }: ErrorOptions<MalformedResponseFields>) {
    super({ message, cause })
    Object.assign(this, fields)
  }

  static override isInstance(value: unknown): value is EvalrunMalformedResponseError {
    return hasMarker(value, malformedResponseMarker)
  }
}
