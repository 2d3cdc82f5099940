import { PassThrough } from 'node:stream'
import { BUILT_IN_VENDORS } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/index.js'
import { cli, jsonLines } from './helpers.js'

describe('evalrun sandbox', () => {
  it('serves until told to stop, printing env vars that the other commands can use', async () => {
    const stdout = new PassThrough()
    let printed = ''
    let stop: () => void = () => {}
    const stopped = new Promise<void>((resolve) => {
      stop = resolve
    })
    const envReady = new Promise<void>((resolve) => {
      stdout.on('data', (chunk: Buffer) => {
        printed += chunk.toString()
        // The last line it prints (the sandbox's last vendor).
        if (printed.includes('LANGFUSE_SECRET_KEY=')) resolve()
      })
    })
    const running = runCli(
      ['sandbox', '--speed', '5', '--runs', '4'],
      { stdout, stderr: new PassThrough(), env: {} },
      { untilInterrupted: () => stopped },
    )
    await envReady

    const env = Object.fromEntries(
      [...printed.matchAll(/^export (\w+)=(.*)$/gm)].map((match) => [match[1] as string, match[2] as string]),
    )
    expect(Object.keys(env).sort()).toEqual([
      'BRAINTRUST_API_KEY',
      'BRAINTRUST_API_URL',
      'DATALAB_API_KEY',
      'DATALAB_BASE_URL',
      'HUMANLOOP_API_KEY',
      'HUMANLOOP_BASE_URL',
      'HUMANLOOP_FILE_IDS',
      'LANGFUSE_BASE_URL',
      'LANGFUSE_PUBLIC_KEY',
      'LANGFUSE_SECRET_KEY',
      'OPENAI_API_KEY',
      'OPENAI_BASE_URL',
      'PHOENIX_API_KEY',
      'PHOENIX_HOST',
      'PROMPTLAYER_API_KEY',
      'PROMPTLAYER_BASE_URL',
    ])
    expect(env.DATALAB_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    const listed = await cli(['runs', 'list', '--json'], env)
    expect(listed.exitCode).toBe(0)
    // Every vendor the sandbox serves, configured by the env vars it printed.
    expect(new Set(jsonLines(listed.stdout).map((run) => run.vendor))).toEqual(
      new Set(BUILT_IN_VENDORS.map((vendor) => vendor.id)),
    )

    stop()
    expect(await running).toBe(0)
    const after = await cli(['runs', 'list', '--vendor', 'datalab'], env)
    expect(after.exitCode).toBe(3) // the server is gone
  })
})
