import { createEvalrun, type Evalrun, type EvalrunOptions } from 'evalrun'
import pc from 'picocolors'
import type { Colors } from 'picocolors/types'
import { type CliIo, wantsColor } from './io.js'

const VENDOR_ENV = {
  datalab: { key: 'DATALAB_API_KEY', url: 'DATALAB_BASE_URL' },
  promptlayer: { key: 'PROMPTLAYER_API_KEY', url: 'PROMPTLAYER_BASE_URL' },
  humanloop: { key: 'HUMANLOOP_API_KEY', url: 'HUMANLOOP_BASE_URL' },
} as const

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

/** The facade's options from the environment the CLI was given (not the process's: tests inject theirs). */
function optionsFrom(env: CliIo['env'], keys: KeyFlags): EvalrunOptions {
  const flagKeys = {
    datalab: keys.datalabApiKey,
    promptlayer: keys.promptlayerApiKey,
    humanloop: keys.humanloopApiKey,
  }
  const options: EvalrunOptions = {}
  for (const vendor of ['datalab', 'promptlayer', 'humanloop'] as const) {
    const apiKey = flagKeys[vendor] ?? env[VENDOR_ENV[vendor].key]
    if (!apiKey) continue
    const baseUrl = env[VENDOR_ENV[vendor].url]
    options[vendor] = { apiKey, ...(baseUrl ? { baseUrl } : {}) }
  }
  const fileIds = env.HUMANLOOP_FILE_IDS?.split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  if (options.humanloop && fileIds?.length) options.humanloop = { ...options.humanloop, fileIds }
  return options
}
