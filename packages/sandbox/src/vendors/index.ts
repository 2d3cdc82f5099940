import { braintrustSandbox } from './braintrust/index.js'
import { datalabSandbox } from './datalab/index.js'
import { humanloopSandbox } from './humanloop/index.js'
import { langfuseSandbox } from './langfuse/index.js'
import { openaiSandbox } from './openai/index.js'
import { phoenixSandbox } from './phoenix/index.js'
import { promptlayerSandbox } from './promptlayer/index.js'

/** The vendors the sandbox imitates: the one list that names them all, in the order they are served and shown. */
export const SANDBOX_VENDOR_MODULES = {
  datalab: datalabSandbox,
  promptlayer: promptlayerSandbox,
  humanloop: humanloopSandbox,
  openai: openaiSandbox,
  braintrust: braintrustSandbox,
  langfuse: langfuseSandbox,
  phoenix: phoenixSandbox,
} as const
