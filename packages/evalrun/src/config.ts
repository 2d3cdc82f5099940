import { createDatalabClient } from '@evalrun/datalab'
import type { ApiKeyOptions, Env, HttpClientOptions, RetryOptions } from '@evalrun/http'
import { readEnv } from '@evalrun/http/internal'
import { createHumanloopClient } from '@evalrun/humanloop'
import { createPromptLayerClient } from '@evalrun/promptlayer'
import type { AnyEvalrunAdapter } from './adapter.js'
import { createDatalabAdapter } from './adapters/datalab.js'
import { createHumanloopAdapter } from './adapters/humanloop.js'
import { createPromptLayerAdapter } from './adapters/promptlayer.js'
import { EvalrunInvalidInputError } from './errors.js'

/** Options for one vendor: its key and where to reach it, plus any per-vendor HTTP override. */
export type VendorOptions = HttpClientOptions & ApiKeyOptions

export interface HumanloopOptions extends VendorOptions {
  /** Files whose evaluations `runs.list` reads (Humanloop lists evaluations per file). Default HUMANLOOP_FILE_IDS. */
  fileIds?: readonly string[]
}

export interface EvalrunOptions {
  /** Datalab; default from DATALAB_API_KEY / DATALAB_BASE_URL. `false` leaves it off even if the env has a key. */
  datalab?: VendorOptions | false
  /** PromptLayer; default from PROMPTLAYER_API_KEY / PROMPTLAYER_BASE_URL. */
  promptlayer?: VendorOptions | false
  /** Humanloop; default from HUMANLOOP_API_KEY / HUMANLOOP_BASE_URL / HUMANLOOP_FILE_IDS. */
  humanloop?: HumanloopOptions | false
  /** Used by every vendor unless its own options say otherwise. */
  fetch?: HttpClientOptions['fetch']
  retry?: RetryOptions | false
  timeoutMs?: number
  /** Where to read the vendors' env vars from instead of `process.env` (e.g. a Worker's env bindings). */
  env?: Env
  /** Extra vendors, or replacements for built-in ones (matched by `vendor`). */
  adapters?: readonly AnyEvalrunAdapter[]
}

/** A built-in vendor left unconfigured, and what would configure it (for `EvalrunNotConfiguredError`). */
export interface UnconfiguredVendor {
  displayName: string
  option: string
  envVar: string
}

interface BuiltIn {
  displayName: string
  keyEnv: string
  create(options: VendorOptions, extra: HumanloopOptions): AnyEvalrunAdapter
}

const BUILT_INS = {
  datalab: {
    displayName: 'Datalab',
    keyEnv: 'DATALAB_API_KEY',
    create: (options) => createDatalabAdapter(createDatalabClient(options)),
  },
  promptlayer: {
    displayName: 'PromptLayer',
    keyEnv: 'PROMPTLAYER_API_KEY',
    create: (options) => createPromptLayerAdapter(createPromptLayerClient(options)),
  },
  humanloop: {
    displayName: 'Humanloop',
    keyEnv: 'HUMANLOOP_API_KEY',
    create: (options, extra) =>
      createHumanloopAdapter(createHumanloopClient(options), {
        fileIds: resolveFileIds(extra.fileIds, options.env),
      }),
  },
} satisfies Record<string, BuiltIn>

export const BUILT_IN_VENDORS = Object.keys(BUILT_INS) as (keyof typeof BUILT_INS)[]

/**
 * Builds the adapters: a built-in vendor is configured when it has a key (option or env var); one without a key
 * is recorded as unconfigured, so that using it can say how to configure it. Bad keys or URLs throw here.
 */
export function resolveAdapters(options: EvalrunOptions): {
  adapters: Map<string, AnyEvalrunAdapter>
  unconfigured: Map<string, UnconfiguredVendor>
} {
  if (typeof options !== 'object' || options === null) {
    throw new EvalrunInvalidInputError({ field: 'options', value: options, expected: 'an options object' })
  }
  const adapters = new Map<string, AnyEvalrunAdapter>()
  const unconfigured = new Map<string, UnconfiguredVendor>()
  for (const vendor of BUILT_IN_VENDORS) {
    const builtIn: BuiltIn = BUILT_INS[vendor]
    const own = options[vendor]
    const unconfiguredEntry = {
      displayName: builtIn.displayName,
      option: `${vendor}.apiKey`,
      envVar: builtIn.keyEnv,
    }
    if (own === false) {
      unconfigured.set(vendor, { ...unconfiguredEntry, option: vendor })
      continue
    }
    const vendorOptions = { ...(own ?? {}) } as HumanloopOptions
    if (vendorOptions.apiKey === undefined && readEnv(builtIn.keyEnv, options.env) === undefined) {
      unconfigured.set(vendor, unconfiguredEntry)
      continue
    }
    const { fileIds, ...http } = vendorOptions
    const httpOptions: VendorOptions = {
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.env === undefined ? {} : { env: options.env }),
      ...http,
    }
    adapters.set(vendor, builtIn.create(httpOptions, { fileIds }))
  }
  for (const [index, adapter] of (options.adapters ?? []).entries()) {
    // Checked at run time too: adapters may come from plain JavaScript.
    const candidate = adapter as { specificationVersion?: unknown; vendor?: unknown } | undefined
    if (
      candidate?.specificationVersion !== 'v1' ||
      typeof candidate.vendor !== 'string' ||
      candidate.vendor === ''
    ) {
      throw new EvalrunInvalidInputError({
        field: `adapters[${index}]`,
        value: adapter,
        expected: "an EvalrunAdapter with specificationVersion 'v1' and a vendor name",
      })
    }
    adapters.set(adapter.vendor, adapter)
    unconfigured.delete(adapter.vendor)
  }
  return { adapters, unconfigured }
}

function resolveFileIds(fileIds: readonly string[] | undefined, env: Env | undefined): string[] {
  if (fileIds === undefined) {
    const fromEnv = readEnv('HUMANLOOP_FILE_IDS', env)
    return fromEnv === undefined
      ? []
      : fromEnv
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '')
  }
  if (!Array.isArray(fileIds) || fileIds.some((id) => typeof id !== 'string' || id.trim() === '')) {
    throw new EvalrunInvalidInputError({
      field: 'humanloop.fileIds',
      value: fileIds,
      expected: 'an array of Humanloop file ids (non-empty strings)',
    })
  }
  return fileIds.map((id) => id.trim())
}
