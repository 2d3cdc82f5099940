/**
 * How a vendor takes its credentials. Each credential comes from a client option or, failing that, its env var.
 * - `api-key-header`: the `apiKey` option sent as-is in a header of the vendor's choosing (`X-API-Key`).
 * - `bearer`: the `apiKey` option sent as `Authorization: Bearer <key>`.
 * - `basic`: the `publicKey` and `secretKey` options sent as HTTP basic auth (user and password).
 */
export type VendorAuth =
  | { readonly scheme: 'api-key-header'; readonly header: string; readonly apiKeyEnv: string }
  | { readonly scheme: 'bearer'; readonly apiKeyEnv: string }
  | { readonly scheme: 'basic'; readonly publicKeyEnv: string; readonly secretKeyEnv: string }

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
  readonly baseUrlEnv: string
  /**
   * Older names of `baseUrlEnv` that the vendor's own SDKs still read (Langfuse's `LANGFUSE_HOST`), tried in
   * order when `baseUrlEnv` is unset.
   */
  readonly baseUrlEnvAliases?: readonly string[]
  readonly auth: VendorAuth
}
