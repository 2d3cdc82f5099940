/** What the HTTP layer needs to know about one vendor API. Each vendor package defines one. */
export interface VendorDefinition {
  /** Stable id, used in errors and refs: `datalab`, `promptlayer`, `humanloop`. */
  readonly id: string
  /** Name for people: `Datalab`. */
  readonly displayName: string
  /** The npm package that talks to this vendor, for the User-Agent: `@evalrun/datalab`. */
  readonly packageName: string
  readonly packageVersion: string
  /** The client factory, named in configuration errors: `createDatalabClient`. */
  readonly factoryName: string
  readonly defaultBaseUrl: string
  /** The header that carries the API key, as the vendor documents it. */
  readonly apiKeyHeader: string
  readonly apiKeyEnv: string
  readonly baseUrlEnv: string
}
