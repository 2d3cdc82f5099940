import type { operations } from '@evalrun/phoenix'
import { bindHandlers, type OperationHandlers } from '../../http/operation-handlers.js'
import type { VendorApp } from '../../http/vendor-app.js'
import {
  getDataset,
  getDatasetExamples,
  getExperiment,
  getExperimentJSON,
  getIncompleteExperimentEvaluations,
  getIncompleteExperimentRuns,
  listDatasets,
  listExperimentRuns,
  listExperiments,
} from './handlers.js'
import type { PhoenixModel } from './model.js'
import { phoenixErrors } from './operation.js'
import { seedPhoenix } from './seed.js'

export { phoenixErrors } from './operation.js'

/** Every operation of Phoenix's vendored spec, by operation id. */
const phoenixHandlers: OperationHandlers<operations, PhoenixModel> = {
  listDatasets,
  getDataset,
  getDatasetExamples,
  listExperiments,
  getExperiment,
  listExperimentRuns,
  getExperimentJSON,
  getIncompleteExperimentRuns,
  getIncompleteExperimentEvaluations,
}

export function createPhoenixApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: PhoenixModel } {
  const model = seedPhoenix(seed, suites, runs, nowMs)
  return {
    vendor: 'phoenix',
    prefix: '/phoenix',
    // Phoenix's spec declares no auth; the sandbox is a server with auth on, which takes the key as a bearer token.
    security: { scheme: 'PhoenixApiKey', header: 'authorization', bearer: true, undeclared: true },
    handlers: bindHandlers(phoenixHandlers, model),
    errors: phoenixErrors,
    runCount: () => model.experiments.size,
    model,
  }
}
