import { createLangfuseClient, type LangfuseClientOptions, langfuseVendor } from '@evalrun/langfuse'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import { credentialsOf, type EvalrunVendor } from '../../core/vendor.js'
import { createLangfuseAdapter } from './adapter.js'
import { DEFAULT_QUIET_PERIOD_MS } from './map-status.js'
import type { LangfuseRawItem, LangfuseRawRun } from './types.js'

export type { LangfuseRawItem, LangfuseRawRun } from './types.js'

/** What a listing without `since` covers by default, in days. */
const DEFAULT_LIST_WINDOW_DAYS = 30

/** Options for Langfuse: its keys and base URL, plus how listings and statuses are judged. */
export interface LangfuseOptions extends LangfuseClientOptions {
  /**
   * Langfuse lists experiments only from a start time. Without `since`, a listing covers experiments started in
   * this many days before now (default 30, the data access window of Langfuse Cloud's smallest plan), and a
   * warning says so.
   */
  listWindowDays?: number
  /**
   * Langfuse records no run status. An experiment without experiment-level scores counts as completed once
   * nothing has happened in it for this long (default 5 minutes), as running before.
   */
  quietPeriodMs?: number
}

/**
 * Langfuse experiments, read-only: datasets (the suites), experiments (the runs, run from the user's own code)
 * and their items with typed scores. Langfuse Cloud or self-hosted, by base URL.
 */
export const langfuse: EvalrunVendor = {
  id: 'langfuse',
  displayName: langfuseVendor.displayName,
  color: '#332288',
  credentials: credentialsOf(langfuseVendor.auth),
  settingsEnv: [langfuseVendor.baseUrlEnv, ...(langfuseVendor.baseUrlEnvAliases ?? [])],
  refForm: 'langfuse:<experimentId>',
  suiteRefForm: 'langfuse:<datasetId>',
  itemsAre: 'experiment items',
  createAdapter: (options) => {
    const { listWindowDays, quietPeriodMs, ...http } = options as LangfuseOptions
    return createLangfuseAdapter(createLangfuseClient(http), {
      listWindowDays: positive('langfuse.listWindowDays', listWindowDays, DEFAULT_LIST_WINDOW_DAYS, 36_500),
      quietPeriodMs: positive(
        'langfuse.quietPeriodMs',
        quietPeriodMs,
        DEFAULT_QUIET_PERIOD_MS,
        30 * 86_400_000,
      ),
    })
  },
  // Experiments run in the user's code: the API can neither start nor stop one.
  scoreScale: 'sometimes',
  canCancel: false,
}

function positive(field: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new EvalrunInvalidInputError({ field, value, expected: `a positive number up to ${max}` })
  }
  return value
}

// Registers Langfuse's types with the core: importing this module adds 'langfuse' to `Vendor`, so that checking
// `run.vendor === 'langfuse'` narrows `run.raw`.
declare module '../../core/vendor-types.js' {
  interface RawRuns {
    langfuse: LangfuseRawRun
  }
  interface RawItems {
    langfuse: LangfuseRawItem
  }
  interface VendorOptionsByVendor {
    langfuse: LangfuseOptions
  }
}
