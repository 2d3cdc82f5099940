import type { operations } from '@evalrun/langfuse'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp } from '../../http/vendor-app.js'
import { listDatasets } from './dataset-handlers.js'
import { getScoreConfig, listExperimentItems, listExperiments, listScoreConfigs } from './handlers.js'
import type { LangfuseModel } from './model.js'
import { langfuseErrors, refusing } from './operation.js'
import { seedLangfuse } from './seed.js'

export { langfuseErrors } from './operation.js'

/** Every operation of Langfuse's spec, by operation id; `refusing` answers what the query parsers refuse. */
const langfuseHandlers: OperationHandlers<operations, LangfuseModel> = {
  experiments_list: refusing(listExperiments),
  experiments_listItems: refusing(listExperimentItems),
  scoreConfigs_get: refusing(listScoreConfigs),
  'scoreConfigs_get-by-id': getScoreConfig,
  datasets_list: refusing(listDatasets),
}

export function createLangfuseApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: LangfuseModel } {
  const model = seedLangfuse(seed, suites, runs, nowMs)
  return {
    vendor: 'langfuse',
    prefix: '/langfuse',
    security: { scheme: 'BasicAuth', header: 'authorization', basic: true },
    handlers: bindHandlers(langfuseHandlers, model),
    errors: langfuseErrors,
    runCount: () => model.experiments.size,
    model,
  }
}
