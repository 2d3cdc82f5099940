import { type ApiKeyOptions, type Client, createVendorClient, type HttpClientOptions } from '@evalrun/http'
import { readEnv } from '@evalrun/http/internal'
import { type AzureOpenAIOptions, chooseOpenAIVendor } from './azure.js'
import type { paths } from './generated/openapi.js'
import { openaiVendor } from './vendor.js'

export interface OpenAIClientOptions extends HttpClientOptions, ApiKeyOptions, AzureOpenAIOptions {
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
 *
 * On Azure OpenAI or Azure AI Foundry: an `azureApiKey` (or `AZURE_OPENAI_API_KEY`), sent as `api-key`, or an
 * `azureAdTokenProvider` for Microsoft Entra ID; the endpoint from `baseUrl` (`https://<resource>.openai.azure.com/openai/v1`)
 * or `AZURE_OPENAI_ENDPOINT`. The same paths, answers and types.
 */
export function createOpenAIClient(options: OpenAIClientOptions = {}): OpenAIClient {
  const { organization, project, azureApiKey, azureAdTokenProvider, ...http } = options
  const { vendor, baseUrl } = chooseOpenAIVendor(options)
  const onAzure = vendor !== openaiVendor
  const scope: Record<string, string> = {}
  // OpenAI's own scoping env vars are not Azure's: on Azure only the options are sent.
  const org = organization ?? (onAzure ? undefined : readEnv('OPENAI_ORG_ID', options.env))
  const proj = project ?? (onAzure ? undefined : readEnv('OPENAI_PROJECT_ID', options.env))
  if (org !== undefined) scope['OpenAI-Organization'] = org
  if (proj !== undefined) scope['OpenAI-Project'] = proj
  // The HTTP layer checks every header (no line breaks, visible characters), these two among them.
  return createVendorClient<paths>(vendor, {
    ...http,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(azureApiKey === undefined ? {} : { apiKey: azureApiKey }),
    ...(azureAdTokenProvider === undefined ? {} : { tokenProvider: azureAdTokenProvider }),
    headers: { ...scope, ...http.headers },
  })
}
