import type { EvalrunVendor } from '../core/vendor.js'
import { datalab } from './datalab/index.js'
import { humanloop } from './humanloop/index.js'
import { promptlayer } from './promptlayer/index.js'

/**
 * The built-in vendors: the one list that names them all. The default `createEvalrun`, the CLI (its flags,
 * `runs start` subcommands and help) and the docs read it; adding a vendor means adding its folder and a line here
 * and in `registry.ts` (its types).
 */
export const BUILT_IN_VENDORS: readonly EvalrunVendor[] = [datalab, promptlayer, humanloop]

export type { BuiltInRawItems, BuiltInRawRuns, BuiltInStartInputs, BuiltInVendorOptions } from './registry.js'
