import { createPhoenixClient, type PhoenixClientOptions, phoenixVendor } from '@evalrun/phoenix'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import type { ScoreScale } from '../../core/model.js'
import type { EvalrunVendor } from '../../core/vendor.js'
import { createPhoenixAdapter } from './adapter.js'
import { DEFAULT_QUIET_PERIOD_MS } from './map-status.js'
import type { PhoenixRawItem, PhoenixRawRun } from './types.js'

export type { PhoenixExportAnnotation, PhoenixExportRecord, PhoenixRawItem, PhoenixRawRun } from './types.js'

/** Options for Phoenix: its key (optional) and base URL, plus how statuses and scores are judged. */
export interface PhoenixOptions extends PhoenixClientOptions {
  /**
   * Phoenix records no experiment status. An experiment counts as over once it has not changed for this long
   * (default 5 minutes): completed when every expected run is recorded without error, failed otherwise.
   */
  quietPeriodMs?: number
  /**
   * The range of each evaluation's scores, by evaluation name (`{ correctness: { min: 0, max: 1 } }`). Phoenix
   * declares none, so without one a score has no normalised value and the run no headline score.
   */
  scoreScales?: Record<string, { min: number; max: number }>
}

/**
 * Arize Phoenix experiments, read-only: datasets (the suites), experiments (the runs, run from the user's own
 * code) and their runs with their evaluations. Self-hosted or Arize-hosted, by base URL.
 */
export const phoenix: EvalrunVendor = {
  id: 'phoenix',
  displayName: phoenixVendor.displayName,
  color: '#882255',
  // A self-hosted Phoenix with auth off takes no key: naming its host is then enough to configure it.
  credentials: [
    {
      option: 'apiKey',
      envVar: 'PHOENIX_API_KEY',
      alternatives: [{ option: 'baseUrl', envVar: phoenixVendor.baseUrlEnv }],
    },
  ],
  // PHOENIX_HOST is read too, as the credential's alternative above.
  settingsEnv: [],
  refForm: 'phoenix:<experimentId>',
  suiteRefForm: 'phoenix:<datasetId>',
  itemsAre: 'experiment runs',
  createAdapter: (options) => {
    const { quietPeriodMs, scoreScales, ...http } = options as PhoenixOptions
    return createPhoenixAdapter(createPhoenixClient(http), {
      quietPeriodMs: quietPeriodOf(quietPeriodMs),
      scales: scalesOf(scoreScales),
    })
  },
  // Experiments run in the user's code: the API can neither start nor stop one.
  scoreScale: 'sometimes',
  canCancel: false,
}

function quietPeriodOf(value: unknown): number {
  if (value === undefined) return DEFAULT_QUIET_PERIOD_MS
  const max = 30 * 86_400_000
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new EvalrunInvalidInputError({
      field: 'phoenix.quietPeriodMs',
      value,
      expected: `a positive number of milliseconds up to ${max}`,
    })
  }
  return value
}

function scalesOf(value: unknown): Map<string, ScoreScale> {
  const scales = new Map<string, ScoreScale>()
  if (value === undefined) return scales
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EvalrunInvalidInputError({
      field: 'phoenix.scoreScales',
      value,
      expected: 'an object of evaluation name → { min, max }',
    })
  }
  for (const [name, scale] of Object.entries(value)) {
    const { min, max } = (scale ?? {}) as { min?: unknown; max?: unknown }
    if (
      typeof min !== 'number' ||
      typeof max !== 'number' ||
      !Number.isFinite(min) ||
      !Number.isFinite(max) ||
      min >= max
    ) {
      throw new EvalrunInvalidInputError({
        field: `phoenix.scoreScales.${name}`,
        value: scale,
        expected: '{ min, max } with finite numbers, min below max',
      })
    }
    scales.set(name, { min, max, source: 'config' })
  }
  return scales
}

// Registers Phoenix's types with the core: importing this module adds 'phoenix' to `Vendor`, so that checking
// `run.vendor === 'phoenix'` narrows `run.raw`.
declare module '../../core/vendor-types.js' {
  interface RawRuns {
    phoenix: PhoenixRawRun
  }
  interface RawItems {
    phoenix: PhoenixRawItem
  }
  interface VendorOptionsByVendor {
    phoenix: PhoenixOptions
  }
}
