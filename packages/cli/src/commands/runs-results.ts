import type { CommandContext } from '../context.js'
import { ExitCode } from '../exit-codes.js'
import { ITEM_TABLE_HEADERS, itemRow } from '../output/format-run.js'
import { renderTable, stripAnsi } from '../output/table.js'
import { jsonLine } from '../output/write-json-line.js'

export async function runsResults(
  ctx: CommandContext,
  ref: string,
  flags: { json?: boolean },
): Promise<ExitCode> {
  const items = ctx.evalrun().runs.results(ref)
  if (flags.json) {
    for await (const item of items) ctx.io.stdout.write(jsonLine(item))
    return ExitCode.ok
  }
  const rows: string[][] = []
  for await (const item of items) rows.push(itemRow(item))
  ctx.io.stdout.write(
    rows.length === 0
      ? 'No results yet.\n'
      : `${renderTable(ITEM_TABLE_HEADERS, rows, (s) => stripAnsi(s).length)}\n`,
  )
  return ExitCode.ok
}
