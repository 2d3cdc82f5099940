import { type BraintrustClientOptions, braintrustVendor, createBraintrustClient } from '@evalrun/braintrust'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import { credentialsOf, type EvalrunVendor } from '../../core/vendor.js'
import { createBraintrustAdapter } from './adapter.js'
import type { BraintrustRawItem, BraintrustRawRun, BraintrustStartInput } from './types.js'

export type { BraintrustRawItem, BraintrustRawRun, BraintrustStartInput } from './types.js'

/** Options for Braintrust: its key and base URL, the status rule's quiet period, and any per-vendor HTTP override. */
export interface BraintrustOptions extends BraintrustClientOptions {
  /**
   * Braintrust has no run status: an experiment counts as running until its newest event is this old (by
   * Braintrust's clock), completed after. Default 60 000; raise it for evals whose cases each take longer.
   */
  quietPeriodMs?: number
}

/** Braintrust experiments (the runs) in projects (the suites), scored 0..1 per scorer; launched with `POST /v1/eval`. */
export const braintrust: EvalrunVendor = {
  id: 'braintrust',
  displayName: braintrustVendor.displayName,
  color: '#8c6d00',
  credentials: credentialsOf(braintrustVendor.auth),
  settingsEnv: [braintrustVendor.baseUrlEnv],
  refForm: 'braintrust:<experimentId>',
  suiteRefForm: 'braintrust:<projectId>',
  itemsAre: 'test cases (root events)',
  createAdapter: (options) => {
    const { quietPeriodMs, ...http } = options as BraintrustOptions
    if (
      quietPeriodMs !== undefined &&
      !(typeof quietPeriodMs === 'number' && Number.isFinite(quietPeriodMs) && quietPeriodMs > 0)
    ) {
      throw new EvalrunInvalidInputError({
        field: 'braintrust.quietPeriodMs',
        value: quietPeriodMs,
        expected: 'a positive number of milliseconds',
      })
    }
    return createBraintrustAdapter(
      createBraintrustClient(http),
      quietPeriodMs === undefined ? {} : { quietPeriodMs },
    )
  },
  scoreScale: 'always',
  canCancel: false,
  startFlags: [
    {
      flag: '--project-id <id>',
      description: 'project to run the eval in',
      kind: 'string',
      field: 'projectId',
      required: true,
    },
    {
      flag: '--data <file.json>',
      description:
        'the test cases as JSON: { dataset_id }, { project_name, dataset_name } or { data: [rows] }',
      kind: 'json-file',
      field: 'data',
      required: true,
    },
    {
      flag: '--task <file.json>',
      description: 'the function to evaluate as JSON, e.g. { function_id } or { project_name, slug }',
      kind: 'json-file',
      field: 'task',
      required: true,
    },
    {
      flag: '--scores <file.json>',
      description: 'the scorers as a JSON array, e.g. [{ "global_function": "Factuality" }]',
      kind: 'json-file',
      field: 'scores',
      required: true,
    },
    {
      flag: '--experiment-name <name>',
      description: 'name of the new experiment',
      kind: 'string',
      field: 'experimentName',
    },
    {
      flag: '--base-experiment-id <id>',
      description: 'experiment to compare with',
      kind: 'string',
      field: 'baseExperimentId',
    },
    {
      flag: '--metadata <file.json>',
      description: 'experiment metadata as a JSON object',
      kind: 'json-file',
      field: 'metadata',
    },
    {
      flag: '--trial-count <n>',
      description: 'runs per test case',
      kind: 'integer',
      field: 'trialCount',
    },
  ],
  examples: [
    'runs start braintrust --project-id p_123 --data data.json --task task.json --scores scores.json --wait --min-score 0.8',
  ],
}

// Registers Braintrust's types with the core: importing this module adds 'braintrust' to `Vendor`, so that checking
// `run.vendor === 'braintrust'` narrows `run.raw`.
declare module '../../core/vendor-types.js' {
  interface RawRuns {
    braintrust: BraintrustRawRun
  }
  interface RawItems {
    braintrust: BraintrustRawItem
  }
  interface StartInputs {
    braintrust: BraintrustStartInput
  }
  interface VendorOptionsByVendor {
    braintrust: BraintrustOptions
  }
}
