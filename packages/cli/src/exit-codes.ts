/** What `evalrun` exits with, so CI can tell a failed gate from a broken setup. */
export const ExitCode = {
  ok: 0,
  /** A run failed, was canceled, or scored below `--min-score`. */
  gateFailed: 1,
  /** Bad arguments or configuration: fix the command. */
  usage: 2,
  /** The vendor answered with an error, or could not be reached. */
  api: 3,
  /** `--timeout` passed before every run ended. */
  timeout: 4,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** An error the CLI raises itself, with the exit code it means. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message)
    this.name = 'CliError'
  }
}
