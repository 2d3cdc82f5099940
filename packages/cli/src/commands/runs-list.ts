import type { EvalRun, ListRunsOptions, RunStatus, Vendor } from 'evalrun'
import type { CommandContext } from '../context.js'
import { ExitCode } from '../exit-codes.js'
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

export async function runsList(ctx: CommandContext, flags: RunsListFlags): Promise<ExitCode> {
  // The facade validates vendors, statuses, suite and since (typed errors, exit 2) before any request.
  const options: ListRunsOptions = {
    ...(flags.vendor ? { vendors: flags.vendor as Vendor[] } : {}),
    ...(flags.status ? { status: flags.status as RunStatus[] } : {}),
    ...(flags.suite ? { suite: flags.suite } : {}),
    ...(flags.since ? { since: flags.since } : {}),
    ...(flags.limit ? { limit: parsePositiveInt(flags.limit, '--limit') } : {}),
  }
  const runs = ctx.evalrun().runs.list(options)
  if (flags.json) {
    for await (const run of runs) ctx.io.stdout.write(jsonLine(run))
    return ExitCode.ok
  }
  const rows: string[][] = []
  for await (const run of runs as AsyncIterable<EvalRun>) rows.push(runRow(run, ctx.colors))
  ctx.io.stdout.write(
    rows.length === 0
      ? 'No runs found.\n'
      : `${renderTable(RUN_TABLE_HEADERS, rows, (s) => stripAnsi(s).length)}\n`,
  )
  return ExitCode.ok
}
