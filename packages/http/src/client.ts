import createClient, { type Client } from 'openapi-fetch'
import { type HttpClientOptions, resolveClientConfig } from './config.js'
import type { CredentialOptions } from './credentials.js'
import { createResilientFetch } from './resilient-fetch.js'
import type { VendorDefinition } from './vendor.js'

/** Where `request` finds the vendor of a client made by `createVendorClient`, for its errors. */
export const VENDOR = Symbol.for('evalrun.vendor')

/** An openapi-fetch client for `Paths`, with evalrun's auth, timeouts, retries and safe redirects. */
export function createVendorClient<Paths extends {}>(
  vendor: VendorDefinition,
  options: HttpClientOptions & CredentialOptions = {},
): Client<Paths> {
  const config = resolveClientConfig(vendor, options)
  const client = createClient<Paths>({
    baseUrl: config.baseUrl,
    // A plain object: openapi-fetch merges headers on every call, and walking a Headers object costs far more.
    headers: Object.fromEntries(config.headers()),
    // Redirects are followed by hand (see resilient-fetch), so that credentials never go to another origin.
    redirect: 'manual',
    fetch: createResilientFetch(config),
  })
  const withOwnSignal =
    (method: Method) =>
    (path: string, init?: CallInit): Promise<unknown> => {
      const call = client[method] as (path: string, init?: CallInit) => Promise<unknown>
      return init?.signal ? callWithOwnSignal(call, path, init, init.signal) : call(path, init)
    }
  const wrapped = { ...client } as Record<string, unknown>
  for (const method of METHODS) wrapped[method] = withOwnSignal(method)
  wrapped.request = (method: string, path: string, init?: CallInit) =>
    withOwnSignal(method.toUpperCase() as Method)(path, init)
  Object.defineProperty(wrapped, VENDOR, { value: vendor })
  return wrapped as unknown as Client<Paths>
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const
type Method = (typeof METHODS)[number]
type CallInit = { signal?: AbortSignal | null } & Record<string, unknown>

/**
 * The call with a signal of its own, aborted by the caller's while the call runs. A Request stays tied to its signal
 * until the Request is garbage-collected, so on one signal shared by many calls (a listing's) those ties would pile
 * up, each new one costing more than the last: here each call's tie is undone as soon as the call ends.
 */
function callWithOwnSignal(
  call: (path: string, init?: CallInit) => Promise<unknown>,
  path: string,
  init: CallInit,
  callerSignal: AbortSignal,
): Promise<unknown> {
  if (callerSignal.aborted) return Promise.reject(callerSignal.reason)
  const controller = new AbortController()
  const onAbort = () => controller.abort(callerSignal.reason)
  callerSignal.addEventListener('abort', onAbort)
  const untie = () => callerSignal.removeEventListener('abort', onAbort)
  const called = call(path, { ...init, signal: controller.signal })
  called.then(untie, untie)
  return called
}
