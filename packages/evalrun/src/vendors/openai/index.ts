import {
  AZURE_API_KEY_ENV,
  AZURE_ENDPOINT_ENV,
  createOpenAIClient,
  type OpenAIClientOptions,
  openaiVendor,
} from '@evalrun/openai'
import { credentialsOf, type EvalrunVendor, type VendorSetting } from '../../core/vendor.js'
import { createOpenAIAdapter } from './adapter.js'
import type { OpenAIRawItem, OpenAIRawRun, OpenAIStartInput } from './types.js'

export type { OpenAIRawItem, OpenAIRawRun, OpenAIStartInput } from './types.js'

/**
 * Options for OpenAI: its key, base URL, organization and project, plus any per-vendor HTTP override; or, on Azure
 * OpenAI / Azure AI Foundry, `azureApiKey` or `azureAdTokenProvider` and the Azure endpoint as `baseUrl`.
 */
export type OpenAIOptions = OpenAIClientOptions

/** Where an Azure credential goes: the resource's or Foundry project's endpoint (never api.openai.com). */
const AZURE_ENDPOINT_SETTING: VendorSetting = {
  name: 'azureEndpoint',
  envVar: AZURE_ENDPOINT_ENV,
  description:
    'Azure OpenAI / AI Foundry endpoint, https://<resource>.openai.azure.com (/openai/v1 is added)',
}

/** OpenAI Evals: evals (the suites), their runs and each run's output items, graded pass or fail. */
export const openai: EvalrunVendor = {
  id: 'openai',
  displayName: 'OpenAI',
  color: '#0072b2',
  // OpenAI's key, or on Azure an Azure key (AZURE_OPENAI_API_KEY) or an Entra ID token provider (no env var).
  credentials: credentialsOf(openaiVendor.auth).map((credential) => ({
    ...credential,
    alternatives: [
      { option: 'azureApiKey', envVar: AZURE_API_KEY_ENV, needs: [AZURE_ENDPOINT_SETTING] },
      { option: 'azureAdTokenProvider', needs: [AZURE_ENDPOINT_SETTING] },
    ],
  })),
  settingsEnv: [openaiVendor.baseUrlEnv, 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', AZURE_ENDPOINT_ENV],
  refForm: 'openai:<evalId>/<runId>',
  suiteRefForm: 'openai:<evalId>',
  itemsAre: 'output items',
  createAdapter: (options) => createOpenAIAdapter(createOpenAIClient(options as OpenAIClientOptions)),
  scoreScale: 'always',
  canCancel: true,
  startFlags: [
    { flag: '--eval <id>', description: 'eval to run', kind: 'string', field: 'evalId', required: true },
    {
      flag: '--data-source <file.json>',
      description: "the run's data_source as JSON (jsonl, completions or responses)",
      kind: 'json-file',
      field: 'dataSource',
      required: true,
    },
    { flag: '--name <name>', description: 'name of the new run', kind: 'string', field: 'name' },
    {
      flag: '--metadata <file.json>',
      description: 'metadata as a JSON object of strings',
      kind: 'json-file',
      field: 'metadata',
    },
  ],
  examples: ['runs start openai --eval eval_123 --data-source source.json --wait --min-score 0.9'],
}

// Registers OpenAI's types with the core: importing this module adds 'openai' to `Vendor`, so that checking
// `run.vendor === 'openai'` narrows `run.raw`.
declare module '../../core/vendor-types.js' {
  interface RawRuns {
    openai: OpenAIRawRun
  }
  interface RawItems {
    openai: OpenAIRawItem
  }
  interface StartInputs {
    openai: OpenAIStartInput
  }
  interface VendorOptionsByVendor {
    openai: OpenAIOptions
  }
}
