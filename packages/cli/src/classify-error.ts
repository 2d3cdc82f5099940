import { CommanderError } from '@commander-js/extra-typings'
import {
  EvalrunInvalidConfigError,
  EvalrunInvalidInputError,
  EvalrunNotConfiguredError,
  EvalrunNotSupportedError,
  EvalrunWaitDeadlineError,
} from 'evalrun'
import { invalidConfigAdvice, notConfiguredAdvice } from './config-advice.js'
import { CliError, ExitCode } from './exit-codes.js'

/** The exit code and the one line to print for anything a command threw. */
export function classifyError(error: unknown): { exitCode: ExitCode; message: string } {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message }
  if (error instanceof CommanderError)
    return { exitCode: ExitCode.usage, message: hideOptionValue(error.message.replace(/^error: /, '')) }
  if (EvalrunNotConfiguredError.isInstance(error)) {
    return { exitCode: ExitCode.usage, message: notConfiguredAdvice(error) ?? error.message }
  }
  if (EvalrunInvalidConfigError.isInstance(error)) {
    return { exitCode: ExitCode.usage, message: invalidConfigAdvice(error) }
  }
  if (EvalrunInvalidInputError.isInstance(error) || EvalrunNotSupportedError.isInstance(error)) {
    return { exitCode: ExitCode.usage, message: error.message }
  }
  if (EvalrunWaitDeadlineError.isInstance(error))
    return { exitCode: ExitCode.timeout, message: error.message }
  // Anything else came from the vendor or the way to it: an API, network or unforeseen error.
  return { exitCode: ExitCode.api, message: error instanceof Error ? error.message : String(error) }
}

/**
 * commander echoes an unknown `--flag=value` whole; the value may be a key given to a misspelt key flag
 * (`--datalab-apikey=sk-…`), and the flag's name is all the user needs to fix the command.
 */
function hideOptionValue(message: string): string {
  return message.replace(/(unknown option '[^'=]*)=[^']*'/, "$1=…'")
}
