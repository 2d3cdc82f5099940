import type { SandboxVendor } from '../types.js'

/** One problem with a request, in FastAPI's `{loc, msg, type}` terms (also used for PromptLayer's messages). */
export interface Issue {
  loc: Array<string | number>
  msg: string
  type: string
}

/** What an operation handler answers; the server turns it into bytes. `body: undefined` sends no body. */
export interface VendorResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface OperationInput {
  /** Path parameters, as sent (strings). */
  params: Record<string, string>
  /** Query parameters after validation, coerced to the spec's types. */
  query: Record<string, unknown>
  /** The parsed JSON body (already validated against the spec), or undefined. */
  body: unknown
  /** Sandbox time of the request, epoch ms. */
  nowMs: number
}

export type OperationHandler = (input: OperationInput) => VendorResponse

/** Each vendor's own error bodies, so every failure looks like that vendor's. */
export interface VendorErrors {
  unauthorized(): VendorResponse
  notFound(message: string): VendorResponse
  /** Request failed schema or business validation. */
  invalid(issues: Issue[]): VendorResponse
  /** Body is not JSON at all. */
  malformedJson(message: string): VendorResponse
  /** Any other status that the spec does not cover (405, 413, 429, 5xx): the vendor's usual error body. */
  generic(status: number, message: string): VendorResponse
}

export interface VendorApp {
  vendor: SandboxVendor
  /** URL path prefix the vendor is served under, e.g. `/humanloop/v5`. */
  prefix: string
  /**
   * Name of the spec's security scheme and the header it reads (lower case). `bearer`: an HTTP bearer scheme,
   * whose header (`authorization`) carries `Bearer <key>` rather than the key itself. `basic`: HTTP basic auth,
   * `Basic <base64 of user:password>`, checked against the key as `user:password`.
   */
  security: { scheme: string; header: string; bearer?: boolean; basic?: boolean }
  handlers: Record<string, OperationHandler>
  errors: VendorErrors
  /** Runs that exist now. */
  runCount(): number
}
