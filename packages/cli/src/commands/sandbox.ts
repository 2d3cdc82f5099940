import { startSandbox } from '@evalrun/sandbox'
import type { CommandContext } from '../context.js'
import { ExitCode } from '../exit-codes.js'
import { parsePort, parsePositiveInt, parseScore } from '../parse-values.js'

export interface SandboxFlags {
  port?: string
  speed?: string
  seed?: string
  runs?: string
}

/** Serves the three vendors' APIs on 127.0.0.1 until interrupted, and says how to point evalrun at it. */
export async function sandbox(
  ctx: CommandContext,
  flags: SandboxFlags,
  stop: Promise<void>,
): Promise<ExitCode> {
  const sb = await startSandbox({
    port: flags.port ? parsePort(flags.port, '--port') : 0,
    ...(flags.seed ? { seed: parsePositiveInt(flags.seed, '--seed') } : {}),
    ...(flags.runs ? { runs: parsePositiveInt(flags.runs, '--runs') } : {}),
    clock: { speed: flags.speed ? parseScore(flags.speed, '--speed') : 1 },
  })
  ctx.io.stdout.write(`# evalrun sandbox on 127.0.0.1 (Ctrl-C to stop). To use it:\n`)
  for (const [name, value] of Object.entries(sb.env)) ctx.io.stdout.write(`export ${name}=${value}\n`)
  await stop
  await sb.close()
  return ExitCode.ok
}
