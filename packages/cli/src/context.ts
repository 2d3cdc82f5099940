import { createEvalrun, type Evalrun, type EvalrunOptions } from 'evalrun'
import pc from 'picocolors'
import type { Colors } from 'picocolors/types'
import { type CliIo, wantsColor } from './io.js'

/** Global flags that configure the vendors: API keys (they win over the environment), plain-http consent. */
export interface KeyFlags {
  datalabApiKey?: string
  promptlayerApiKey?: string
  humanloopApiKey?: string
  allowInsecureHttp?: boolean
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
  const insecure = keys.allowInsecureHttp ? { allowInsecureHttp: true } : {}
  const vendorOptions = (apiKey: string | undefined) => ({
    ...insecure,
    ...(apiKey === undefined ? {} : { apiKey }),
  })
  options.datalab = vendorOptions(keys.datalabApiKey)
  options.promptlayer = vendorOptions(keys.promptlayerApiKey)
  options.humanloop = vendorOptions(keys.humanloopApiKey)
  return options
}
