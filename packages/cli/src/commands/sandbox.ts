import { defineCommand } from '../command-definition.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { writeFileAtomically } from '../output/write-file-atomically.js'
import { parsePort, parsePositiveInt, parseScore } from '../parse-values.js'

/**
 * Serves every vendor's API on 127.0.0.1 until interrupted, and says how to point evalrun at it: on stdout, and
 * with `--write-env` in a file written whole once it listens, so that a shell can start it in the background
 * and wait for the file (a `$(… &)` substitution would wait for the server's end, which never comes).
 */
export const sandboxCommand = defineCommand({
  name: 'sandbox',
  description: 'serve a local stand-in for every vendor and print the env vars that use it',
  declare: (command) =>
    command
      .option('--port <port>', 'port on 127.0.0.1 (default: any free port)')
      .option('--speed <n>', 'how much faster than real time runs move (default 1)')
      .option('--seed <n>', 'seed for the generated data')
      .option('--runs <n>', 'runs per vendor to generate')
      .option(
        '--write-env <path>',
        'also write the env vars to this file, once serving (for a background start)',
      ),
  help: `It serves until Ctrl-C (SIGINT or SIGTERM). To start it in the background, write the env vars to a file
with --write-env, wait for the file, then source it (the file is written whole, never half).`,
  examples: [
    'evalrun sandbox --speed 20 --write-env sandbox.env &',
    'until [ -s sandbox.env ]; do sleep 0.1; done; . ./sandbox.env; evalrun runs list',
  ],
  async run(ctx, _args, flags) {
    if (flags.writeEnv !== undefined && flags.writeEnv.trim() === '') {
      throw new CliError('--write-env needs a file path.', ExitCode.usage)
    }
    // Loaded only here and in `demo`: the sandbox brings an OpenAPI router and its validators.
    const { startSandbox } = await import('@evalrun/sandbox')
    const sb = await startSandbox({
      port: flags.port ? parsePort(flags.port, '--port') : 0,
      ...(flags.seed ? { seed: parsePositiveInt(flags.seed, '--seed') } : {}),
      ...(flags.runs ? { runs: parsePositiveInt(flags.runs, '--runs') } : {}),
      clock: { speed: flags.speed ? parseScore(flags.speed, '--speed') : 1 },
    })
    const exports = Object.entries(sb.env)
      .map(([name, value]) => `export ${name}=${value}\n`)
      .join('')
    if (flags.writeEnv !== undefined) {
      try {
        await writeFileAtomically(flags.writeEnv, exports)
      } catch (error) {
        await sb.close()
        throw new CliError(
          `--write-env ${flags.writeEnv}: cannot write the file (${(error as Error).message}).`,
          ExitCode.usage,
        )
      }
    }
    ctx.io.stdout.write(`# evalrun sandbox on 127.0.0.1 (Ctrl-C to stop). To use it:\n${exports}`)
    await ctx.untilInterrupted()
    await sb.close()
    return ExitCode.ok
  },
})
