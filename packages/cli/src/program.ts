import { Command, type CommandUnknownOpts, Option } from '@commander-js/extra-typings'
import { BUILT_IN_VENDORS } from 'evalrun'
import { classifyError } from './classify-error.js'
import type { CliCommand, Execute } from './command-definition.js'
import { checkCommand } from './commands/check.js'
import { completionCommand } from './commands/completion.js'
import { demoCommand } from './commands/demo.js'
import { reportCommand } from './commands/report.js'
import { runsCancelCommand } from './commands/runs-cancel.js'
import { runsCompareCommand } from './commands/runs-compare.js'
import { runsGetCommand } from './commands/runs-get.js'
import { runsListCommand } from './commands/runs-list.js'
import { runsResultsCommand } from './commands/runs-results.js'
import { runsStartCommand, vendorStartCommands } from './commands/runs-start.js'
import { runsWaitCommand } from './commands/runs-wait.js'
import { sandboxCommand } from './commands/sandbox.js'
import { suitesListCommand } from './commands/suites-list.js'
import { createContext, type GlobalFlags, type WaitPolling } from './context.js'
import { ExitCode } from './exit-codes.js'
import type { CliIo } from './io.js'
import { listed } from './output/listed.js'
import { credentialFlags, settingFlags } from './vendor-flags.js'
import { VERSION } from './version.js'

/** Every command, in the order `--help` lists them; a command comes before its subcommands. */
export const COMMANDS: readonly CliCommand[] = [
  runsListCommand,
  runsGetCommand,
  runsResultsCommand,
  runsStartCommand,
  ...vendorStartCommands,
  runsWaitCommand,
  runsCompareCommand,
  runsCancelCommand,
  suitesListCommand,
  checkCommand,
  reportCommand,
  sandboxCommand,
  demoCommand,
  completionCommand,
]

/** Words that only group commands, with their descriptions. */
const GROUPS: Readonly<Record<string, string>> = {
  runs: 'list, inspect, start, wait for, compare and cancel evaluation runs',
  suites: 'list the suites runs belong to, with the refs --suite and evalrun.config take',
}

export interface RunCliOptions {
  /**
   * Resolves when the process is asked to stop (SIGINT/SIGTERM); called by `evalrun sandbox` (which serves until
   * then) and `runs wait` (which then stops waiting, writes its reports and exits 130). It stops listening when
   * `until` aborts. Without it, nothing interrupts a command but the process's own end.
   */
  untilInterrupted?: (until?: AbortSignal) => Promise<void>
  /** How `runs wait` polls; default the library's (1 s, growing to 10 s). Tests shorten it. */
  waitPolling?: WaitPolling
}

/** Runs one `evalrun` command line (without the `node evalrun` part) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo, options: RunCliOptions = {}): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.ok
  let debug = false
  const program = createProgram(io)
  const execute: Execute = async (run) => {
    debug = program.opts().debug === true
    exitCode = await run(createContext(io, globalFlags(program), options))
  }
  for (const command of COMMANDS) command.attach(parentOf(program, command.name), execute)

  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
      return ExitCode.ok
    }
    const { exitCode: failure, message } = classifyError(error)
    const hint = code?.startsWith('commander.') ? ' (see --help)' : ''
    io.stderr.write(`evalrun: ${message}${hint}\n`)
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
    return failure
  }
}

type Program = ReturnType<typeof createProgram>

/** The program's own flags and help: version, debug, each vendor's credential flags, plain-http consent. */
function createProgram(io: CliIo) {
  const vendorNames = BUILT_IN_VENDORS.map((vendor) => vendor.displayName)
  const program = new Command('evalrun')
    .description(`See, start, wait for and gate on evaluation runs across ${listed(vendorNames, 'and')}.`)
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces on errors')
  for (const vendor of BUILT_IN_VENDORS) {
    for (const credential of credentialFlags(vendor)) {
      const what = credential.option
        .replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)
        .replace('api ', 'API ')
      program.addOption(
        new Option(
          `${credential.flag} <value>`,
          `${vendor.displayName} ${what} (default: $${credential.envVar})`,
        ),
      )
    }
    for (const setting of settingFlags(vendor)) {
      program.addOption(
        new Option(`${setting.flag} <value>`, `${setting.description} (default: $${setting.envVar})`),
      )
    }
  }
  return program
    .option('--allow-insecure-http', 'allow an http:// *_BASE_URL off loopback (the key travels in clear)')
    .option(
      '--request-timeout <ms|duration>',
      'time allowed per request attempt to a vendor: 5000, 500ms, 10s, 2m (default: $EVALRUN_REQUEST_TIMEOUT, else 30s)',
    )
    .option('-q, --quiet', 'print only verdicts and errors: no progress, tables or report notes')
    .option(
      '--no-ci-detect',
      'do not follow GitHub Actions or GitLab CI conventions (also EVALRUN_CI_DETECT=0)',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {}, // printed once, in runCli, like every other error
    })
    .addHelpText(
      'after',
      `
Environment: ${BUILT_IN_VENDORS.flatMap((vendor) => [...credentialFlags(vendor).map((c) => c.envVar), ...vendor.settingsEnv.filter((name) => !name.endsWith('_BASE_URL'))]).join(', ')},
*_BASE_URL to point a vendor elsewhere (e.g. at \`evalrun sandbox\`), NO_COLOR to turn colour off,
EVALRUN_REQUEST_TIMEOUT as --request-timeout. On GitHub Actions (GITHUB_ACTIONS=true) the gating commands also
append the summary to $GITHUB_STEP_SUMMARY, annotate failed gates and regressions, and write a pull-request comment
body; on GitLab CI (GITLAB_CI=true) they write evalrun.junit.xml and fold each suite's details (docs/ci.md).
Exit codes: 0 ok, 1 the gate failed (a run failed, was canceled, or missed a --min-* threshold; or, for runs
compare, more items regressed than --fail-on-regression allows), 2 usage or configuration (no vendor configured,
a threshold a run cannot be judged on), 3 API or network error (runs wait: 10 failed polls in a row), 4 timeout,
130 interrupted (Ctrl-C: runs wait writes its reports first).`,
    )
}

/** The credential and setting flags are declared from the vendor list, so they are read back by name. */
function globalFlags(program: Program): GlobalFlags {
  const opts = program.opts()
  return {
    allowInsecureHttp: opts.allowInsecureHttp === true,
    flagValue: (attribute) => {
      const value = program.getOptionValue(attribute)
      return typeof value === 'string' ? value : undefined
    },
    requestTimeout: opts.requestTimeout,
    quiet: opts.quiet === true,
    ciDetect: opts.ciDetect !== false,
  }
}

/** The command a command of this name goes under (`runs start` for `runs start datalab`), made if a group. */
function parentOf(program: Program, name: string): CommandUnknownOpts {
  let parent: CommandUnknownOpts = program
  for (const word of name.split(' ').slice(0, -1)) {
    const group = GROUPS[word]
    const existing = parent.commands.find((command) => command.name() === word)
    if (existing) parent = existing
    else if (group !== undefined) parent = parent.command(word).description(group)
    else throw new Error(`${name}: no command ${word} is registered before it`)
  }
  return parent
}
