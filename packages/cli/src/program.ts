import { Command, Option } from 'commander'
import { BUILT_IN_VENDORS, type EvalrunVendor } from 'evalrun'
import { classifyError } from './classify-error.js'
import { runsCancel } from './commands/runs-cancel.js'
import { runsCompare } from './commands/runs-compare.js'
import { runsGet } from './commands/runs-get.js'
import { runsList } from './commands/runs-list.js'
import { runsResults } from './commands/runs-results.js'
import { runsStart } from './commands/runs-start.js'
import { runsWait } from './commands/runs-wait.js'
import { type CommandContext, createContext, type KeyFlags, type WaitPolling } from './context.js'
import { CliError, ExitCode } from './exit-codes.js'
import type { CliIo } from './io.js'
import { KEY_CHOICES } from './join-key.js'
import { credentialFlags } from './vendor-flags.js'
import { VERSION } from './version.js'

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value.split(',').map((v) => v.trim()),
]

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
  const program = new Command('evalrun')
  const run = (command: (ctx: CommandContext, ...args: never[]) => Promise<ExitCode>) =>
    async function (this: Command, ...args: unknown[]) {
      const globals = this.optsWithGlobals() as KeyFlags & { debug?: boolean }
      debug = Boolean(globals.debug)
      const ctx = createContext(io, globals, options)
      // commander passes the positional arguments, then the options, then the command itself
      exitCode = await (command as (ctx: CommandContext, ...rest: unknown[]) => Promise<ExitCode>)(
        ctx,
        ...args.slice(0, -1),
      )
    }

  const vendorNames = BUILT_IN_VENDORS.map((vendor) => vendor.displayName)
  const starters = BUILT_IN_VENDORS.filter((vendor) => vendor.startFlags !== undefined)
  const cancellers = BUILT_IN_VENDORS.filter((vendor) => vendor.canCancel)
  program
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
  }
  program
    .option('--allow-insecure-http', 'allow an http:// *_BASE_URL off loopback (the key travels in clear)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {}, // printed once, below, like every other error
    })
    .addHelpText(
      'after',
      `
Environment: ${BUILT_IN_VENDORS.flatMap((vendor) => [...vendor.credentials.map((c) => c.envVar), ...vendor.settingsEnv.filter((name) => !name.endsWith('_BASE_URL'))]).join(', ')},
*_BASE_URL to point a vendor elsewhere (e.g. at \`evalrun sandbox\`), NO_COLOR to turn colour off.
Exit codes: 0 ok, 1 the gate failed (a run failed, was canceled, or missed a --min-* threshold; or, for runs
compare, more items regressed than --fail-on-regression allows), 2 usage or configuration (no vendor configured,
a threshold a run cannot be judged on), 3 API or network error (runs wait: 10 failed polls in a row), 4 timeout,
130 interrupted (Ctrl-C: runs wait writes its reports first).`,
    )

  const runs = program
    .command('runs')
    .description('list, inspect, start, wait for, compare and cancel evaluation runs')

  runs
    .command('list')
    .description('list runs across every configured vendor')
    .option(
      '--vendor <vendor...>',
      `only these vendors (${BUILT_IN_VENDORS.map((vendor) => vendor.id).join(', ')})`,
      collect,
    )
    .option(
      '--status <status...>',
      'only runs in these statuses (queued, running, completed, failed, canceled, unknown)',
      collect,
    )
    .option(
      '--suite <ref>',
      `only runs of one suite: ${BUILT_IN_VENDORS.map((vendor) => vendor.suiteRefForm).join(', ')}`,
    )
    .option('--since <date>', 'only runs created at or after this ISO date')
    .option('--limit <n>', 'at most this many runs')
    .option('--json', 'one JSON object per line')
    .addHelpText(
      'after',
      `\nExamples:\n  evalrun runs list --vendor ${BUILT_IN_VENDORS[0]?.id} --status running\n  evalrun runs list --since 2026-11-01 --json | jq .score`,
    )
    .action(run(runsList as never))

  runs
    .command('get <ref>')
    .description('show one run: status, progress, score, metrics')
    .option('--json', 'as JSON')
    .addHelpText('after', `\nRefs: ${BUILT_IN_VENDORS.map((vendor) => vendor.refForm).join(', ')}`)
    .action(run(runsGet as never))

  runs
    .command('results <ref>')
    .description(
      `per-item results of a run (${BUILT_IN_VENDORS.map((vendor) => `${vendor.displayName} ${vendor.itemsAre}`).join(', ')})`,
    )
    .option('--json', 'one JSON object per line')
    .action(run(runsResults as never))

  const start = runs
    .command('start')
    .description(`start a run on ${listed(starters.map((vendor) => vendor.id))}`)
    .argument('<vendor>')
    .allowUnknownOption()
    .allowExcessArguments()
    .action((vendor: string) => {
      const known = BUILT_IN_VENDORS.find((candidate) => candidate.id === vendor)
      throw new CliError(
        known
          ? `${known.displayName} cannot start runs through its API (runs start takes ${listed(starters.map((v) => v.id))}); read its runs with runs get, runs wait and runs results.`
          : `unknown vendor ${JSON.stringify(vendor)}: expected ${listed(starters.map((v) => v.id))}.`,
        ExitCode.usage,
      )
    })
  for (const vendor of starters) addStartCommand(start, vendor, run)

  const wait = runs
    .command('wait <refs...>')
    .description('wait for runs to end, with progress; the exit code is the CI gate')
    .option('--timeout <duration>', 'give up after this long: 90s, 30m, 1h (default 30m)')
  addGateOptions(wait, '')
  addReportOptions(wait, '')
  wait
    .option('--json', 'one JSON verdict per line, no progress')
    .addHelpText(
      'after',
      `\nRefs: ${BUILT_IN_VENDORS.map((vendor) => vendor.refForm).join(', ')}\n${GATE_HELP}\nExamples:\n  evalrun runs wait <ref> <ref> --timeout 20m\n  evalrun runs wait <ref> --min-score 0.8 --min-pass-rate 0.9 || echo "gate failed"\n  evalrun runs wait <ref> --min-metric "accuracy=0.75"`,
    )
    .action(run(runsWait as never))

  const compare = runs
    .command('compare <base> <head>')
    .description(
      'compare two runs item by item: regressions first, then improvements, added and removed items',
    )
    .option(
      '--key <key>',
      `join items on ${KEY_CHOICES} (default: the vendor's item key; needed across vendors)`,
    )
    .option('--fail-on-regression [n]', 'exit 1 when more than n items regressed (default 0)')
    .option(
      '--allow-cross-suite',
      "with --fail-on-regression: gate on runs of two suites joined on the vendor's item key (else exit 2)",
    )
    .option('--json', 'the comparison as one JSON document')
  addReportOptions(compare, '')
  compare
    .addHelpText(
      'after',
      `
An item regressed when its status got worse (passed/completed, then pending/skipped/unknown, then failed, then
error); else when its score fell (0..1 where the scales are known, raw within one vendor); else, with no score to
compare, when one of its metrics fell. Improved likewise. --key input joins on the whole input, --key
input.question on one field of it, --key name on the item's name.
Refs: ${BUILT_IN_VENDORS.map((vendor) => vendor.refForm).join(', ')}
Examples:
  evalrun runs compare datalab:41 datalab:42
  evalrun runs compare <base> <head> --fail-on-regression || echo "items regressed"
  evalrun runs compare promptlayer:12 humanloop:evr_1/rn_2 --key input.question --json | jq .summary`,
    )
    .action(run(runsCompare as never))

  runs
    .command('cancel <ref>')
    .description(
      cancellers.length === 0
        ? 'cancel a run (no built-in vendor can)'
        : `cancel a run (${listed(cancellers.map((vendor) => vendor.displayName))}; the others have no cancel)`,
    )
    .option('--json', 'as JSON')
    .action(run(runsCancel as never))

  program
    .command('report')
    .description(
      'write one self-contained HTML page of every run across vendors: trends per suite, counts, pairs',
    )
    .option('--html <file>', 'where to write the page (required)')
    .option('--since <date>', 'only runs created at or after this ISO date')
    .option(
      '--suite <ref>',
      `only runs of one suite: ${BUILT_IN_VENDORS.map((vendor) => vendor.suiteRefForm).join(', ')}`,
    )
    .option(
      '--vendor <vendor...>',
      `only these vendors (${BUILT_IN_VENDORS.map((vendor) => vendor.id).join(', ')})`,
      collect,
    )
    .option('--title <text>', 'the page title (default: evalrun report)')
    .option('--no-compare', "don't compare each suite's latest pair item by item (reads no items)")
    .addHelpText(
      'after',
      `\nExamples:\n  evalrun report --html report.html\n  evalrun report --html out/nightly.html --since 2026-11-01 --vendor ${BUILT_IN_VENDORS[0]?.id}`,
    )
    .action(
      // Loaded only here: the report renderers are not needed by the other commands.
      run((async (ctx: CommandContext, flags: Record<string, unknown>) => {
        const { report } = await import('./commands/report.js')
        return report(ctx, flags)
      }) as never),
    )

  program
    .command('sandbox')
    .description('serve a local stand-in for every vendor and print the env vars that use it')
    .option('--port <port>', 'port on 127.0.0.1 (default: any free port)')
    .option('--speed <n>', 'how much faster than real time runs move (default 1)')
    .option('--seed <n>', 'seed for the generated data')
    .option('--runs <n>', 'runs per vendor to generate')
    .addHelpText('after', '\nExample:\n  eval "$(evalrun sandbox --speed 20 &)"; evalrun runs list')
    .action(
      // Loaded only here and in `demo`: the sandbox brings an OpenAPI router and its validators.
      run((async (ctx: CommandContext, flags: Record<string, string>) => {
        const { sandbox } = await import('./commands/sandbox.js')
        return sandbox(ctx, flags, ctx.untilInterrupted())
      }) as never),
    )

  program
    .command('demo')
    .description('a tour on a local sandbox, no API keys needed: start, follow, list and score runs')
    .option('--speed <n>', 'how much faster than real time the sandbox runs (default 8)')
    .option('--report <file>', 'where to write the HTML report (default: in the temporary folder)')
    .action(
      run((async (ctx: CommandContext, flags: Record<string, string>) => {
        const { demo } = await import('./commands/demo.js')
        return demo(ctx, flags)
      }) as never),
    )

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

