import {
  type EvalRun,
  EvalrunListError,
  type ListRunsOptions,
  newestFirst,
  newestRuns,
  type RunStatus,
  type Vendor,
} from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { collect } from '../common-flags.js'
import { requireSomeVendor } from '../configured-vendors.js'
import { warnTo } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { RUN_TABLE_HEADERS, runRow } from '../output/format-run.js'
import { renderTable, stripAnsi } from '../output/table.js'
import { jsonLine } from '../output/write-json-line.js'
import { parsePositiveInt } from '../parse-values.js'
import { vendorHelp } from '../vendor-help.js'

/**
 * With `--limit N`, the N newest runs across vendors (the whole listing is read, holding about 2N runs); without
 * it, every run. The table is newest first; `--json` without `--limit` streams runs as vendors send them. A vendor
 * that fails does not hide the others' runs: they are printed, then the failure is said on stderr (exit 3).
 */
export const runsListCommand = defineCommand({
  name: 'runs list',
  description: 'list runs across every configured vendor',
  declare: (command) =>
    command
      .option('--vendor <vendor...>', `only these vendors (${vendorHelp.ids})`, collect)
      .option(
        '--status <status...>',
        'only runs in these statuses (queued, running, completed, failed, canceled, unknown)',
        collect,
      )
      .option('--suite <ref>', `only runs of one suite: ${vendorHelp.suiteRefs}`)
      .option('--since <date>', 'only runs created at or after this ISO date')
      .option('--limit <n>', 'at most this many runs')
      .option('--json', 'one JSON object per line'),
  examples: [
    `evalrun runs list --vendor ${vendorHelp.firstId} --status running`,
    'evalrun runs list --since 2026-11-01 --json | jq .score',
  ],
  async run(ctx, _args, flags) {
    const limit = flags.limit ? parsePositiveInt(flags.limit, '--limit') : null
    // The facade validates vendors, statuses, suite and since (typed errors, exit 2) before any request.
    const options: ListRunsOptions = {
      ...(flags.vendor ? { vendors: flags.vendor as Vendor[] } : {}),
      ...(flags.status ? { status: flags.status as RunStatus[] } : {}),
      ...(flags.suite ? { suite: flags.suite } : {}),
      ...(flags.since ? { since: flags.since } : {}),
    }
    // Said as it comes; a listing cut short (`stoppedEarly`) also makes the command fail once its runs are printed.
    const warn = warnTo(ctx.io)
    let cutShort: string | null = null
    options.onWarning = (message, vendor, detail) => {
      warn(message, vendor)
      if (detail?.stoppedEarly) cutShort ??= `${vendor}: ${message}`
    }
    const evalrun = ctx.evalrun()
    const listing = evalrun.runs.list(options) // checks the options at once: a bad one is said first
    if (!flags.vendor && !flags.suite) requireSomeVendor(evalrun)
    const held: { failure?: unknown } = {}
    const runs = holdingVendorFailures(listing, held)
    if (flags.json && limit === null) {
      for await (const run of runs) ctx.io.stdout.write(jsonLine(run))
    } else {
      const chosen = limit === null ? await everyRunNewestFirst(runs) : await newestRuns(runs, limit)
      if (flags.json) {
        for (const run of chosen) ctx.io.stdout.write(jsonLine(run))
      } else {
        const rows = chosen.map((run) => runRow(run, ctx.colors))
        ctx.io.stdout.write(
          rows.length === 0
            ? `No runs found${held.failure === undefined ? '' : ' from the vendors that answered'}.\n`
            : `${renderTable(RUN_TABLE_HEADERS, rows, (s) => stripAnsi(s).length)}\n`,
        )
      }
    }
    // Said (exit 3) once the runs the other vendors delivered are printed.
    if (held.failure !== undefined) throw held.failure
    if (cutShort !== null) {
      throw new CliError(
        `The listing is incomplete, so the runs above are not all there are: ${cutShort}`,
        ExitCode.api,
      )
    }
    return ExitCode.ok
  },
})

/** The listing, ending where it ends; the vendors' failures it throws at its end are held for after the output. */
async function* holdingVendorFailures(
  runs: AsyncIterable<EvalRun>,
  held: { failure?: unknown },
): AsyncGenerator<EvalRun> {
  try {
    yield* runs
  } catch (error) {
    if (!EvalrunListError.isInstance(error)) throw error
    held.failure = error
  }
}

async function everyRunNewestFirst(runs: AsyncIterable<EvalRun>): Promise<EvalRun[]> {
  const all: EvalRun[] = []
  for await (const run of runs) all.push(run)
  return all.sort(newestFirst)
}
