import type { operations } from '@evalrun/openai'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp } from '../../http/vendor-app.js'
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
