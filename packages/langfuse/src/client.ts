import { type BasicAuthOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import type { paths } from './generated/openapi.js'
import { langfuseVendor } from './vendor.js'

export interface LangfuseClientOptions extends HttpClientOptions, BasicAuthOptions {}

export type LangfuseClient = Client<paths>

/** The last `Date` a client's responses carried, and when (on this machine's clock) it arrived. */
const serverClocks = new WeakMap<object, { serverMs: number; receivedMs: number }>()

/**
 * A typed client for Langfuse's public API (experiments, experiment items, score configs), over HTTP basic auth:
 * the public key as user and the secret key as password, from `publicKey`/`secretKey` or `LANGFUSE_PUBLIC_KEY`/
 * `LANGFUSE_SECRET_KEY`. The base URL comes from `baseUrl`, `LANGFUSE_BASE_URL`, `LANGFUSE_HOST` (its older
 * name), or https://cloud.langfuse.com; a self-hosted Langfuse is the same API at its own URL.
 */
export function createLangfuseClient(options: LangfuseClientOptions = {}): LangfuseClient {
  const send = options.fetch ?? globalThis.fetch
  // Without a fetch the HTTP layer says so; wrapping nothing would hide that.
  if (typeof send !== 'function') return createVendorClient<paths>(langfuseVendor, options)
  let client: LangfuseClient | undefined
  const fetch = async (request: Request, init?: RequestInit): Promise<Response> => {
    const response = await send(request, init)
    const serverMs = Date.parse(response.headers.get('date') ?? '')
    if (client !== undefined && Number.isFinite(serverMs))
      serverClocks.set(client, { serverMs, receivedMs: Date.now() })
    return response
  }
  client = createVendorClient<paths>(langfuseVendor, { ...options, fetch })
  return client
}

/**
 * Now, on the Langfuse server's clock: the last response's `Date` header plus the time since it arrived. Null
 * before any response, or when responses carry no readable `Date` (a browser reading another origin does not
 * see it). Experiment times are the server's, so deciding how long ago one was active is best done on its clock.
 */
export function langfuseServerNow(client: LangfuseClient): Date | null {
  const clock = serverClocks.get(client)
  return clock === undefined ? null : new Date(clock.serverMs + (Date.now() - clock.receivedMs))
}
