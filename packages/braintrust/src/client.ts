import { type ApiKeyOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import type { paths } from './generated/openapi.js'
import { braintrustVendor } from './vendor.js'

export interface BraintrustClientOptions extends HttpClientOptions, ApiKeyOptions {}

export type BraintrustClient = Client<paths>

/**
 * A typed client for Braintrust's experiment API (experiments, events, summaries, eval launch, project scores). The
 * key comes from `apiKey` or `BRAINTRUST_API_KEY` and is sent as a bearer token; the base URL from `baseUrl`,
 * `BRAINTRUST_API_URL`, or https://api.braintrust.dev.
 */
export function createBraintrustClient(options: BraintrustClientOptions = {}): BraintrustClient {
  return createVendorClient<paths>(braintrustVendor, options)
}
