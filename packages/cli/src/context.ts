import { BUILT_IN_VENDORS, createEvalrun, type Evalrun, type EvalrunOptions, type WaitOptions } from 'evalrun'
import pc from 'picocolors'
import type { Colors } from 'picocolors/types'
import { type CliIo, wantsColor } from './io.js'
import { credentialFlags } from './vendor-flags.js'

/** Global flags: plain-http consent, and each vendor's credentials (`--datalab-api-key`; they win over the environment). */
export interface KeyFlags {
  allowInsecureHttp: boolean
  /** The value of a credential flag given, by its attribute: `datalabApiKey`. */
  credential(attribute: string): string | undefined
}

/** How `runs wait` polls: the library's defaults (1 s growing to 10 s) unless a test shortens them. */
export type WaitPolling = Pick<WaitOptions, 'pollIntervalMs' | 'maxPollIntervalMs'>

export interface CommandContext {
  io: CliIo
  colors: Colors
  evalrun(): Evalrun
  /**
   * Resolves when the process is asked to stop (Ctrl-C, SIGTERM); never, when nothing can ask. Listening ends
   * when `until` aborts, so that a later Ctrl-C stops the process as usual.
   */
  untilInterrupted(until?: AbortSignal): Promise<void>
  waitPolling: WaitPolling
}

export interface ContextOptions {
  untilInterrupted?: (until?: AbortSignal) => Promise<void>
  waitPolling?: WaitPolling
}

export function createContext(io: CliIo, keys: KeyFlags, options: ContextOptions = {}): CommandContext {
  let client: Evalrun | undefined
  return {
    io,
    colors: pc.createColors(wantsColor(io)),
    untilInterrupted: options.untilInterrupted ?? (() => new Promise(() => {})),
    waitPolling: options.waitPolling ?? {},
    evalrun() {
      client ??= createEvalrun(optionsFrom(io.env, keys, warnTo(io)))
      return client
    },
  }
}

type Warn = (message: string, vendor: string) => void

/**
 * What the facade could not do as asked (a listing window it chose, pages a vendor repeated), on the command's
 * stderr: stdout stays the data (`--json` lines, tables).
 */
export function warnTo(io: CliIo): Warn {
  return (message, vendor) => io.stderr.write(`evalrun (${vendor}): ${message}\n`)
}

/**
 * The facade reads credentials, base URLs and other settings from the environment the CLI was given (not the
 * process's: tests inject theirs), so its errors name the env var; credential flags win over it.
 */
function optionsFrom(env: CliIo['env'], keys: KeyFlags, warn: Warn): EvalrunOptions {
  const options: Record<string, unknown> = { env, onWarning: warn }
  for (const vendor of BUILT_IN_VENDORS) {
    const vendorOptions: Record<string, unknown> = keys.allowInsecureHttp ? { allowInsecureHttp: true } : {}
    for (const credential of credentialFlags(vendor)) {
      const value = keys.credential(credential.attribute)
      if (value !== undefined) vendorOptions[credential.option] = value
    }
    options[vendor.id] = vendorOptions
  }
  return options as EvalrunOptions
}
