/** The three vendors the sandbox imitates. */
export type SandboxVendor = 'datalab' | 'promptlayer' | 'humanloop'

export const SANDBOX_VENDORS: readonly SandboxVendor[] = ['datalab', 'promptlayer', 'humanloop']

export type FaultKind = '429' | '500' | '502' | '503' | 'reset' | 'truncated' | 'slow'

export const FAULT_KINDS: readonly FaultKind[] = ['429', '500', '502', '503', 'reset', 'truncated', 'slow']

export interface FaultOptions {
  /** Share of requests (0..1) that get a fault. */
  rate: number
  /** Which faults to draw from. Default: all. */
  kinds?: FaultKind[]
  /** Which vendors get faults. Default: all. */
  vendors?: SandboxVendor[]
  /** Seed of the fault sequence. Default: the sandbox seed. */
  seed?: number
  /** Delay of a 'slow' response, in real milliseconds (not sandbox clock). Default 2000. */
  latencyMs?: number
  /** `Retry-After` of a '429', in seconds. Default 1. */
  retryAfterSeconds?: number
}

export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. The host is always 127.0.0.1. */
  port?: number
  /** Same seed, same data and same faults. Default 1. */
  seed?: number
  /** Suites per vendor: Datalab collections, PromptLayer pipelines, Humanloop evaluations. Default 3. */
  suites?: number
  /** Seeded runs per vendor in total, spread over the suites. Default 30. */
  runs?: number
  /** 'manual': time moves only by `clock.advance()`. Default `{ speed: 1 }` (real time). */
  clock?: 'manual' | { speed: number }
  faults?: FaultOptions
  /** API keys the sandbox accepts. Defaults: 'sandbox-datalab-key', 'sandbox-promptlayer-key', 'sandbox-humanloop-key'. */
  apiKeys?: Partial<Record<SandboxVendor, string>>
}

export interface SandboxClock {
  now(): Date
  /** Moves sandbox time forward by `ms` (works with either clock kind). */
  advance(ms: number): void
  readonly speed: number | 'manual'
}

export interface SandboxCatalog {
  datalab: {
    collections: Array<{ id: number; name: string; fileCount: number }>
    rubrics: Array<{ id: number; name: string }>
  }
  promptlayer: { pipelines: Array<{ id: number; name: string; datasetId: number }> }
  humanloop: {
    files: Array<{ id: string; path: string }>
    evaluations: Array<{ id: string; name: string; fileId: string }>
    datasets: Array<{ id: string; versionId: string }>
    versions: Array<{ id: string; versionId: string }>
  }
}

export interface SandboxStats {
  requests: number
  faultsInjected: number
  /** Runs that exist now, per vendor (seeded plus started). */
  runs: Record<SandboxVendor, number>
}

export interface SandboxClientOptions {
  datalab: { apiKey: string; baseUrl: string }
  promptlayer: { apiKey: string; baseUrl: string }
  humanloop: { apiKey: string; baseUrl: string; fileIds: string[] }
}

export interface Sandbox {
  /** Base URLs to pass as `baseUrl` to the vendor clients. */
  urls: Record<SandboxVendor, string>
  apiKeys: Record<SandboxVendor, string>
  /** DATALAB_BASE_URL, DATALAB_API_KEY, PROMPTLAYER_…, HUMANLOOP_…, HUMANLOOP_FILE_IDS. */
  env: Record<string, string>
  /**
   * Options for each vendor client, and for `createEvalrun` as a whole: `createEvalrun(sandbox.clientOptions)`,
   * `createDatalabClient(sandbox.clientOptions.datalab)`. Humanloop lists every seeded file.
   */
  clientOptions: SandboxClientOptions
  clock: SandboxClock
  catalog: SandboxCatalog
  setFaults(faults: FaultOptions | null): void
  stats(): SandboxStats
  close(): Promise<void>
}
