import { PassThrough } from 'node:stream'
import { type RunCliOptions, runCli } from '../src/index.js'

export interface CapturedRun {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs `evalrun <argv>` in this process with the given environment, capturing its output (not a terminal). */
export async function cli(
  argv: string[],
  env: Record<string, string | undefined>,
  options: RunCliOptions = {},
): Promise<CapturedRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: string[] = []
  const err: string[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()))
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()))
  const exitCode = await runCli(argv, { stdout, stderr, env }, options)
  return { exitCode, stdout: out.join(''), stderr: err.join('') }
}

export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
}
