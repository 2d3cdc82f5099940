import { type ApiKeyOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import { readEnv } from '@evalrun/http/internal'
import type { paths } from './generated/openapi.js'
import { openaiVendor } from './vendor.js'

export interface OpenAIClientOptions extends HttpClientOptions, ApiKeyOptions {
  /** Sent as `OpenAI-Organization`. Default `OPENAI_ORG_ID`, as OpenAI's own SDK reads it. */
  organization?: string
  /** Sent as `OpenAI-Project`. Default `OPENAI_PROJECT_ID`. */
  project?: string
}

export type OpenAIClient = Client<paths>

/**
 * A typed client for OpenAI's Evals API (evals, runs, output items). The key comes from `apiKey` or
 * `OPENAI_API_KEY` and is sent as a bearer token; the base URL from `baseUrl`, `OPENAI_BASE_URL`, or
 * https://api.openai.com/v1.
 */
export function createOpenAIClient(options: OpenAIClientOptions = {}): OpenAIClient {
  const { organization, project, ...http } = options
  const scope: Record<string, string> = {}
  const org = organization ?? readEnv('OPENAI_ORG_ID', options.env)
  const proj = project ?? readEnv('OPENAI_PROJECT_ID', options.env)
  if (org !== undefined) scope['OpenAI-Organization'] = org
  if (proj !== undefined) scope['OpenAI-Project'] = proj
  // The HTTP layer checks every header (no line breaks, visible characters), these two among them.
  return createVendorClient<paths>(openaiVendor, { ...http, headers: { ...scope, ...http.headers } })
}
