import { type CredentialOptions, type ResolvedAuth, resolveAuth } from './credentials.js'
import { type Env, readEnv } from './env.js'
import { EvalrunInvalidConfigError, invalidConfig } from './errors.js'
import type { RetryOptions } from './retry-policy.js'
import type { VendorDefinition } from './vendor.js'

/** Options every vendor client accepts, besides its credentials (`ApiKeyOptions` or `BasicAuthOptions`). */
export interface HttpClientOptions {
  /** Defaults to the vendor's env var (e.g. `DATALAB_BASE_URL`, or an older name of it), then the vendor's public URL. */
  baseUrl?: string
  /**
   * A `fetch` to send requests with (tests, proxies, instrumentation). Defaults to `globalThis.fetch`. It is called
   * as `fetch(request, init)`: pass `init` on, it carries the attempt's timeout signal and `redirect: 'manual'`.
   */
  fetch?: (request: Request, init?: RequestInit) => Promise<Response>
  /** Time allowed for each attempt, in milliseconds. Default 30 000. */
  timeoutMs?: number
  /** Retry policy, or `false` to send each request once. */
  retry?: RetryOptions | false
  /** Extra headers sent with every request. */
  headers?: Record<string, string>
  /** Replaces the default `User-Agent` (`@evalrun/<vendor>/<version>`). */
  userAgent?: string
  /** Allow a plain `http://` base URL that is not loopback. Off by default: it would send the credentials in clear. */
  allowInsecureHttp?: boolean
  /** Where to read the credential and `*_BASE_URL` env vars from instead of `process.env` (e.g. a Worker's env bindings). */
  env?: Env
}

export interface ResolvedClientConfig {
  readonly vendor: VendorDefinition
  readonly baseUrl: string
  readonly timeoutMs: number
  readonly retry: Required<RetryOptions> | false
  readonly fetch: (request: Request, init?: RequestInit) => Promise<Response>
  /** Headers for every request, the credentials among them. Kept out of sight of `inspect` and `JSON.stringify`. */
  readonly headers: () => Headers
  /** The header that carries the credentials, and how to redact them from any text. */
  readonly auth: Pick<ResolvedAuth, 'header' | 'redact' | 'perAttempt'>
}

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export function resolveClientConfig(
  vendor: VendorDefinition,
  options: HttpClientOptions & CredentialOptions = {},
): ResolvedClientConfig {
  const auth = resolveAuth(vendor, options, options.env)
  const baseUrl = resolveBaseUrl(vendor, options)
  const timeoutMs = resolveTimeout(vendor, options.timeoutMs)
  const retry =
    options.retry === false ? false : { ...DEFAULT_RETRY, ...validateRetry(vendor, options.retry) }
  const fetchImpl = options.fetch ?? globalThis.fetch
  if (typeof fetchImpl !== 'function') {
    throw invalidConfig(
      'fetch',
      `${vendor.factoryName}: no fetch available. Pass \`fetch\` in the options (Node >= 20 and browsers have one).`,
    )
  }
  const extraHeaders = validateHeaders(vendor, options.headers)
  const userAgent = options.userAgent ?? `${vendor.packageName}/${vendor.packageVersion}`

  return {
    vendor,
    baseUrl,
    timeoutMs,
    retry,
    fetch: (request, init) => fetchImpl(request, init),
    auth: { header: auth.header, redact: auth.redact, perAttempt: auth.perAttempt },
    headers: () => {
      const headers = new Headers(extraHeaders)
      if (auth.value !== null) headers.set(auth.header, auth.value())
      headers.set('User-Agent', userAgent)
      headers.set('Accept', 'application/json')
      return headers
    },
  }
}

function resolveBaseUrl(vendor: VendorDefinition, options: HttpClientOptions): string {
  const fromOption = options.baseUrl !== undefined
  const envName = [vendor.baseUrlEnv, ...(vendor.baseUrlEnvAliases ?? [])].find(
    (name) => readEnv(name, options.env) !== undefined,
  )
  const fromEnv = envName === undefined ? undefined : readEnv(envName, options.env)
  const raw = fromOption ? options.baseUrl : (fromEnv ?? vendor.defaultBaseUrl)
  const source = fromOption ? '`baseUrl`' : (envName ?? 'the default')
  let url: URL
  try {
    url = new URL(String(raw))
  } catch {
    throw invalidConfig(
      'baseUrl',
      `${vendor.displayName} base URL from ${source} is not a valid URL: expected an absolute https:// URL.`,
    )
  }
  if (url.username || url.password) {
    throw invalidConfig(
      'baseUrl',
      `${vendor.displayName} base URL from ${source} contains credentials: pass ${vendor.auth.scheme === 'basic' ? 'them as `publicKey` and `secretKey`' : 'the key as `apiKey`'} instead.`,
    )
  }
  if (url.search || url.hash) {
    throw invalidConfig(
      'baseUrl',
      `${vendor.displayName} base URL from ${source} has a query or fragment: expected scheme, host and path only.`,
    )
  }
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(url.hostname) && !/^127\./.test(url.hostname) && !options.allowInsecureHttp) {
      const problem = `${vendor.displayName} base URL from ${source} uses http:// on a non-loopback host (${url.host}): the credentials would travel in clear. Use https://`
      throw new EvalrunInvalidConfigError({
        message: `${problem}, or set \`allowInsecureHttp: true\`.`,
        option: 'baseUrl',
        allowedBy: 'allowInsecureHttp',
        problem,
      })
    }
  } else if (url.protocol !== 'https:') {
    throw invalidConfig(
      'baseUrl',
      `${vendor.displayName} base URL from ${source} has protocol ${url.protocol}: expected https: (or http: on loopback).`,
    )
  }
  return url.href.replace(/\/+$/, '')
}

function resolveTimeout(vendor: VendorDefinition, timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return DEFAULT_TIMEOUT_MS
  if (
    typeof timeoutMs !== 'number' ||
    !Number.isFinite(timeoutMs) ||
    timeoutMs <= 0 ||
    timeoutMs > 2_147_483_647
  ) {
    throw invalidConfig(
      'timeoutMs',
      `${vendor.factoryName}: \`timeoutMs\` is ${String(timeoutMs)}: expected a positive number of milliseconds.`,
    )
  }
  return timeoutMs
}

function validateRetry(vendor: VendorDefinition, retry: RetryOptions | undefined): RetryOptions {
  if (retry === undefined) return {}
  if (typeof retry !== 'object' || retry === null) {
    throw invalidConfig(
      'retry',
      `${vendor.factoryName}: \`retry\` must be an object like { maxRetries: 2 } or false.`,
    )
  }
  for (const [name, value] of Object.entries(retry)) {
    if (!(name in DEFAULT_RETRY)) {
      throw invalidConfig(
        `retry.${name}`,
        `${vendor.factoryName}: unknown retry option \`${name}\`: expected one of ${Object.keys(DEFAULT_RETRY).join(', ')}.`,
      )
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw invalidConfig(
        `retry.${name}`,
        `${vendor.factoryName}: \`retry.${name}\` is ${String(value)}: expected a whole number >= 0.`,
      )
    }
  }
  return retry
}

function validateHeaders(
  vendor: VendorDefinition,
  headers: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (headers === undefined) return undefined
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      throw invalidConfig(
        `headers.${name}`,
        `${vendor.factoryName}: header \`${name}\` must be a string without line breaks.`,
      )
    }
  }
  return headers
}
