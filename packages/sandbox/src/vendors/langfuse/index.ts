import type { SandboxVendorModule } from '../../vendor-module.js'
import { createLangfuseApp } from './app.js'

export interface LangfuseCatalog {
  /**
   * Datasets (the suites) and how many items each has. Experiments are not listed here: Langfuse's runs come from
   * the user's code and none can be started, and a catalog of every seeded experiment would grow with `runs`.
   */
  datasets: Array<{ id: string; name: string; items: number }>
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
      datasets: [...app.model.datasets.values()].map(({ id, name, itemIds }) => ({
        id,
        name,
        items: itemIds.length,
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
