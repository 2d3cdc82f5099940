import { BUILT_IN_VENDORS, createEvalrun, type Evalrun, type EvalrunOptions, type WaitOptions } from 'evalrun'
import pc from 'picocolors'
import type { Colors } from 'picocolors/types'
import { type CiPlatform, detectCi } from './ci/detect-ci.js'
import { type CliIo, wantsColor } from './io.js'
import { parseRequestTimeout } from './parse-values.js'
import { credentialFlags, settingFlags } from './vendor-flags.js'

/**
 * Global flags: plain-http consent, each vendor's credentials and settings (`--datalab-api-key`,
 * `--openai-azure-endpoint`; they win over the environment), the per-request time limit, `--quiet` and CI detection.
 */
export interface GlobalFlags {
  allowInsecureHttp: boolean
  /** The value of a credential or setting flag given, by its attribute: `datalabApiKey`. */
  flagValue(attribute: string): string | undefined
  /** `--request-timeout`, as given. */
  requestTimeout: string | undefined
  quiet: boolean
  /** False with `--no-ci-detect`. */
  ciDetect: boolean
}

/** How `runs wait` polls: the library's defaults (1 s growing to 10 s) unless a test shortens them. */
export type WaitPolling = Pick<WaitOptions, 'pollIntervalMs' | 'maxPollIntervalMs'>

export interface CommandContext {
  io: CliIo
  colors: Colors
  /** `--quiet`: only verdicts and errors; no progress, tables or report notes. */
  quiet: boolean
  /** The CI platform detected from the environment (GitHub Actions, GitLab CI), unless turned off. */
  ci: CiPlatform | null
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

/** The command's context; a bad `--request-timeout` (or `EVALRUN_REQUEST_TIMEOUT`) is refused here (exit 2). */
export function createContext(io: CliIo, flags: GlobalFlags, options: ContextOptions = {}): CommandContext {
  let client: Evalrun | undefined
  const timeoutMs = requestTimeoutOf(flags, io.env)
  return {
    io,
    colors: pc.createColors(wantsColor(io)),
    quiet: flags.quiet,
    ci: detectCi(io.env, flags.ciDetect),
    untilInterrupted: options.untilInterrupted ?? (() => new Promise(() => {})),
    waitPolling: options.waitPolling ?? {},
    evalrun() {
      client ??= createEvalrun(optionsFrom(io.env, flags, timeoutMs, warnTo(io)))
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

/** The HTTP layer's time allowed per attempt: `--request-timeout`, else `EVALRUN_REQUEST_TIMEOUT`, else its default. */
function requestTimeoutOf(flags: GlobalFlags, env: CliIo['env']): number | undefined {
  if (flags.requestTimeout !== undefined)
    return parseRequestTimeout(flags.requestTimeout, '--request-timeout')
  const fromEnv = env.EVALRUN_REQUEST_TIMEOUT
  if (fromEnv === undefined || fromEnv.trim() === '') return undefined
  return parseRequestTimeout(fromEnv, 'EVALRUN_REQUEST_TIMEOUT')
}

/**
 * The facade reads credentials, base URLs and other settings from the environment the CLI was given (not the
 * process's: tests inject theirs), so its errors name the env var; credential flags win over it, and a setting
 * flag (`--openai-azure-endpoint`) stands for its env var, so the vendor reads it as it reads that variable.
 */
function optionsFrom(
  env: CliIo['env'],
  flags: GlobalFlags,
  timeoutMs: number | undefined,
  warn: Warn,
): EvalrunOptions {
  const settings: Record<string, string> = {}
  for (const vendor of BUILT_IN_VENDORS) {
    for (const setting of settingFlags(vendor)) {
      const value = flags.flagValue(setting.attribute)
      if (value !== undefined) settings[setting.envVar] = value
    }
  }
  const options: Record<string, unknown> = {
    env: { ...env, ...settings },
    onWarning: warn,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  }
  for (const vendor of BUILT_IN_VENDORS) {
    const vendorOptions: Record<string, unknown> = flags.allowInsecureHttp ? { allowInsecureHttp: true } : {}
    for (const credential of credentialFlags(vendor)) {
      const value = flags.flagValue(credential.attribute)
      if (value !== undefined) vendorOptions[credential.option] = value
    }
    options[vendor.id] = vendorOptions
  }
  return options as EvalrunOptions
}
