import { type ApiKeyOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import type { paths as LegacyPaths } from './generated/openapi.js'
import type { TablesPaths } from './tables-paths.js'
import { promptlayerVendor } from './vendor.js'

export type PromptLayerClientOptions = HttpClientOptions & ApiKeyOptions
/** Every path the client knows: the Tables API and the legacy evaluation endpoints (their paths never meet). */
export type PromptLayerPaths = LegacyPaths & TablesPaths
export type PromptLayerClient = Client<PromptLayerPaths>

/**
 * A typed client for PromptLayer's Tables API (tables, sheets, rows, recalculation operations, scorecards,
 * versions) and its legacy evaluation endpoints (`/reports*`, `/api/public/v2/evaluations*`, deprecated by
 * PromptLayer for new workflows). The key comes from `apiKey` or `PROMPTLAYER_API_KEY`; the base URL from
 * `baseUrl`, `PROMPTLAYER_BASE_URL`, or https://api.promptlayer.com.
 */
export function createPromptLayerClient(options: PromptLayerClientOptions = {}): PromptLayerClient {
  return createVendorClient<PromptLayerPaths>(promptlayerVendor, options)
}
