import type { EvalrunVendor } from '../core/vendor.js'
import { braintrust } from './braintrust/index.js'
import { datalab } from './datalab/index.js'
import { humanloop } from './humanloop/index.js'
import { langfuse } from './langfuse/index.js'
import { openai } from './openai/index.js'
import { phoenix } from './phoenix/index.js'
import { promptlayer } from './promptlayer/index.js'

// Each description is also exported alone: `createEvalrun({ vendors: [datalab] })`.
export { braintrust, datalab, humanloop, langfuse, openai, phoenix, promptlayer }

/**
 * The built-in vendors: the one list that names them all. The default `createEvalrun`, the CLI (its flags,
 * `runs start` subcommands and help) and the docs read it; adding a vendor means adding its folder and its line
 * here (its folder registers its types with the core).
 */
export const BUILT_IN_VENDORS: readonly EvalrunVendor[] = [
  datalab,
  promptlayer,
  humanloop,
  openai,
  braintrust,
  langfuse,
  phoenix,
]
