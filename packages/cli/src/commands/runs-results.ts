import { BUILT_IN_VENDORS } from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { ExitCode } from '../exit-codes.js'
import { ITEM_TABLE_HEADERS, itemRow } from '../output/format-run.js'
import { renderTable, stripAnsi } from '../output/table.js'
import { jsonLine } from '../output/write-json-line.js'

export const runsResultsCommand = defineCommand({
  name: 'runs results',
  description: `per-item results of a run (${BUILT_IN_VENDORS.map((vendor) => `${vendor.displayName} ${vendor.itemsAre}`).join(', ')})`,
  declare: (command) => command.argument('<ref>').option('--json', 'one JSON object per line'),
  async run(ctx, [ref], flags) {
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
  },
})
