import type { Env, HttpClientOptions, RetryOptions } from '@evalrun/http'
import { readEnv } from '@evalrun/http/internal'
import type { AnyEvalrunAdapter } from './adapter.js'
import { checkAdapter, checkVendor } from './check-vendor.js'
import { EvalrunInvalidInputError } from './errors.js'
import type { CredentialAlternative, EvalrunVendor, VendorOptions } from './vendor.js'
import type { VendorOptionsByVendor } from './vendor-types.js'

/** Per-vendor options: each known vendor's own, or `false` to leave it off even if the env configures it. */
export type VendorOptionsMap = { [V in keyof VendorOptionsByVendor]?: VendorOptionsByVendor[V] | false }

/**
 * Receives a listing's warnings. `detail.stoppedEarly` says the listing ended before the vendor said it was done
 * (repeated pages or cursors, or the page budget): what was read is incomplete.
 */
export type OnWarning = (message: string, vendor: string, detail?: { stoppedEarly?: boolean }) => void

export interface EvalrunOptions extends VendorOptionsMap {
  /** Used by every vendor unless its own options say otherwise. */
  fetch?: HttpClientOptions['fetch']
  retry?: RetryOptions | false
  timeoutMs?: number
  /** Where to read the vendors' env vars from instead of `process.env` (e.g. a Worker's env bindings). */
  env?: Env
  /**
   * Called with what a listing could not do as asked (a vendor whose pages repeat, say), instead of
   * `console.warn`. `runs.list({ onWarning })` overrides it for one listing.
   */
  onWarning?: OnWarning
}

/** A vendor left unconfigured, and what would configure it (for `EvalrunNotConfiguredError`). */
export interface UnconfiguredVendor {
  displayName: string
  /** The credential options still missing (`apiKey`); empty when it was turned off with `<vendor>: false`. */
  options: string[]
  /** Their env vars, in the same order. */
  envVars: string[]
  /** The other ways to give them, in words: "`azureApiKey` (AZURE_OPENAI_API_KEY) with AZURE_OPENAI_ENDPOINT". */
  alternatives: string[]
}

/**
 * Builds the adapters of `vendors` (a later vendor with the same id replaces an earlier one): a vendor is configured when each of its credentials is given (option or env
 * var, its own or an alternative's); one that is not is recorded as unconfigured, so that using it can say how to configure it. Bad keys or
 * URLs throw here.
 */
export function resolveAdapters(
  vendors: readonly EvalrunVendor[],
  options: EvalrunOptions,
): {
  adapters: Map<string, AnyEvalrunAdapter>
  unconfigured: Map<string, UnconfiguredVendor>
} {
  if (typeof options !== 'object' || options === null) {
    throw new EvalrunInvalidInputError({ field: 'options', value: options, expected: 'an options object' })
  }
  const adapters = new Map<string, AnyEvalrunAdapter>()
  const unconfigured = new Map<string, UnconfiguredVendor>()
  const perVendor = options as Record<string, (VendorOptions & Record<string, unknown>) | false | undefined>
  for (const [index, vendor] of vendors.entries()) {
    checkVendor(vendor, index)
    adapters.delete(vendor.id)
    unconfigured.delete(vendor.id)
    const own = perVendor[vendor.id]
    if (own === false) {
      unconfigured.set(vendor.id, {
        displayName: vendor.displayName,
        options: [],
        envVars: [],
        alternatives: [],
      })
      continue
    }
    const vendorOptions = { ...(own ?? {}) }
    const given = (way: { option: string; envVar?: string }) =>
      vendorOptions[way.option] !== undefined ||
      (way.envVar !== undefined && readEnv(way.envVar, options.env) !== undefined)
    const missing = vendor.credentials.filter(
      (credential) => !given(credential) && !(credential.alternatives ?? []).some(given),
    )
    if (missing.length > 0) {
      unconfigured.set(vendor.id, {
        displayName: vendor.displayName,
        options: missing.map((credential) => credential.option),
        envVars: missing.map((credential) => credential.envVar),
        alternatives: missing.flatMap((credential) =>
          (credential.alternatives ?? []).map(describeAlternative),
        ),
      })
      continue
    }
    const shared: VendorOptions = {
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.env === undefined ? {} : { env: options.env }),
    }
    const adapter = vendor.createAdapter({ ...shared, ...vendorOptions }, options.env)
    adapters.set(vendor.id, checkAdapter(adapter, vendor))
  }
  return { adapters, unconfigured }
}

/** "`azureApiKey` (or AZURE_OPENAI_API_KEY) with `baseUrl` (or AZURE_OPENAI_ENDPOINT)", for the not-configured advice. */
function describeAlternative(way: CredentialAlternative): string {
  const needs = (way.needs ?? []).map((setting) => setting.envVar)
  const given = way.envVar === undefined ? `\`${way.option}\`` : `\`${way.option}\` (or ${way.envVar})`
  return needs.length === 0 ? given : `${given} with \`baseUrl\` (or ${needs.join(' and ')})`
}
