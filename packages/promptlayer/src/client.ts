import { type ApiKeyOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import type { paths } from './generated/openapi.js'
import { promptlayerVendor } from './vendor.js'

export type PromptLayerClientOptions = HttpClientOptions & ApiKeyOptions
export type PromptLayerClient = Client<paths>

/**
 * A typed client for PromptLayer's evaluation endpoints. The key comes from `apiKey` or `PROMPTLAYER_API_KEY`;
 * the base URL from `baseUrl`, `PROMPTLAYER_BASE_URL`, or https://api.promptlayer.com.
 */
export function createPromptLayerClient(options: PromptLayerClientOptions = {}): PromptLayerClient {
  return createVendorClient<paths>(promptlayerVendor, options)
}