type Runner = (
  command: (ctx: CommandContext, ...args: never[]) => Promise<ExitCode>,
) => (...args: unknown[]) => Promise<void>

/** `evalrun runs start <vendor>`: the vendor's own flags, from its description, and the shared --wait ones. */
function addStartCommand(start: Command, vendor: EvalrunVendor, run: Runner): void {
  const command = start.command(vendor.id).description(`start a run on ${vendor.displayName}`)
  for (const flag of vendor.startFlags ?? []) {
    const option = new Option(flag.flag, flag.required ? `${flag.description} (required)` : flag.description)
    command.addOption(flag.choices ? option.choices(flag.choices) : option)
  }
  command
    .option('--wait', 'then wait for it, as `runs wait` does')
    .option('--timeout <duration>', 'with --wait: give up after this long (default 30m)')
  addGateOptions(command, 'with --wait: ')
  addReportOptions(command, 'with --wait: ')
  command.option('--json', 'as JSON')
  if (vendor.examples?.length) {
    command.addHelpText(
      'after',
      `\nExamples:\n${vendor.examples.map((line) => `  evalrun ${line}`).join('\n')}`,
    )
  }
  command.action(
    run((async (ctx: CommandContext, flags: Record<string, unknown>) =>
      runsStart(ctx, vendor, flags)) as never),
  )
}

