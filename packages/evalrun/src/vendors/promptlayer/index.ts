import { createPromptLayerClient, promptlayerVendor } from '@evalrun/promptlayer'
import { credentialsOf, type EvalrunVendor, type VendorOptions } from '../../core/vendor.js'
import { createPromptLayerAdapter } from './adapter.js'
import type {
  PromptLayerRawRow,
  PromptLayerRawRun,
  PromptLayerStartInput,
  PromptLayerTablesRawRow,
} from './types.js'

/** Options for PromptLayer: its key and where to reach it, plus any per-vendor HTTP override. */
export type PromptLayerOptions = VendorOptions
export {
  PromptLayerConfirmationRequiredError,
  PromptLayerNothingToRecalculateError,
} from './tables-errors.js'
export type {
  PromptLayerPipelineStartInput,
  PromptLayerRawRow,
  PromptLayerRawRun,
  PromptLayerStartInput,
  PromptLayerTablesRawRow,
  PromptLayerTablesRawRun,
  PromptLayerTablesStartInput,
} from './types.js'

/**
 * PromptLayer: Tables runs (a sheet's recalculation operation, scored by its scorecard) and the legacy evaluation
 * pipelines' runs (reports), which PromptLayer deprecates for new workflows.
 */
export const promptlayer: EvalrunVendor = {
  id: 'promptlayer',
  displayName: promptlayerVendor.displayName,
  color: '#009e73',
  credentials: credentialsOf(promptlayerVendor.auth),
  settingsEnv: [promptlayerVendor.baseUrlEnv],
  refForm:
    'promptlayer:tables/<tableId>/<sheetId>/op/<operationId> (or …/calc/<calculationId>; legacy: promptlayer:<reportId>)',
  suiteRefForm: 'promptlayer:sheet/<tableId>/<sheetId> (legacy: promptlayer:<pipelineId>)',
  itemsAre: 'rows',
  createAdapter: (options) => createPromptLayerAdapter(createPromptLayerClient(options)),
  // Legacy report scores are on 0..100; a Tables scorecard declares no range for its aggregate score.
  scoreScale: 'sometimes',
  canCancel: true,
  startFlags: [
    {
      flag: '--table <id>',
      description: 'Table whose sheet to recalculate',
      kind: 'string',
      field: 'tableId',
    },
    {
      flag: '--sheet <id>',
      description: 'sheet to recalculate (with --table)',
      kind: 'string',
      field: 'sheetId',
    },
    {
      flag: '--column <id>',
      description: 'only this computed column (repeat for more; default: all)',
      kind: 'string-list',
      field: 'columnIds',
    },
    {
      flag: '--row <index>',
      description: 'only this row, from 0 (repeat for more; default: all)',
      kind: 'index-list',
      field: 'rowIds',
    },
    {
      flag: '--yes',
      description: 'confirm a recalculation PromptLayer asks confirmation for',
      kind: 'true',
      field: 'confirm',
    },
    {
      flag: '--pipeline <id>',
      description: 'legacy (deprecated by PromptLayer): evaluation pipeline to run, with --name',
      kind: 'integer',
      field: 'pipelineId',
    },
    {
      flag: '--name <name>',
      description: 'legacy: name of the new run',
      kind: 'string',
      field: 'name',
      requiredWith: 'pipelineId',
    },
    {
      flag: '--dataset <id>',
      description: "legacy: dataset to run on (default: the pipeline's)",
      kind: 'integer',
      field: 'datasetId',
    },
    {
      flag: '--refresh-dataset',
      description: 'legacy: refresh a dynamic dataset first',
      kind: 'true',
      field: 'refreshDataset',
    },
  ],
  examples: [
    'runs start promptlayer --table <tableId> --sheet <sheetId> --yes --wait --min-pass-rate 0.9',
    'runs start promptlayer --pipeline 42 --name nightly --wait --min-score 80',
  ],
}

// Registers PromptLayer's types with the core: importing this module adds 'promptlayer' to `Vendor`, so that checking
// `run.vendor === 'promptlayer'` narrows `run.raw`.
declare module '../../core/vendor-types.js' {
  interface RawRuns {
    promptlayer: PromptLayerRawRun
  }
  interface RawItems {
    promptlayer: PromptLayerRawRow | PromptLayerTablesRawRow
  }
  interface StartInputs {
    promptlayer: PromptLayerStartInput
  }
  interface VendorOptionsByVendor {
    promptlayer: PromptLayerOptions
  }
}
