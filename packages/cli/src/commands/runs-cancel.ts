import { BUILT_IN_VENDORS } from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { ExitCode } from '../exit-codes.js'
import { listed } from '../output/listed.js'
import { jsonLine } from '../output/write-json-line.js'

const cancellers = BUILT_IN_VENDORS.filter((vendor) => vendor.canCancel)

export const runsCancelCommand = defineCommand({
  name: 'runs cancel',
  description:
    cancellers.length === 0
      ? 'cancel a run (no built-in vendor can)'
      : `cancel a run (${listed(cancellers.map((vendor) => vendor.displayName))}; the others have no cancel)`,
  declare: (command) => command.argument('<ref>').option('--json', 'as JSON'),
  async run(ctx, [ref], flags) {
    const run = await ctx.evalrun().runs.cancel(ref)
    ctx.io.stdout.write(flags.json ? jsonLine(run) : `${run.ref} ${run.status}\n`)
    return ExitCode.ok
  },
})
