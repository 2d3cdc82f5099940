const ERROR_MARKER = Symbol.for('evalrun.error')

/**
 * Base class of every error evalrun throws. `EvalrunError.isInstance(e)` (and each subclass's) works across
 * duplicate installs of the package, where `instanceof` does not.
 */
export class EvalrunError extends Error {
  readonly [ERROR_MARKER] = true
  /** A stable machine-readable kind, also the discriminant for `isInstance`. */
  readonly code: string = 'EVALRUN_ERROR'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }

  static isInstance(value: unknown): value is EvalrunError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ERROR_MARKER] === true
    )
  }
}

/** Options or environment that cannot work: a missing or malformed key, an unsafe base URL. Nothing was sent. */
export class EvalrunConfigError extends EvalrunError {
  override readonly code = 'EVALRUN_CONFIG'
  /** The option at fault, e.g. `apiKey` or `baseUrl`. */
  readonly option: string

  constructor(message: string, option: string) {
    super(message)
    this.option = option
  }

  static override isInstance(value: unknown): value is EvalrunConfigError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_CONFIG'
  }
}

export interface ApiErrorDetails {
  vendor: string
  status: number
  method: string
  /** `METHOD /path/{template}` of the operation, when known. */
  operation: string | null
  /** The request URL with credentials and secret-looking query values removed. */
  url: string
  requestId: string | null
  /** The parsed response body (JSON when it parsed, text otherwise). */
  body: unknown
  isRetryable: boolean
}

/** The vendor answered with an error status (after any retries). */
export class EvalrunApiError extends EvalrunError {
  override readonly code = 'EVALRUN_API'
  declare readonly vendor: string
  declare readonly status: number
  declare readonly method: string
  declare readonly operation: string | null
  declare readonly url: string
  declare readonly requestId: string | null
  declare readonly body: unknown
  declare readonly isRetryable: boolean

  constructor(message: string, details: ApiErrorDetails) {
    super(message)
    Object.assign(this, details)
  }

  static override isInstance(value: unknown): value is EvalrunApiError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_API'
  }
}

export interface RequestErrorDetails {
  vendor: string
  method: string
  url: string
  attempts: number
  cause?: unknown
}

/** No usable response: the connection failed, or the body was cut off or was not the JSON it claimed to be. */
export class EvalrunNetworkError extends EvalrunError {
  override readonly code: string = 'EVALRUN_NETWORK'
  declare readonly vendor: string
  declare readonly method: string
  declare readonly url: string
  declare readonly attempts: number

  constructor(message: string, { cause, ...details }: RequestErrorDetails) {
    super(message, { cause })
    Object.assign(this, details)
  }

  static override isInstance(value: unknown): value is EvalrunNetworkError {
    return (
      EvalrunError.isInstance(value) &&
      (value.code === 'EVALRUN_NETWORK' ||
        value.code === 'EVALRUN_TIMEOUT' ||
        value.code === 'EVALRUN_OUTCOME_UNKNOWN')
    )
  }
}

/** A request took longer than `timeoutMs` on every attempt. */
export class EvalrunTimeoutError extends EvalrunNetworkError {
  override readonly code = 'EVALRUN_TIMEOUT'
  declare readonly timeoutMs: number

  constructor(message: string, details: RequestErrorDetails & { timeoutMs: number }) {
    super(message, details)
  }

  static override isInstance(value: unknown): value is EvalrunTimeoutError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_TIMEOUT'
  }
}

/**
 * A request that changes state (POST, PATCH) was sent, but no answer came back: the vendor may or may not have
 * acted on it. It was not retried, since a retry could act twice. Check the vendor before trying again.
 */
export class EvalrunOutcomeUnknownError extends EvalrunNetworkError {
  override readonly code = 'EVALRUN_OUTCOME_UNKNOWN'

  static override isInstance(value: unknown): value is EvalrunOutcomeUnknownError {
    return EvalrunError.isInstance(value) && value.code === 'EVALRUN_OUTCOME_UNKNOWN'
  }
}
