import type { EvalrunVendor } from '../core/vendor.js'
import {
  type BraintrustOptions,
  type BraintrustRawItem,
  type BraintrustRawRun,
  type BraintrustStartInput,
  braintrust,
} from './braintrust/index.js'
import {
  type DatalabOptions,
  type DatalabRawItem,
  type DatalabRawRun,
  type DatalabStartInput,
  datalab,
} from './datalab/index.js'
import {
  type HumanloopOptions,
  type HumanloopRawItem,
  type HumanloopRawRun,
  type HumanloopStartInput,
  humanloop,
} from './humanloop/index.js'
import {
  type LangfuseOptions,
  type LangfuseRawItem,
  type LangfuseRawRun,
  langfuse,
} from './langfuse/index.js'
import {
  type OpenAIOptions,
  type OpenAIRawItem,
  type OpenAIRawRun,
  type OpenAIStartInput,
  openai,
} from './openai/index.js'
import {
  type PromptLayerOptions,
  type PromptLayerRawRow,
  type PromptLayerRawRun,
  type PromptLayerStartInput,
  promptlayer,
} from './promptlayer/index.js'

export * from './braintrust/index.js'
export * from './datalab/index.js'
export * from './humanloop/index.js'
export * from './langfuse/index.js'
export * from './openai/index.js'
export * from './promptlayer/index.js'

/**
 * The built-in vendors: the one list that names them all. The default `createEvalrun`, the CLI (its flags,
 * `runs start` subcommands and help) and the docs read it; adding a vendor means adding its folder, its line here
 * and its entries in the type maps below.
 */
export const BUILT_IN_VENDORS: readonly EvalrunVendor[] = [
  datalab,
  promptlayer,
  humanloop,
  openai,
  braintrust,
  langfuse,
]

// The built-in vendors' types, keyed by vendor id: the type half of the list. The model's `RawRuns`, `RawItems`
// and `StartInputs` extend these, so that an added vendor can augment them beside. A vendor that cannot start
// runs (Langfuse) has no start input.

export interface BuiltInRawRuns {
  datalab: DatalabRawRun
  promptlayer: PromptLayerRawRun
  humanloop: HumanloopRawRun
  openai: OpenAIRawRun
  braintrust: BraintrustRawRun
  langfuse: LangfuseRawRun
}

export interface BuiltInRawItems {
  datalab: DatalabRawItem
  promptlayer: PromptLayerRawRow
  humanloop: HumanloopRawItem
  openai: OpenAIRawItem
  braintrust: BraintrustRawItem
  langfuse: LangfuseRawItem
}

export interface BuiltInStartInputs {
  datalab: DatalabStartInput
  promptlayer: PromptLayerStartInput
  humanloop: HumanloopStartInput
  openai: OpenAIStartInput
  braintrust: BraintrustStartInput
}

export interface BuiltInVendorOptions {
  datalab: DatalabOptions
  promptlayer: PromptLayerOptions
  humanloop: HumanloopOptions
  openai: OpenAIOptions
  braintrust: BraintrustOptions
  langfuse: LangfuseOptions
}