const GATE_HELP = `Gate: a run passes when it completed and meets every --min-* given. --min-score and --min-pass-rate
are 0..1 on every vendor (a score of 80 on a 0..100 scale is 0.8); --min-metric compares a metric on its own
scale. A run with zero items, without what a threshold compares, or whose results could not be read, fails.`

/** The gate's thresholds, the same on `runs wait` and `runs start --wait`. */
function addGateOptions(command: Command, prefix: string): void {
  command
    .option('--min-score <0..1>', `${prefix}fail unless each run's normalised score is at least this`)
    .option(
      '--min-pass-rate <0..1>',
      `${prefix}fail unless each run's share of passed verdicts is at least this`,
    )
    .option(
      '--min-metric <name=value>',
      `${prefix}fail unless the metric is at least this, on its own scale (repeatable)`,
      collect,
    )
}

/** Where to write the verdicts as reports for CI: the same on every command that gates. */
function addReportOptions(command: Command, prefix: string): void {
  command
    .option(
      '--junit <file>',
      `${prefix}write the verdicts and items as JUnit XML (GitLab, Jenkins, GitHub actions)`,
    )
    .option('--summary <file>', `${prefix}append a Markdown summary, e.g. to $GITHUB_STEP_SUMMARY`)
}

/** `a, b or c`. */
function listed(names: readonly string[], conjunction = 'or'): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`
}
