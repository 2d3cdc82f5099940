import type { SandboxVendorModule } from '../../vendor-module.js'
import { createAzureOpenAIApp, createOpenAIApp } from './app.js'

/** A `jsonl` data source with its test cases inline, as `POST /evals/{eval_id}/runs` takes it. */
export interface OpenAISandboxDataSource {
  type: 'jsonl'
  source: {
    type: 'file_content'
    content: Array<{ item: Record<string, unknown>; sample?: Record<string, unknown> }>
  }
}

export interface OpenAICatalog {
  /** Each eval with its seeded JSONL file (a `file_id` source of that file starts a run on its rows). */
  evals: Array<{ id: string; name: string; fileId: string; items: number }>
  /** A data source any eval accepts: `POST /evals/{eval_id}/runs` with `{ data_source: dataSource }`. */
  dataSource: OpenAISandboxDataSource
}

/** The key the Azure-style endpoint accepts, in its `api-key` header. */
export const AZURE_SANDBOX_API_KEY = 'sandbox-azure-openai-key'

export const openaiSandbox: SandboxVendorModule<
  OpenAICatalog,
  { apiKey: string; baseUrl: string },
  { azureApiKey: string; baseUrl: string }
> = {
  id: 'openai',
  defaultApiKey: 'sandbox-openai-key',
  start(seed, suites, runs, nowMs) {
    const app = createOpenAIApp(seed, suites, runs, nowMs)
    const catalog: OpenAICatalog = {
      evals: [...app.model.evals.values()].map((evaluation) => ({
        id: evaluation.id,
        name: evaluation.name,
        fileId: evaluation.file.id,
        items: evaluation.file.items,
      })),
      dataSource: {
        type: 'jsonl',
        source: {
          type: 'file_content',
          content: [
            {
              item: {
                input: 'How do I reset my password?',
                expected: 'Use "Forgot password" on the sign-in page.',
              },
            },
            { item: { input: 'Which plans include SSO?', expected: 'The Business and Enterprise plans.' } },
            { item: { input: 'How do I export my data?', expected: 'Settings → Data → Export.' } },
          ],
        },
      },
    }
    return {
      app,
      catalog,
      clientOptions: (baseUrl, apiKey) => ({ apiKey, baseUrl }),
      env: (baseUrl, apiKey) => ({ OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: apiKey }),
      azure: {
        app: createAzureOpenAIApp(app),
        apiKey: AZURE_SANDBOX_API_KEY,
        clientOptions: (baseUrl: string, azureApiKey: string) => ({ azureApiKey, baseUrl }),
      },
      sampleStartInput: () => {
        const evaluation = catalog.evals[0]
        if (!evaluation) throw new Error('the OpenAI sandbox has no eval to start a run on')
        return { vendor: 'openai', evalId: evaluation.id, dataSource: structuredClone(catalog.dataSource) }
      },
    }
  },
}
