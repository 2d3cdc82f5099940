import type { VendorApp } from './http/vendor-app.js'

/** One vendor's app, started, with what the sandbox tells users about it. */
export interface StartedVendor<Catalog, ClientOptions, AzureOptions = unknown> {
  app: VendorApp
  /** The suites, datasets and versions a test or the demo can start runs on. */
  catalog: Catalog
  /** Options for the vendor's client and for `createEvalrun`'s entry of this vendor. */
  clientOptions(url: string, apiKey: string): ClientOptions
  /** Env vars that point the vendor's client at the sandbox: `DATALAB_BASE_URL`, `DATALAB_API_KEY`, … */
  env(url: string, apiKey: string): Record<string, string>
  /** What `evalrun demo` starts on this vendor (an evalrun start input); absent when runs cannot be started. */
  sampleStartInput?(): { vendor: string } & Record<string, unknown>
  /**
   * The same API served the way Azure serves it (OpenAI's Evals on Azure OpenAI / AI Foundry), over the same data,
   * with its own key: `startSandbox().azure[vendor]` holds the options for the vendor's client.
   */
  azure?: {
    app: VendorApp
    apiKey: string
    clientOptions(url: string, apiKey: string): AzureOptions
  }
}

/**
 * What the sandbox knows of one vendor: each vendor's folder exports one and `vendors/index.ts` lists them, so
 * that the server, the env it prints and the demo name no vendor themselves.
 */
export interface SandboxVendorModule<Catalog = unknown, ClientOptions = unknown, AzureOptions = unknown> {
  id: string
  /** The API key the sandbox accepts unless told otherwise. */
  defaultApiKey: string
  start(
    seed: number,
    suites: number,
    runs: number,
    nowMs: number,
  ): StartedVendor<Catalog, ClientOptions, AzureOptions>
}
