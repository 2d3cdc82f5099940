import { type ApiKeyOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import type { paths } from './generated/openapi.js'
import { datalabVendor } from './vendor.js'

export type DatalabClientOptions = HttpClientOptions & ApiKeyOptions
export type DatalabClient = Client<paths>

/**
 * A typed client for Datalab's evaluation-run API. The key comes from `apiKey` or `DATALAB_API_KEY`; the base URL
 * from `baseUrl`, `DATALAB_BASE_URL`, or https://www.datalab.to.
 */
export function createDatalabClient(options: DatalabClientOptions = {}): DatalabClient {
  return createVendorClient<paths>(datalabVendor, options)
}
