import type { SandboxVendorModule } from '../../vendor-module.js'
import { createPhoenixApp } from './app.js'

export interface PhoenixCatalog {
  /**
   * Datasets (the suites), their example counts and evaluators. Experiments are not listed here: Phoenix's runs come
   * from the user's code and none can be started, and a catalog of every seeded experiment would grow with `runs`.
   */
  datasets: Array<{ id: string; name: string; examples: number; evaluators: readonly string[] }>
}

/**
 * A run is written every 0.5 s of sandbox time and evaluated 0.3 s later, so the facade's status rule (an experiment
 * is over once unchanged for `quietPeriodMs`) needs far less than its 5-minute default here.
 */
const SANDBOX_QUIET_PERIOD_MS = 5_000
/**
 * The ranges of the seeded evaluators' scores. Phoenix declares none; a user declares them to the facade
 * (`phoenix.scoreScales`), as these options do for the sandbox's own evaluators.
 */
const SANDBOX_SCORE_SCALES = { correctness: { min: 0, max: 1 }, helpfulness: { min: 1, max: 5 } }

export const phoenixSandbox: SandboxVendorModule<
  PhoenixCatalog,
  {
    apiKey: string
    baseUrl: string
    quietPeriodMs: number
    scoreScales: typeof SANDBOX_SCORE_SCALES
  }
> = {
  id: 'phoenix',
  defaultApiKey: 'sandbox-phoenix-key',
  start(seed, suites, runs, nowMs) {
    const app = createPhoenixApp(seed, suites, runs, nowMs)
    const catalog: PhoenixCatalog = {
      datasets: [...app.model.datasets.values()].map(({ id, name, exampleIds, evaluators }) => ({
        id,
        name,
        examples: exampleIds.length,
        evaluators,
      })),
    }
    return {
      app,
      catalog,
      clientOptions: (baseUrl, apiKey) => ({
        apiKey,
        baseUrl,
        quietPeriodMs: SANDBOX_QUIET_PERIOD_MS,
        scoreScales: SANDBOX_SCORE_SCALES,
      }),
      env: (baseUrl, apiKey) => ({ PHOENIX_HOST: baseUrl, PHOENIX_API_KEY: apiKey }),
      // No sampleStartInput: Phoenix experiments run in the user's code, not through its API.
    }
  },
}
