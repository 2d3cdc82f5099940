import type { FunctionId } from '@evalrun/braintrust'
import type { SandboxVendorModule } from '../../vendor-module.js'
import { createBraintrustApp } from './app.js'

export interface BraintrustCatalog {
  /** Each project with its dataset (its records are the test cases) and its saved task function. */
  projects: Array<{
    id: string
    name: string
    datasetId: string
    datasetName: string
    rows: number
    taskFunctionId: string
  }>
  /** Scorers any eval accepts (Braintrust's autoevals, as global functions). */
  scores: FunctionId[]
}

/**
 * Each eval writes a case every 0.5 s of sandbox time, so the facade's status rule (an experiment is running until
 * its newest event is `quietPeriodMs` old) needs far less than its 60 s default here.
 */
const SANDBOX_QUIET_PERIOD_MS = 5_000

export const braintrustSandbox: SandboxVendorModule<
  BraintrustCatalog,
  { apiKey: string; baseUrl: string; quietPeriodMs: number }
> = {
  id: 'braintrust',
  defaultApiKey: 'sandbox-braintrust-key',
  start(seed, suites, runs, nowMs) {
    const app = createBraintrustApp(seed, suites, runs, nowMs)
    const catalog: BraintrustCatalog = {
      projects: [...app.model.projects.values()].map((project) => ({
        id: project.id,
        name: project.name,
        datasetId: project.dataset.id,
        datasetName: project.dataset.name,
        rows: project.dataset.rows,
        taskFunctionId: project.taskFunctionId,
      })),
      scores: [{ global_function: 'Factuality' }, { global_function: 'Levenshtein' }],
    }
    return {
      app,
      catalog,
      clientOptions: (baseUrl, apiKey) => ({ apiKey, baseUrl, quietPeriodMs: SANDBOX_QUIET_PERIOD_MS }),
      env: (baseUrl, apiKey) => ({ BRAINTRUST_API_URL: baseUrl, BRAINTRUST_API_KEY: apiKey }),
      sampleStartInput: () => {
        const project = catalog.projects[0]
        if (!project) throw new Error('the Braintrust sandbox has no project to run an eval in')
        return {
          vendor: 'braintrust',
          projectId: project.id,
          data: { dataset_id: project.datasetId },
          task: { function_id: project.taskFunctionId },
          scores: structuredClone(catalog.scores),
          experimentName: 'evalrun demo',
        }
      },
    }
  },
}
