import type { DatalabOptions, DatalabRawItem, DatalabRawRun, DatalabStartInput } from './datalab/index.js'
import type {
  HumanloopOptions,
  HumanloopRawItem,
  HumanloopRawRun,
  HumanloopStartInput,
} from './humanloop/index.js'
import type {
  PromptLayerOptions,
  PromptLayerRawRow,
  PromptLayerRawRun,
  PromptLayerStartInput,
} from './promptlayer/index.js'

// The built-in vendors' types, keyed by vendor id: the type half of the vendor list in `index.ts`. The model's
// `RawRuns`, `RawItems` and `StartInputs` extend these, so that an added vendor can augment them beside.

export interface BuiltInRawRuns {
  datalab: DatalabRawRun
  promptlayer: PromptLayerRawRun
  humanloop: HumanloopRawRun
}

export interface BuiltInRawItems {
  datalab: DatalabRawItem
  promptlayer: PromptLayerRawRow
  humanloop: HumanloopRawItem
}

export interface BuiltInStartInputs {
  datalab: DatalabStartInput
  promptlayer: PromptLayerStartInput
  humanloop: HumanloopStartInput
}

export interface BuiltInVendorOptions {
  datalab: DatalabOptions
  promptlayer: PromptLayerOptions
  humanloop: HumanloopOptions
}
