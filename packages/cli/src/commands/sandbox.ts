import { defineCommand } from '../command-definition.js'
import { ExitCode } from '../exit-codes.js'
import { parsePort, parsePositiveInt, parseScore } from '../parse-values.js'

/** Serves every vendor's API on 127.0.0.1 until interrupted, and says how to point evalrun at it. */
export const sandboxCommand = defineCommand({
  name: 'sandbox',
  description: 'serve a local stand-in for every vendor and print the env vars that use it',
  declare: (command) =>
    command
      .option('--port <port>', 'port on 127.0.0.1 (default: any free port)')
      .option('--speed <n>', 'how much faster than real time runs move (default 1)')
      .option('--seed <n>', 'seed for the generated data')
      .option('--runs <n>', 'runs per vendor to generate'),
  examples: ['eval "$(evalrun sandbox --speed 20 &)"; evalrun runs list'],
  async run(ctx, _args, flags) {
    // Loaded only here and in `demo`: the sandbox brings an OpenAPI router and its validators.
    const { startSandbox } = await import('@evalrun/sandbox')
    const sb = await startSandbox({
      port: flags.port ? parsePort(flags.port, '--port') : 0,
      ...(flags.seed ? { seed: parsePositiveInt(flags.seed, '--seed') } : {}),
      ...(flags.runs ? { runs: parsePositiveInt(flags.runs, '--runs') } : {}),
      clock: { speed: flags.speed ? parseScore(flags.speed, '--speed') : 1 },
    })
    ctx.io.stdout.write(`# evalrun sandbox on 127.0.0.1 (Ctrl-C to stop). To use it:\n`)
    for (const [name, value] of Object.entries(sb.env)) ctx.io.stdout.write(`export ${name}=${value}\n`)
    await ctx.untilInterrupted()
    await sb.close()
    return ExitCode.ok
  },
})
