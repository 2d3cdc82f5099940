import createClient, { type Client } from 'openapi-fetch'
import { type HttpClientOptions, resolveClientConfig } from './config.js'
import type { CredentialOptions } from './credentials.js'
import { createResilientFetch } from './resilient-fetch.js'
import { RETRY_POLICY } from './retry-policy-of.js'
import type { VendorDefinition } from './vendor.js'

/** Where `request` finds the vendor of a client made by `createVendorClient`, for its errors. */
export const VENDOR = Symbol.for('evalrun.vendor')

/** An openapi-fetch client for `Paths`, with evalrun's auth, timeouts, retries and safe redirects. */
export function createVendorClient<Paths extends {}>(
  vendor: VendorDefinition,
  options: HttpClientOptions & CredentialOptions = {},
): Client<Paths> {
  const config = resolveClientConfig(vendor, options)
  const send = createResilientFetch(config)
  const client = createClient<Paths>({
    baseUrl: config.baseUrl,
    // A plain object: openapi-fetch merges headers on every call, and walking a Headers object costs far more.
    headers: Object.fromEntries(config.headers()),
    // Redirects are followed by hand (see resilient-fetch), so that credentials never go to another origin.
    redirect: 'manual',
    fetch: (request: Request) => send(request),
  })
  const withCallerSignal =
    (method: Method) =>
    (path: string, init?: CallInit): Promise<unknown> => {
      const call = client[method] as (path: string, init?: CallInit) => Promise<unknown>
      const signal = init?.signal
      // A call that brings its own fetch bypasses the HTTP layer, signal and all, as openapi-fetch lets it.
      if (!signal || init.fetch !== undefined) return call(path, init)
      // The signal goes to the HTTP layer, which ties it to each attempt and unties it when the attempt ends. Tied
      // to the call's Request instead, it would stay tied until the Request is garbage-collected: on one signal
      // shared by many calls (a listing's) those ties would pile up, each new one costing more than the last.
      return call(path, { ...init, signal: undefined, fetch: (request: Request) => send(request, signal) })
    }
  const wrapped = { ...client } as Record<string, unknown>
  for (const method of METHODS) wrapped[method] = withCallerSignal(method)
  wrapped.request = (method: string, path: string, init?: CallInit) =>
    withCallerSignal(method.toUpperCase() as Method)(path, init)
  Object.defineProperty(wrapped, VENDOR, { value: vendor })
  Object.defineProperty(wrapped, RETRY_POLICY, { value: config.retry })
  return wrapped as unknown as Client<Paths>
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const
type Method = (typeof METHODS)[number]
type CallInit = { signal?: AbortSignal | null; fetch?: unknown } & Record<string, unknown>
