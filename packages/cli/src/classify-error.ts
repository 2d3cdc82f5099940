import {
  BUILT_IN_VENDORS,
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunInvalidInputError,
  EvalrunNetworkError,
  EvalrunNotConfiguredError,
  EvalrunNotFoundError,
  EvalrunNotSupportedError,
  EvalrunWaitDeadlineError,
} from 'evalrun'
import { CliError, ExitCode } from './exit-codes.js'
import { credentialFlags } from './vendor-flags.js'

/** The credential flags and env vars that would configure the vendor, when credentials are what it lacks. */
function missingCredentials(error: EvalrunNotConfiguredError) {
  const vendor = BUILT_IN_VENDORS.find((candidate) => candidate.id === error.vendor)
  if (vendor === undefined || error.envVars.length === 0) return null
  const flags = credentialFlags(vendor).filter((credential) => error.envVars.includes(credential.envVar))
  return flags.length === error.envVars.length ? flags : null
}

/** The exit code and the one line to print for anything a command threw. */
export function classifyError(error: unknown): { exitCode: ExitCode; message: string } {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message }
  if (isCommanderError(error))
    return { exitCode: ExitCode.usage, message: hideOptionValue(error.message.replace(/^error: /, '')) }
  const credentials = EvalrunNotConfiguredError.isInstance(error) ? missingCredentials(error) : null
  if (credentials !== null) {
    // The library's advice names createEvalrun() options; a CLI user has env vars and flags.
    const vendor = (error as EvalrunNotConfiguredError).vendor
    return {
      exitCode: ExitCode.usage,
      message: `${vendor} is not configured: set ${credentials.map((c) => c.envVar).join(' and ')} or pass ${credentials.map((c) => c.flag).join(' and ')}.`,
    }
  }
  if (EvalrunInvalidConfigError.isInstance(error) && error.option === 'baseUrl') {
    // The library's advice names its option; the CLI's equivalent is a flag.
    const message = error.message.replace('set `allowInsecureHttp: true`', 'pass --allow-insecure-http')
    return { exitCode: ExitCode.usage, message }
  }
  if (
    EvalrunInvalidConfigError.isInstance(error) ||
    EvalrunInvalidInputError.isInstance(error) ||
    EvalrunNotConfiguredError.isInstance(error) ||
    EvalrunNotSupportedError.isInstance(error)
  ) {
    return { exitCode: ExitCode.usage, message: error.message }
  }
  if (EvalrunWaitDeadlineError.isInstance(error))
    return { exitCode: ExitCode.timeout, message: error.message }
  if (EvalrunNotFoundError.isInstance(error) || EvalrunApiError.isInstance(error)) {
    return { exitCode: ExitCode.api, message: error.message }
  }
  if (EvalrunNetworkError.isInstance(error) || EvalrunError.isInstance(error)) {
    return { exitCode: ExitCode.api, message: error.message }
  }
  return { exitCode: ExitCode.api, message: error instanceof Error ? error.message : String(error) }
}

/**
 * commander echoes an unknown `--flag=value` whole; the value may be a key given to a misspelt key flag
 * (`--datalab-apikey=sk-…`), and the flag's name is all the user needs to fix the command.
 */
function hideOptionValue(message: string): string {
  return message.replace(/(unknown option '[^'=]*)=[^']*'/, "$1=…'")
}

function isCommanderError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('commander.')
}
