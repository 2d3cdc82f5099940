export { ExitCode } from './exit-codes.js'
export type { CliIo } from './io.js'
export { type RunCliOptions, runCli } from './program.js'
export { VERSION } from './version.js'
