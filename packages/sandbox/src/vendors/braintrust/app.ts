import type { operations } from '@evalrun/braintrust'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp } from '../../http/vendor-app.js'
import { fetchExperimentEventsByGet, listDatasets, listFunctions, listProjects } from './catalog-handlers.js'
import {
  fetchExperimentEvents,
  getExperiment,
  launchEval,
  listExperiments,
  listProjectScores,
  summarizeExperiment,
} from './handlers.js'
import type { BraintrustModel } from './model.js'
import { braintrustErrors } from './operation.js'
import { seedBraintrust } from './seed.js'

export { braintrustErrors } from './operation.js'

/** Every operation of Braintrust's spec, by operation id. */
const braintrustHandlers: OperationHandlers<operations, BraintrustModel> = {
  getExperiment: listExperiments,
  getExperimentId: getExperiment,
  postExperimentIdFetch: fetchExperimentEvents,
  getExperimentIdSummarize: summarizeExperiment,
  evalLaunch: launchEval,
  getProjectScore: listProjectScores,
  getExperimentIdFetch: fetchExperimentEventsByGet,
  getProject: listProjects,
  getDataset: listDatasets,
  getFunction: listFunctions,
}

export function createBraintrustApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: BraintrustModel } {
  const model = seedBraintrust(seed, suites, runs, nowMs)
  return {
    vendor: 'braintrust',
    prefix: '/braintrust',
    // The spec also lists anonymous access (`{}`) beside the bearer key; the service requires the key.
    security: { scheme: 'bearerAuth', header: 'authorization', bearer: true, required: true },
    handlers: bindHandlers(braintrustHandlers, model),
    errors: braintrustErrors,
    runCount: () => model.experiments.size,
    model,
  }
}
