import type { operations } from '@evalrun/openai'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp, VendorResponse } from '../../http/vendor-app.js'
import { listFiles } from './file-handlers.js'
import {
  cancelEvalRun,
  createEvalRun,
  getEval,
  getEvalRun,
  getEvalRunOutputItem,
  getEvalRunOutputItems,
  getEvalRuns,
  listEvals,
} from './handlers.js'
import type { OpenAIModel } from './model.js'
import { openaiErrors } from './operation.js'
import { seedOpenAI } from './seed.js'

export { openaiErrors } from './operation.js'

/** Every operation of OpenAI's Evals spec, by operation id. */
const openaiHandlers: OperationHandlers<operations, OpenAIModel> = {
  listEvals: listEvals,
  getEval: getEval,
  getEvalRuns: getEvalRuns,
  createEvalRun: createEvalRun,
  getEvalRun: getEvalRun,
  cancelEvalRun: cancelEvalRun,
  getEvalRunOutputItems: getEvalRunOutputItems,
  getEvalRunOutputItem: getEvalRunOutputItem,
  listFiles,
}

export function createOpenAIApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: OpenAIModel } {
  const model = seedOpenAI(seed, suites, runs, nowMs)
  return {
    vendor: 'openai',
    prefix: '/openai/v1',
    security: { scheme: 'ApiKeyAuth', header: 'authorization', bearer: true },
    handlers: bindHandlers(openaiHandlers, model),
    errors: openaiErrors,
    runCount: () => model.runs.size,
    model,
  }
}

/**
 * OpenAI's Evals as Azure OpenAI and Azure AI Foundry serve them (`https://<resource>.openai.azure.com/openai/v1`),
 * over `app`'s data: the key in an `api-key` header, a bearer refused with a 401 as Azure's key auth refuses it.
 */
export function createAzureOpenAIApp(app: VendorApp): VendorApp {
  return {
    ...app,
    prefix: '/azure/openai/v1',
    security: { scheme: 'ApiKeyAuth', header: 'api-key' },
    errors: { ...app.errors, unauthorized: azureUnauthorized },
  }
}

/** Azure's own 401 for key auth: its `error.code` is the status as text, and it names the key and the endpoint. */
function azureUnauthorized(): VendorResponse {
  return {
    status: 401,
    body: {
      error: {
        code: '401',
        message:
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      },
    },
  }
}
