/** What `evalrun` exits with, so CI can tell a failed gate from a broken setup. */
export const ExitCode = {
  ok: 0,
  /** A run failed, was canceled, or missed a `--min-*` threshold; or `runs compare` found too many regressions. */
  gateFailed: 1,
  /** Bad arguments or configuration (no vendor configured, a threshold the run cannot be judged on): fix the command. */
  usage: 2,
  /** The vendor answered with an error, or could not be reached (`runs wait`: after 10 failed polls in a row). */
  api: 3,
  /** `--timeout` passed before every run ended. */
  timeout: 4,
  /** Ctrl-C (SIGINT) or SIGTERM stopped `runs wait`; the reports asked for say what was known, marked interrupted. */
  interrupted: 130,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** Of several outcomes' codes, the one to exit with: interrupted, then broken setup, API trouble, timeouts, failed gates. */
export function worstExitCode(codes: readonly ExitCode[]): ExitCode {
  for (const code of [
    ExitCode.interrupted,
    ExitCode.usage,
    ExitCode.api,
    ExitCode.timeout,
    ExitCode.gateFailed,
  ]) {
    if (codes.includes(code)) return code
  }
  return ExitCode.ok
}

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
