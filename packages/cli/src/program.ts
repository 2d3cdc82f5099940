import { Command, Option } from 'commander'
import { classifyError } from './classify-error.js'
import { demo } from './commands/demo.js'
import { runsCancel } from './commands/runs-cancel.js'
import { runsGet } from './commands/runs-get.js'
import { runsList } from './commands/runs-list.js'
import { runsResults } from './commands/runs-results.js'
import { runsStart } from './commands/runs-start.js'
import { runsWait } from './commands/runs-wait.js'
import { sandbox } from './commands/sandbox.js'
import { type CommandContext, createContext, type KeyFlags } from './context.js'
import { ExitCode } from './exit-codes.js'
import type { CliIo } from './io.js'
import { VERSION } from './version.js'

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value.split(',').map((v) => v.trim()),
]

export interface RunCliOptions {
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); called by `evalrun sandbox` only. */
  untilInterrupted?: () => Promise<void>
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
      const ctx = createContext(io, globals)
      // commander passes the positional arguments, then the options, then the command itself
      exitCode = await (command as (ctx: CommandContext, ...rest: unknown[]) => Promise<ExitCode>)(
        ctx,
        ...args.slice(0, -1),
      )
    }

  program
    .description(
      'See, start, wait for and gate on evaluation runs across Datalab, PromptLayer and Humanloop.',
    )
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces on errors')
    .addOption(new Option('--datalab-api-key <key>', 'Datalab API key (default: $DATALAB_API_KEY)'))
    .addOption(
      new Option('--promptlayer-api-key <key>', 'PromptLayer API key (default: $PROMPTLAYER_API_KEY)'),
    )
    .addOption(new Option('--humanloop-api-key <key>', 'Humanloop API key (default: $HUMANLOOP_API_KEY)'))
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
Environment: DATALAB_API_KEY, PROMPTLAYER_API_KEY, HUMANLOOP_API_KEY (+ HUMANLOOP_FILE_IDS for listing),
*_BASE_URL to point a vendor elsewhere (e.g. at \`evalrun sandbox\`), NO_COLOR to turn colour off.
Exit codes: 0 ok, 1 a run failed/was canceled/scored below --min-score, 2 usage or configuration,
3 API or network error, 4 timeout.`,
    )

  const runs = program
    .command('runs')
    .description('list, inspect, start, wait for and cancel evaluation runs')

  runs
    .command('list')
    .description('list runs across every configured vendor')
    .option('--vendor <vendor...>', 'only these vendors (datalab, promptlayer, humanloop)', collect)
    .option(
      '--status <status...>',
      'only runs in these statuses (queued, running, completed, failed, canceled, unknown)',
      collect,
    )
    .option('--suite <ref>', 'only runs of one suite, e.g. datalab:12, promptlayer:42, humanloop:evr_123')
    .option('--since <date>', 'only runs created at or after this ISO date')
    .option('--limit <n>', 'at most this many runs')
    .option('--json', 'one JSON object per line')
    .addHelpText(
      'after',
      '\nExamples:\n  evalrun runs list --vendor datalab --status running\n  evalrun runs list --since 2026-11-01 --json | jq .score',
    )
    .action(run(runsList as never))

  runs
    .command('get <ref>')
    .description('show one run: status, progress, score, metrics')
    .option('--json', 'as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  evalrun runs get datalab:42\n  evalrun runs get humanloop:evr_123/rn_456 --json',
    )
    .action(run(runsGet as never))

  runs
    .command('results <ref>')
    .description('per-item results of a run (Datalab files, PromptLayer rows, Humanloop logs)')
    .option('--json', 'one JSON object per line')
    .addHelpText('after', '\nExample:\n  evalrun runs results promptlayer:1234 --json')
    .action(run(runsResults as never))

  runs
    .command('start <vendor>')
    .description('start a run on datalab, promptlayer or humanloop')
    .option('--collection <id>', 'datalab: collection to evaluate')
    .option('--rubric <id>', 'datalab: eval rubric (required for standard pipelines)')
    .addOption(
      new Option('--pipeline-type <type>', 'datalab: pipeline type').choices([
        'convert',
        'extract',
        'segment',
      ]),
    )
    .option('--pipeline-id <id>', 'datalab: custom pipeline id (cp_…)')
    .option('--page-schema <file.json>', 'datalab: JSON schema file, required with --pipeline-type extract')
    .option(
      '--segmentation-schema <file.json>',
      'datalab: JSON schema file, required with --pipeline-type segment',
    )
    .option('--output-format <formats>', 'datalab: e.g. markdown,json')
    .option('--pipeline <id>', 'promptlayer: evaluation pipeline to run')
    .option('--name <name>', 'promptlayer: name of the new run')
    .option('--dataset <id>', "promptlayer: dataset to run on (default: the pipeline's)")
    .option('--refresh-dataset', 'promptlayer: refresh a dynamic dataset first')
    .option('--evaluation <id>', 'humanloop: evaluation to add a run to')
    .option('--dataset-version <id>', 'humanloop: dataset version id')
    .option('--version-id <id>', 'humanloop: version id of the prompt/tool/flow to evaluate')
    .option('--no-orchestrated', 'humanloop: you will add the logs yourself')
    .option('--use-existing-logs', 'humanloop: reuse logs that match')
    .option('--wait', 'then wait for it, as `runs wait` does')
    .option('--timeout <duration>', 'with --wait: give up after this long (default 30m)')
    .option('--min-score <score>', 'with --wait: fail unless the score is at least this')
    .option('--json', 'as JSON')
    .addHelpText(
      'after',
      `
Examples:
  evalrun runs start datalab --collection 12 --rubric 3 --wait
  evalrun runs start datalab --collection 12 --pipeline-type extract --page-schema schema.json
  evalrun runs start promptlayer --pipeline 42 --name nightly --wait --min-score 0.8
  evalrun runs start humanloop --evaluation evr_123 --dataset-version dsv_1 --version-id prv_9`,
    )
    .action(run(runsStart as never))

  runs
    .command('wait <refs...>')
    .description('wait for runs to end, with progress; the exit code is the CI gate')
    .option('--timeout <duration>', 'give up after this long: 90s, 30m, 1h (default 30m)')
    .option('--min-score <score>', "fail unless every run scores at least this (on its vendor's scale)")
    .option('--json', 'one JSON verdict per line, no progress')
    .addHelpText(
      'after',
      '\nExamples:\n  evalrun runs wait datalab:42 promptlayer:1234 --timeout 20m\n  evalrun runs wait humanloop:evr_1/rn_2 --min-score 0.8 || echo "gate failed"',
    )
    .action(run(runsWait as never))

  runs
    .command('cancel <ref>')
    .description('cancel a run (Humanloop; Datalab and PromptLayer have no cancel)')
    .option('--json', 'as JSON')
    .addHelpText('after', '\nExample:\n  evalrun runs cancel humanloop:evr_123/rn_456')
    .action(run(runsCancel as never))

  program
    .command('sandbox')
    .description('serve a local stand-in for all three vendors and print the env vars that use it')
    .option('--port <port>', 'port on 127.0.0.1 (default: any free port)')
    .option('--speed <n>', 'how much faster than real time runs move (default 1)')
    .option('--seed <n>', 'seed for the generated data')
    .option('--runs <n>', 'runs per vendor to generate')
    .addHelpText('after', '\nExample:\n  eval "$(evalrun sandbox --speed 20 &)"; evalrun runs list')
    .action(
      run((async (ctx: CommandContext, flags: Record<string, string>) =>
        sandbox(ctx, flags, options.untilInterrupted?.() ?? new Promise(() => {}))) as never),
    )

  program
    .command('demo')
    .description('a tour on a local sandbox, no API keys needed: start, follow, list and score runs')
    .option('--speed <n>', 'how much faster than real time the sandbox runs (default 8)')
    .action(run(demo as never))

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
