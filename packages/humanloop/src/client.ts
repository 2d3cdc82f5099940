import { type ApiKeyOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import type { paths } from './generated/openapi.js'
import { humanloopVendor } from './vendor.js'

export type HumanloopClientOptions = HttpClientOptions & ApiKeyOptions
export type HumanloopClient = Client<paths>

/**
 * A typed client for Humanloop v5's Evaluations API. The key comes from `apiKey` or `HUMANLOOP_API_KEY`; the base
 * URL (with its `/v5`) from `baseUrl`, `HUMANLOOP_BASE_URL`, or https://api.humanloop.com/v5.
 */
export function createHumanloopClient(options: HumanloopClientOptions = {}): HumanloopClient {
  return createVendorClient<paths>(humanloopVendor, options)
}
