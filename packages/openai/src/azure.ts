import { type Env, EvalrunInvalidConfigError, tokenProviders, type VendorDefinition } from '@evalrun/http'
import { readEnv } from '@evalrun/http/internal'
import { openaiVendor } from './vendor.js'

/** The credential options of OpenAI's Evals API served by Azure OpenAI or Azure AI Foundry. */
export interface AzureOpenAIOptions {
  /** An Azure key, sent as the `api-key` header. Default `AZURE_OPENAI_API_KEY` (when `OPENAI_API_KEY` is unset). */
  azureApiKey?: string
  /**
   * A Microsoft Entra ID token provider (e.g. `@azure/identity`'s `getBearerTokenProvider`), called before every
   * attempt; its token is sent as `Authorization: Bearer <token>` and never printed.
   */
  azureAdTokenProvider?: () => string | Promise<string>
}

const OPENAI_API_KEY_ENV = 'OPENAI_API_KEY'
export const AZURE_API_KEY_ENV = 'AZURE_OPENAI_API_KEY'
export const AZURE_ENDPOINT_ENV = 'AZURE_OPENAI_ENDPOINT'
/** The path of Azure's OpenAI-compatible v1 API below a resource endpoint; it needs no `api-version`. */
const V1_PATH = '/openai/v1'

const azureBase = { ...openaiVendor, displayName: 'Azure OpenAI', baseUrlEnv: AZURE_ENDPOINT_ENV }
const azureKeyVendor: VendorDefinition = {
  ...azureBase,
  auth: { scheme: 'api-key-header', header: 'api-key', apiKeyEnv: AZURE_API_KEY_ENV },
}
const azureTokenVendor: VendorDefinition = {
  ...azureBase,
  auth: { scheme: 'bearer-provider' },
  tokenProviders,
}

interface Chosen {
  vendor: VendorDefinition
  /** The base URL to use, for Azure (never OpenAI's public one); undefined: the vendor's usual resolution. */
  baseUrl: string | undefined
}

/**
 * OpenAI or Azure, by the credential given: an option first (`apiKey`, `azureApiKey` or `azureAdTokenProvider`, one
 * at most), then `OPENAI_API_KEY`, then `AZURE_OPENAI_API_KEY`. An Azure endpoint comes from `baseUrl` or
 * `AZURE_OPENAI_ENDPOINT` (its `/openai/v1` path added when absent), never from OpenAI's default.
 */
export function chooseOpenAIVendor(
  options: AzureOpenAIOptions & { apiKey?: string; baseUrl?: string; env?: Env },
): Chosen {
  const given = (['apiKey', 'azureApiKey', 'azureAdTokenProvider'] as const).filter(
    (name) => options[name] !== undefined,
  )
  if (given.length > 1) {
    throw new EvalrunInvalidConfigError({
      option: given[1] as string,
      message: `createOpenAIClient: pass one of ${given.map((name) => `\`${name}\``).join(' and ')}, not both.`,
    })
  }
  const azure =
    given[0] === 'azureAdTokenProvider'
      ? azureTokenVendor
      : given[0] === 'azureApiKey' ||
          (given.length === 0 &&
            readEnv(OPENAI_API_KEY_ENV, options.env) === undefined &&
            readEnv(AZURE_API_KEY_ENV, options.env) !== undefined)
        ? azureKeyVendor
        : null
  if (azure === null) return { vendor: openaiVendor, baseUrl: undefined }
  return { vendor: azure, baseUrl: options.baseUrl ?? azureEndpoint(options.env) }
}

function azureEndpoint(env: Env | undefined): string {
  const endpoint = readEnv(AZURE_ENDPOINT_ENV, env)
  if (endpoint === undefined) {
    throw new EvalrunInvalidConfigError({
      option: 'baseUrl',
      message: `Azure OpenAI endpoint missing: pass \`baseUrl\` (https://<resource>.openai.azure.com/openai/v1) or set ${AZURE_ENDPOINT_ENV} (https://<resource>.openai.azure.com).`,
    })
  }
  const trimmed = endpoint.replace(/\/+$/, '')
  // Not a URL yet: the HTTP layer checks it (and says so without echoing a key in it).
  return trimmed.endsWith(V1_PATH) ? trimmed : `${trimmed}${V1_PATH}`
}
