import { SANDBOX_VENDOR_MODULES } from './vendors/index.js'

type Modules = typeof SANDBOX_VENDOR_MODULES
type Started<V extends SandboxVendor> = ReturnType<Modules[V]['start']>

/** The vendors the sandbox imitates (see `vendors/index.ts`). */
export type SandboxVendor = keyof Modules

export const SANDBOX_VENDORS = Object.keys(SANDBOX_VENDOR_MODULES) as SandboxVendor[]

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
  /**
   * API keys the sandbox accepts, per vendor. Default `sandbox-<vendor>-key`; Langfuse's is its key pair as
   * `<publicKey>:<secretKey>` (what basic auth carries).
   */
  apiKeys?: Partial<Record<SandboxVendor, string>>
}

export interface SandboxClock {
  now(): Date
  /** Moves sandbox time forward by `ms` (works with either clock kind). */
  advance(ms: number): void
  readonly speed: number | 'manual'
}

/** Per vendor, the suites, datasets and versions that tests and the demo can start runs on. */
export type SandboxCatalog = { [V in SandboxVendor]: Started<V>['catalog'] }

export interface SandboxStats {
  requests: number
  faultsInjected: number
  /** Runs that exist now, per vendor (seeded plus started). */
  runs: Record<SandboxVendor, number>
}

/** Per vendor, options for its client and for its entry in `createEvalrun` (`createEvalrun(sandbox.clientOptions)`). */
export type SandboxClientOptions = { [V in SandboxVendor]: ReturnType<Started<V>['clientOptions']> }

/**
 * Per vendor served the way Azure serves it too (OpenAI), options for its client there, ready to pass as that
 * vendor's options: `createEvalrun({ openai: sandbox.azure.openai })`.
 */
export type SandboxAzureOptions = {
  [V in SandboxVendor as AzureOptionsOf<V> extends never ? never : V]: AzureOptionsOf<V>
}
/** A vendor's Azure client options; never for a vendor without an Azure endpoint (its options are `unknown`). */
type AzureOptionsOf<V extends SandboxVendor> =
  NonNullable<Started<V>['azure']> extends { clientOptions(url: string, apiKey: string): infer Options }
    ? unknown extends Options
      ? never
      : Options
    : never

export interface Sandbox {
  /** Base URLs to pass as `baseUrl` to the vendor clients. */
  urls: Record<SandboxVendor, string>
  apiKeys: Record<SandboxVendor, string>
  /** Each vendor's `<VENDOR>_BASE_URL`, `<VENDOR>_API_KEY` and any other setting its client reads. */
  env: Record<string, string>
  /**
   * Options for each vendor client, and for `createEvalrun` as a whole: `createEvalrun(sandbox.clientOptions)`,
   * `createDatalabClient(sandbox.clientOptions.datalab)`.
   */
  clientOptions: SandboxClientOptions
  /** The Azure-style endpoints (`/azure/openai/v1`, key in `api-key`): `createEvalrun({ openai: sandbox.azure.openai })`. */
  azure: SandboxAzureOptions
  clock: SandboxClock
  catalog: SandboxCatalog
  /** One evalrun start input per vendor that can start runs, on seeded suites: what `evalrun demo` starts. */
  sampleStartInputs(): Array<{ vendor: SandboxVendor } & Record<string, unknown>>
  setFaults(faults: FaultOptions | null): void
  stats(): SandboxStats
  close(): Promise<void>
}
