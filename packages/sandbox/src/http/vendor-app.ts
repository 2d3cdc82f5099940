/** One problem with a request, in FastAPI's `{loc, msg, type}` terms (also used for PromptLayer's messages). */
export interface Issue {
  loc: Array<string | number>
  msg: string
  type: string
}

/** One server-sent event of an answer that streams. */
export interface SandboxEvent {
  event: string
  data: string
}

/** What an operation handler answers; the server turns it into bytes. `body: undefined` sends no body. */
export interface VendorResponse {
  status: number
  /** JSON; or, with `text`, nothing (the answer is that text as `text/plain`). */
  body?: unknown
  /** A plain-text body, for vendors whose errors are text (Braintrust). */
  text?: string
  headers?: Record<string, string>
  /**
   * An answer that comes only when the work behind it is done, at sandbox time `dueMs` (an API that holds the
   * request until then): `answer` is made at that time.
   */
  deferred?: { dueMs: number; answer: () => VendorResponse }
  /**
   * A `text/event-stream` answer: `events` at once, then `atEnd.events()` at sandbox time `atEnd.dueMs`, and the end.
   * `body` and `text` are ignored.
   */
  eventStream?: { events: SandboxEvent[]; atEnd: { dueMs: number; events: () => SandboxEvent[] } }
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
  /** The vendor's id in the sandbox's vendor list (`vendors/index.ts`), which this module must not import. */
  vendor: string
  /** URL path prefix the vendor is served under, e.g. `/humanloop/v5`. */
  prefix: string
  /**
   * Name of the spec's security scheme and the header it reads (lower case). `bearer`: an HTTP bearer scheme,
   * whose header (`authorization`) carries `Bearer <key>` rather than the key itself. `basic`: HTTP basic auth,
   * `Basic <base64 of user:password>`, checked against the key as `user:password`. `required`: the key is
   * required even where the spec also lists anonymous access (`security: [{bearerAuth: []}, {}]`), as the
   * vendor's service requires it. `undeclared`: the spec declares no security at all (Phoenix's), so the sandbox
   * adds `scheme` as an HTTP bearer scheme required by every operation, as a server with auth on requires it.
   */
  security: {
    scheme: string
    header: string
    bearer?: boolean
    basic?: boolean
    required?: boolean
    undeclared?: boolean
  }
  handlers: Record<string, OperationHandler>
  errors: VendorErrors
  /** Runs that exist now. */
  runCount(): number
}
