import { type ApiKeyOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import type { paths } from './generated/openapi.js'
import { phoenixVendor } from './vendor.js'

export interface PhoenixClientOptions extends HttpClientOptions, ApiKeyOptions {}

export type PhoenixClient = Client<paths>

/**
 * A typed client for Phoenix's REST API (datasets, experiments, experiment runs, the experiment JSON export,
 * incomplete runs and evaluations). The API key, from `apiKey` or `PHOENIX_API_KEY`, goes as
 * `Authorization: Bearer <key>`, as Phoenix's own client sends it; without one no `Authorization` is sent (a
 * self-hosted server with auth off). The base URL comes from `baseUrl`, `PHOENIX_HOST`, or http://localhost:6006.
 */
export function createPhoenixClient(options: PhoenixClientOptions = {}): PhoenixClient {
  return createVendorClient<paths>(phoenixVendor, options)
}
