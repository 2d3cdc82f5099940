import { createEvalrun, type Evalrun, type EvalrunOptions } from 'evalrun'
import pc from 'picocolors'
import type { Colors } from 'picocolors/types'
import { type CliIo, wantsColor } from './io.js'

/** API keys given as flags; they win over the environment. */
export interface KeyFlags {
  datalabApiKey?: string
  promptlayerApiKey?: string
  humanloopApiKey?: string
}

export interface CommandContext {
  io: CliIo
  colors: Colors
  evalrun(): Evalrun
}

export function createContext(io: CliIo, keys: KeyFlags): CommandContext {
  let client: Evalrun | undefined
  return {
    io,
    colors: pc.createColors(wantsColor(io)),
    evalrun() {
      client ??= createEvalrun(optionsFrom(io.env, keys))
      return client
    },
  }
}

/**
 * The facade reads keys, base URLs and HUMANLOOP_FILE_IDS from the environment the CLI was given (not the
 * process's: tests inject theirs), so its errors name the env var; key flags win over it.
 */
function optionsFrom(env: CliIo['env'], keys: KeyFlags): EvalrunOptions {
  const options: EvalrunOptions = { env }
  if (keys.datalabApiKey !== undefined) options.datalab = { apiKey: keys.datalabApiKey }
  if (keys.promptlayerApiKey !== undefined) options.promptlayer = { apiKey: keys.promptlayerApiKey }
  if (keys.humanloopApiKey !== undefined) options.humanloop = { apiKey: keys.humanloopApiKey }
  return options
}
