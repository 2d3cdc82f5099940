import { createPromptLayerClient, promptlayerVendor } from '@evalrun/promptlayer'
import { credentialsOf, type EvalrunVendor, type VendorOptions } from '../../core/vendor.js'
import { createPromptLayerAdapter } from './adapter.js'
import type { PromptLayerRawRow, PromptLayerRawRun, PromptLayerStartInput } from './types.js'

/** Options for PromptLayer: its key and where to reach it, plus any per-vendor HTTP override. */
export type PromptLayerOptions = VendorOptions
export type { PromptLayerRawRow, PromptLayerRawRun, PromptLayerStartInput } from './types.js'

/** PromptLayer evaluation pipelines and their runs (reports). */
export const promptlayer: EvalrunVendor = {
  id: 'promptlayer',
  displayName: promptlayerVendor.displayName,
  color: '#009e73',
  credentials: credentialsOf(promptlayerVendor.auth),
  settingsEnv: [promptlayerVendor.baseUrlEnv],
  refForm: 'promptlayer:<reportId>',
  suiteRefForm: 'promptlayer:<pipelineId>',
  itemsAre: 'rows',
  createAdapter: (options) => createPromptLayerAdapter(createPromptLayerClient(options)),
  scoreScale: 'always',
  canCancel: false,
  startFlags: [
    {
      flag: '--pipeline <id>',
      description: 'evaluation pipeline to run',
      kind: 'integer',
      field: 'pipelineId',
      required: true,
    },
    {
      flag: '--name <name>',
      description: 'name of the new run',
      kind: 'string',
      field: 'name',
      required: true,
    },
    {
      flag: '--dataset <id>',
      description: "dataset to run on (default: the pipeline's)",
      kind: 'integer',
      field: 'datasetId',
    },
    {
      flag: '--refresh-dataset',
      description: 'refresh a dynamic dataset first',
      kind: 'true',
      field: 'refreshDataset',
    },
  ],
  examples: ['runs start promptlayer --pipeline 42 --name nightly --wait --min-score 80'],
}

// Registers PromptLayer's types with the core: importing this module adds 'promptlayer' to `Vendor`, so that checking
// `run.vendor === 'promptlayer'` narrows `run.raw`.
declare module '../../core/vendor-types.js' {
  interface RawRuns {
    promptlayer: PromptLayerRawRun
  }
  interface RawItems {
    promptlayer: PromptLayerRawRow
  }
  interface StartInputs {
    promptlayer: PromptLayerStartInput
  }
  interface VendorOptionsByVendor {
    promptlayer: PromptLayerOptions
  }
}
