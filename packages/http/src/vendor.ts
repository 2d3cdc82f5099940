import { isIdempotent } from './retry-policy.js'

/**
 * How a vendor takes its credentials. Each credential comes from a client option or, failing that, its env var.
 * - `api-key-header`: the `apiKey` option sent as-is in a header of the vendor's choosing (`X-API-Key`).
 * - `bearer`: the `apiKey` option sent as `Authorization: Bearer <key>`; with `optional`, a client given no key (a
 *   self-hosted server without auth, such as Phoenix's default) sends no `Authorization` at all.
 * - `basic`: the `publicKey` and `secretKey` options sent as HTTP basic auth (user and password).
 * - `bearer-provider`: the `tokenProvider` option, called before every attempt, its token sent as
 *   `Authorization: Bearer <token>` (Microsoft Entra ID tokens, which expire and are refreshed by the provider).
 */
export type VendorAuth =
  | { readonly scheme: 'api-key-header'; readonly header: string; readonly apiKeyEnv: string }
  | { readonly scheme: 'bearer'; readonly apiKeyEnv: string; readonly optional?: boolean }
  | { readonly scheme: 'basic'; readonly publicKeyEnv: string; readonly secretKeyEnv: string }
  | { readonly scheme: 'bearer-provider' }

/** What the HTTP layer needs to know about one vendor API. Each vendor package defines one. */
export interface VendorDefinition {
  /** Stable id, used in errors and refs: `datalab`, `promptlayer`, `humanloop`. */
  readonly id: string
  /** Name for people: `Datalab`. */
  readonly displayName: string
  /** The npm package that talks to this vendor, for the User-Agent: `@evalrun/datalab`. */
  readonly packageName: string
  readonly packageVersion: string
  /** The client factory, named in configuration errors: `createDatalabClient`. */
  readonly factoryName: string
  readonly defaultBaseUrl: string
  readonly baseUrlEnv: string
  /**
   * Older names of `baseUrlEnv` that the vendor's own SDKs still read (Langfuse's `LANGFUSE_HOST`), tried in
   * order when `baseUrlEnv` is unset.
   */
  readonly baseUrlEnvAliases?: readonly string[]
  readonly auth: VendorAuth
  /**
   * POST operations that only read (a query sent as a body, such as Braintrust's `/v1/experiment/{id}/fetch`),
   * as path templates below the base URL: retried as GETs are, on timeouts and server errors.
   */
  readonly readOnlyPosts?: readonly string[]
  /**
   * `eventStreams` from `@evalrun/http`, for a vendor whose API answers with server-sent events (Braintrust's
   * streamed eval launch): such an answer is then held only until its first event and handed on unread, and
   * `requestEvents` works with the vendor's client. Left out, a vendor's bundle carries none of that code.
   */
  readonly eventStreams?: EventStreamSupport
  /** `tokenProviders` from `@evalrun/http`, for a vendor whose auth scheme is `bearer-provider`. */
  readonly tokenProviders?: TokenProviderSupport
}

/** How a `bearer-provider` vendor's client turns its `tokenProvider` option into per-attempt auth. */
export interface TokenProviderSupport {
  /** The client's auth (credentials.ts's `ResolvedAuth`, written out here so that the two files import one way). */
  resolve(
    vendor: VendorDefinition,
    provider: (() => string | Promise<string>) | undefined,
  ): {
    readonly header: string
    readonly value: null
    readonly perAttempt: () => Promise<string>
    readonly redact: (text: string) => string
  }
}

/** Whether a request may be sent again without acting twice: an idempotent method, or a read-only POST. */
export function readsOnly(vendor: VendorDefinition | undefined, method: string, path: string): boolean {
  if (isIdempotent(method)) return true
  return method.toUpperCase() === 'POST' && (vendor?.readOnlyPosts?.includes(path) ?? false)
}

/** The read-only POSTs of a vendor as one pattern over request URLs, or null when it has none. */
export function readOnlyPostPattern(vendor: VendorDefinition, baseUrl: string): RegExp | null {
  const templates = vendor.readOnlyPosts ?? []
  if (templates.length === 0) return null
  const literal = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  const paths = templates.map((template) =>
    template
      .split(/\{[^}]*\}/)
      .map(literal)
      .join('[^/?#]+'),
  )
  return new RegExp(`^${literal(baseUrl)}(?:${paths.join('|')})(?:[?#]|$)`)
}

/** What a held event stream needs of its client: the vendor, for messages, and how to redact its credentials. */
export interface EventStreamContext {
  readonly vendor: VendorDefinition
  readonly auth: { readonly redact: (text: string) => string }
}

/**
 * What a vendor whose API answers with server-sent events declares as its `eventStreams` (this package's
 * `eventStreams`). It lives apart so that the clients of vendors that never stream leave it out of their bundles;
 * without it, an event stream is read whole like any other body.
 */
export interface EventStreamSupport {
  /** `response` held until its first event when it is an event stream; null when it is not (read as usual). */
  hold(
    response: Response,
    request: Request,
    init: RequestInit,
    context: EventStreamContext,
  ): Promise<Response> | null
}
