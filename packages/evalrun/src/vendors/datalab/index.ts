import { createDatalabClient, datalabVendor } from '@evalrun/datalab'
import { credentialsOf, type EvalrunVendor, type VendorOptions } from '../../core/vendor.js'
import { createDatalabAdapter } from './adapter.js'
import type { DatalabRawItem, DatalabRawRun, DatalabStartInput } from './types.js'

/** Options for Datalab: its key and where to reach it, plus any per-vendor HTTP override. */
export type DatalabOptions = VendorOptions
export type { DatalabPipelineType, DatalabRawItem, DatalabRawRun, DatalabStartInput } from './types.js'

/** Datalab eval batch runs over a collection of files, scored by a rubric. */
export const datalab: EvalrunVendor = {
  id: 'datalab',
  displayName: datalabVendor.displayName,
  color: '#d55e00',
  credentials: credentialsOf(datalabVendor.auth),
  settingsEnv: [datalabVendor.baseUrlEnv],
  refForm: 'datalab:<runId>',
  suiteRefForm: 'datalab:<collectionId>',
  itemsAre: 'file results',
  createAdapter: (options) => createDatalabAdapter(createDatalabClient(options)),
  scoreScale: 'never',
  canCancel: false,
  startFlags: [
    {
      flag: '--collection <id>',
      description: 'collection to evaluate',
      kind: 'integer',
      field: 'collectionId',
      required: true,
    },
    {
      flag: '--rubric <id>',
      description: 'eval rubric (required for standard pipelines)',
      kind: 'integer',
      field: 'rubricId',
    },
    {
      flag: '--pipeline-type <type>',
      description: 'pipeline type',
      kind: 'string',
      field: 'pipelineType',
      choices: ['convert', 'extract', 'segment'],
    },
    {
      flag: '--pipeline-id <id>',
      description: 'custom pipeline id (cp_…)',
      kind: 'string',
      field: 'pipelineId',
    },
    {
      flag: '--page-schema <file.json>',
      description: 'JSON schema file, required with --pipeline-type extract',
      kind: 'json-file',
      field: 'pageSchema',
    },
    {
      flag: '--segmentation-schema <file.json>',
      description: 'JSON schema file, required with --pipeline-type segment',
      kind: 'json-file',
      field: 'segmentationSchema',
    },
    {
      flag: '--output-format <formats>',
      description: 'e.g. markdown,json',
      kind: 'string',
      field: 'outputFormat',
    },
  ],
  examples: [
    'runs start datalab --collection 12 --rubric 3 --wait',
    'runs start datalab --collection 12 --pipeline-type extract --page-schema schema.json',
  ],
}

// Registers Datalab's types with the core: importing this module adds 'datalab' to `Vendor`, so that checking
// `run.vendor === 'datalab'` narrows `run.raw`.
declare module '../../core/vendor-types.js' {
  interface RawRuns {
    datalab: DatalabRawRun
  }
  interface RawItems {
    datalab: DatalabRawItem
  }
  interface StartInputs {
    datalab: DatalabStartInput
  }
  interface VendorOptionsByVendor {
    datalab: DatalabOptions
  }
}
