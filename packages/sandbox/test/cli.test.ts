import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))

describe('evalrun-sandbox CLI', () => {
  it('prints the env exports, serves, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--port', '0', '--seed', '3', '--runs', '5'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('HUMANLOOP_FILE_IDS=')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)))
    })
    await ready
    const env = Object.fromEntries(
      [...stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]),
    )
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining([
        'DATALAB_BASE_URL',
        'DATALAB_API_KEY',
        'PROMPTLAYER_BASE_URL',
        'HUMANLOOP_BASE_URL',
      ]),
    )
    const response = await fetch(`${env.DATALAB_BASE_URL}/api/v1/eval_batch_runs`, {
      headers: { 'X-API-Key': env.DATALAB_API_KEY! },
    })
    expect(((await response.json()) as { total: number }).total).toBe(5)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
