import type { Client, ClientPathsWithMethod, MaybeOptionalInit, MethodResponse } from 'openapi-fetch'
import { VENDOR } from './client.js'
import { describeErrorBody } from './error-body.js'
import { EvalrunApiError } from './errors.js'
import { readServerSentEvents, type ServerSentEvent } from './event-stream.js'
import { redactUrl } from './redact.js'
import { isRetryableStatus } from './retry-policy.js'
import { readsOnly, type VendorDefinition } from './vendor.js'

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE'
type Init<Paths, Method extends HttpMethod, Path extends keyof Paths> = MaybeOptionalInit<
  Paths[Path],
  Lowercase<Method> & keyof Paths[Path]
>

/**
 * Calls `METHOD path` on a client and returns the response data, or throws an `EvalrunApiError` with the vendor,
 * status, operation, request id and body: `await request(client, 'GET', '/runs/{id}', { params })`. The
 * counterpart of `client.GET(...)`, for callers who prefer exceptions to `{ data, error }`.
 */
export async function request<
  Paths extends {},
  Method extends HttpMethod,
  Path extends ClientPathsWithMethod<Client<Paths>, Lowercase<Method>> & keyof Paths & string,
>(
  client: Client<Paths>,
  method: Method,
  path: Path,
  ...init: undefined extends Init<Paths, Method, Path>
    ? [init?: Init<Paths, Method, Path>]
    : [init: Init<Paths, Method, Path>]
): Promise<MethodResponse<Client<Paths>, Lowercase<Method>, Path>> {
  return (await requestWithHeaders(client, method, path, ...init)).data
}

/** As `request`, with the answer's headers beside its data (its `Date`, say: the vendor's clock). */
export async function requestWithHeaders<
  Paths extends {},
  Method extends HttpMethod,
  Path extends ClientPathsWithMethod<Client<Paths>, Lowercase<Method>> & keyof Paths & string,
>(
  client: Client<Paths>,
  method: Method,
  path: Path,
  ...init: undefined extends Init<Paths, Method, Path>
    ? [init?: Init<Paths, Method, Path>]
    : [init: Init<Paths, Method, Path>]
): Promise<{ data: MethodResponse<Client<Paths>, Lowercase<Method>, Path>; headers: Headers }> {
  const call = client[method] as (path: string, init?: unknown) => Promise<FetchResult>
  const { data, error, response } = await call(path, init[0])
  if (!response.ok) throw apiError(client, method, path, response, error)
  return { data: data as MethodResponse<Client<Paths>, Lowercase<Method>, Path>, headers: response.headers }
}

/**
 * Calls `METHOD path` on an operation that answers with server-sent events (a request body with `stream: true`,
 * say) and returns its events as they arrive, or throws as `request` does. The call resolves once the first event
 * is in (within the client's `timeoutMs`); later events are not timed. Stop reading (`break`) to close the
 * connection; `signal` stops it at any point.
 */
export async function requestEvents<
  Paths extends {},
  Method extends HttpMethod,
  Path extends ClientPathsWithMethod<Client<Paths>, Lowercase<Method>> & keyof Paths & string,
>(
  client: Client<Paths>,
  method: Method,
  path: Path,
  init: Init<Paths, Method, Path> & { signal?: AbortSignal },
): Promise<AsyncGenerator<ServerSentEvent, void, undefined>> {
  const vendor = (client as { [VENDOR]?: VendorDefinition })[VENDOR]
  if (vendor !== undefined && vendor.eventStreams === undefined) {
    // Its stream would be read whole, until the server ends it, before the first event was handed out.
    throw new TypeError(`requestEvents: ${vendor.displayName} is defined without \`eventStreams\``)
  }
  const call = client[method] as (path: string, init?: unknown) => Promise<FetchResult>
  const given = init as { headers?: Record<string, string> }
  const { data, error, response } = await call(path, {
    ...init,
    headers: { ...given.headers, Accept: 'text/event-stream' },
    parseAs: 'stream',
  })
  if (!response.ok) throw apiError(client, method, path, response, error)
  return readServerSentEvents(data as ReadableStream<Uint8Array> | null, init.signal)
}

function apiError(
  client: object,
  method: string,
  path: string,
  response: Response,
  body: unknown,
): EvalrunApiError {
  const vendor = (client as { [VENDOR]?: VendorDefinition })[VENDOR]
  const operation = `${method} ${path}`
  const reason = describeErrorBody(body)
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
  return new EvalrunApiError({
    message: `${vendor?.displayName ?? 'API'} answered ${status} to ${operation}${reason ? `: ${reason}` : ''}`,
    vendor: vendor?.id ?? 'unknown',
    status: response.status,
    method,
    operation,
    url: redactUrl(response.url),
    requestId: requestIdOf(response.headers),
    body,
    isRetryable: isRetryableStatus(response.status, readsOnly(vendor, method, path)),
  })
}

type FetchResult = { data?: unknown; error?: unknown; response: Response }

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-amzn-trace-id', 'cf-ray']

function requestIdOf(headers: Headers): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name)
    if (value) return value
  }
  return null
}
