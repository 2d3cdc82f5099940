import {
  type EvalRun,
  type ListRunsOptions,
  newestFirst,
  newestRuns,
  type RunStatus,
  type Vendor,
} from 'evalrun'
import { classifyError } from '../classify-error.js'
import { requireSomeVendor } from '../configured-vendors.js'
import type { CommandContext } from '../context.js'
import { type ExitCode, worstExitCode } from '../exit-codes.js'
import { RUN_TABLE_HEADERS, runRow } from '../output/format-run.js'
import { renderTable, stripAnsi } from '../output/table.js'
import { jsonLine } from '../output/write-json-line.js'
import { parsePositiveInt } from '../parse-values.js'

export interface RunsListFlags {
  vendor?: string[]
  status?: string[]
  suite?: string
  since?: string
  limit?: string
  json?: boolean
}

/**
 * With `--limit N`, the N newest runs across vendors (the whole listing is read, holding about 2N runs); without
 * it, every run. The table is newest first; `--json` without `--limit` streams runs as vendors send them. A vendor
 * that fails does not hide the others' runs: they are printed, then the failure is said on stderr (exit 3).
 */
export async function runsList(ctx: CommandContext, flags: RunsListFlags): Promise<ExitCode> {
  const limit = flags.limit ? parsePositiveInt(flags.limit, '--limit') : null
  // The facade validates vendors, statuses, suite and since (typed errors, exit 2) before any request.
  const failures: { vendor: string; error: unknown }[] = []
  const options: ListRunsOptions = {
    ...(flags.vendor ? { vendors: flags.vendor as Vendor[] } : {}),
    ...(flags.status ? { status: flags.status as RunStatus[] } : {}),
    ...(flags.suite ? { suite: flags.suite } : {}),
    ...(flags.since ? { since: flags.since } : {}),
    onError: (error, vendor) => failures.push({ vendor, error }),
  }
  const evalrun = ctx.evalrun()
  if (!flags.vendor && !flags.suite) requireSomeVendor(evalrun)
  const runs = evalrun.runs.list(options)
  if (flags.json && limit === null) {
    for await (const run of runs) ctx.io.stdout.write(jsonLine(run))
    return reportFailures(ctx, failures)
  }
  const chosen = limit === null ? await everyRunNewestFirst(runs) : await newestRuns(runs, limit)
  if (flags.json) {
    for (const run of chosen) ctx.io.stdout.write(jsonLine(run))
    return reportFailures(ctx, failures)
  }
  const rows = chosen.map((run) => runRow(run, ctx.colors))
  ctx.io.stdout.write(
    rows.length === 0
      ? `No runs found${failures.length > 0 ? ' from the vendors that answered' : ''}.\n`
      : `${renderTable(RUN_TABLE_HEADERS, rows, (s) => stripAnsi(s).length)}\n`,
  )
  return reportFailures(ctx, failures)
}

/** Says on stderr which vendors failed, after the runs the others delivered; the exit code is the worst failure's. */
function reportFailures(ctx: CommandContext, failures: { vendor: string; error: unknown }[]): ExitCode {
  const classified = failures.map(({ vendor, error }) => ({ vendor, ...classifyError(error) }))
  for (const { vendor, message } of classified) {
    ctx.io.stderr.write(`evalrun: ${vendor} could not be listed, so its runs are missing above: ${message}\n`)
  }
  return worstExitCode(classified.map((failure) => failure.exitCode))
}

async function everyRunNewestFirst(runs: AsyncIterable<EvalRun>): Promise<EvalRun[]> {
  const all: EvalRun[] = []
  for await (const run of runs) all.push(run)
  return all.sort(newestFirst)
}
