import type { CommandContext } from '../context.js'
import { ExitCode } from '../exit-codes.js'
import { jsonLine } from '../output/write-json-line.js'

export async function runsCancel(
  ctx: CommandContext,
  ref: string,
  flags: { json?: boolean },
): Promise<ExitCode> {
  const run = await ctx.evalrun().runs.cancel(ref)
  ctx.io.stdout.write(flags.json ? jsonLine(run) : `${run.ref} ${run.status}\n`)
  return ExitCode.ok
}
