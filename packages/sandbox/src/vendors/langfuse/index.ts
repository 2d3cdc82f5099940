import type { SandboxVendorModule } from '../../vendor-module.js'
import { createLangfuseApp } from './app.js'

export interface LangfuseCatalog {
  /** Datasets (the suites), with their items' ids in the order experiments run them. */
  datasets: Array<{ id: string; name: string; itemIds: string[] }>
  /** Every seeded experiment, oldest first: Langfuse's runs come from the user's code, so none can be started. */
  experiments: Array<{ id: string; name: string; datasetId: string; startTime: string }>
}

/** The sandbox's key pair as one string, `<publicKey>:<secretKey>`: what HTTP basic auth carries (and `apiKeys`). */
export const LANGFUSE_SANDBOX_KEYS = 'pk-lf-sandbox-0000:sk-lf-sandbox-0000'

/** Splits `apiKeys.langfuse` (`<publicKey>:<secretKey>`) at its first colon, as basic auth does. */
export function langfuseKeys(pair: string): { publicKey: string; secretKey: string } {
  const colon = pair.indexOf(':')
  return colon < 0
    ? { publicKey: pair, secretKey: '' }
    : { publicKey: pair.slice(0, colon), secretKey: pair.slice(colon + 1) }
}

export const langfuseSandbox: SandboxVendorModule<
  LangfuseCatalog,
  { publicKey: string; secretKey: string; baseUrl: string }
> = {
  id: 'langfuse',
  defaultApiKey: LANGFUSE_SANDBOX_KEYS,
  start(seed, suites, runs, nowMs) {
    const app = createLangfuseApp(seed, suites, runs, nowMs)
    const catalog: LangfuseCatalog = {
      datasets: [...app.model.datasets.values()].map(({ id, name, itemIds }) => ({ id, name, itemIds })),
      experiments: [...app.model.experiments.values()]
        .sort((a, b) => a.startMs - b.startMs || a.seq - b.seq)
        .map(({ id, name, datasetId, startMs }) => ({
          id,
          name,
          datasetId,
          startTime: new Date(startMs).toISOString(),
        })),
    }
    return {
      app,
      catalog,
      clientOptions: (baseUrl, pair) => ({ ...langfuseKeys(pair), baseUrl }),
      env: (baseUrl, pair) => {
        const { publicKey, secretKey } = langfuseKeys(pair)
        return { LANGFUSE_BASE_URL: baseUrl, LANGFUSE_PUBLIC_KEY: publicKey, LANGFUSE_SECRET_KEY: secretKey }
      },
      // No sampleStartInput: Langfuse experiments run in the user's code, not through its API.
    }
  },
}
