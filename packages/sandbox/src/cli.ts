#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { startSandbox } from './sandbox.js'

const USAGE = `Usage: evalrun-sandbox [--port N] [--seed N] [--runs N] [--speed X]

Starts evalrun's sandbox (fake Datalab, PromptLayer and Humanloop APIs) on 127.0.0.1 and prints the
environment variables that point the evalrun clients at it. Stops on Ctrl-C.

  --port   port to listen on (default 0: any free port)
  --seed   data and fault seed (default 1)
  --runs   seeded runs per vendor (default 30)
  --speed  sandbox seconds per real second (default 1)`

function numberFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isFinite(value)) {
    process.stderr.write(`--${name} must be a number, got ${JSON.stringify(raw)}\n\n${USAGE}\n`)
    process.exit(2)
  }
  return value
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        speed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`)
    process.exit(2)
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const speed = numberFlag('speed', values.speed as string | undefined)
  const sandbox = await startSandbox({
    port: numberFlag('port', values.port as string | undefined),
    seed: numberFlag('seed', values.seed as string | undefined),
    runs: numberFlag('runs', values.runs as string | undefined),
    clock: { speed: speed ?? 1 },
  })
  for (const [name, value] of Object.entries(sandbox.env)) process.stdout.write(`export ${name}=${value}\n`)
  process.stderr.write(
    `# evalrun sandbox listening; clock at ${sandbox.clock.now().toISOString()}. Ctrl-C to stop.\n`,
  )
  const stop = () => {
    sandbox.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`evalrun-sandbox: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
