import { type BasicAuthOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import type { paths } from './generated/openapi.js'
import { langfuseVendor } from './vendor.js'

export interface LangfuseClientOptions extends HttpClientOptions, BasicAuthOptions {}

export type LangfuseClient = Client<paths>

/**
 * A typed client for Langfuse's public API (experiments, experiment items, score configs), over HTTP basic auth:
 * the public key as user and the secret key as password, from `publicKey`/`secretKey` or `LANGFUSE_PUBLIC_KEY`/
 * `LANGFUSE_SECRET_KEY`. The base URL comes from `baseUrl`, `LANGFUSE_BASE_URL`, `LANGFUSE_HOST` (its older
 * name), or https://cloud.langfuse.com; a self-hosted Langfuse is the same API at its own URL.
 */
export function createLangfuseClient(options: LangfuseClientOptions = {}): LangfuseClient {
  return createVendorClient<paths>(langfuseVendor, options)
}
