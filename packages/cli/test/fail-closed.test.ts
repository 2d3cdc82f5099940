import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

let sb: Sandbox
let env: Record<string, string>
/** Answers every request with a retryable 500, at once (no Retry-After wait), counting them. */
let broken: { server: Server; url: string; requests: number }

beforeAll(async () => {
  sb = await startSandbox({ seed: 5, runs: 6, suites: 1, clock: 'manual' })
  env = { ...sb.env, NO_COLOR: '1' }
  const server = createServer((_request, response) => {
    broken.requests++
    response.writeHead(500, { 'content-type': 'application/json', 'retry-after-ms': '0' })
    response.end('{"detail":"internal error"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  broken = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: 0 }
})
afterAll(async () => {
  await sb.close()
  broken.server.closeAllConnections()
  await new Promise((resolve) => broken.server.close(resolve))
})

describe('no vendor configured: a CI job whose secrets are missing does not pass', () => {
  it.each([
    [['runs', 'list']],
    [['runs', 'list', '--json']],
    [['runs', 'list', '--limit', '5']],
    [['report', '--html', 'never-written.html']],
  ])('%j exits 2, naming the env vars to set', async (argv) => {
    const { exitCode, stdout, stderr } = await cli(argv, { NO_COLOR: '1' })
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^evalrun: no vendor is configured, so there is nothing to read: set /)
    for (const name of [
      'DATALAB_API_KEY',
      'PROMPTLAYER_API_KEY',
      'LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY',
    ]) {
      expect(stderr).toContain(name)
    }
  })

  it('still names a bad option first', async () => {
    const { exitCode, stderr } = await cli(['runs', 'list', '--since', 'yesterday'], {})
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/`since`: got "yesterday"/)
  })

  it.each([
    [['runs', 'list', '--vendor', 'datalab']],
    [['runs', 'list', '--suite', 'datalab:1']],
    [['runs', 'get', 'datalab:1']],
    [['runs', 'wait', 'datalab:1']],
    [['runs', 'results', 'datalab:1']],
    [['runs', 'compare', 'datalab:1', 'datalab:2']],
  ])('%j exits 2, naming the vendor and its env var', async (argv) => {
    const { exitCode, stdout, stderr } = await cli(argv, { PROMPTLAYER_API_KEY: 'k', NO_COLOR: '1' })
    expect(exitCode).toBe(2)
    expect(stdout + stderr).toContain('datalab is not configured: set DATALAB_API_KEY')
  })
})

describe('runs list with one vendor failing', () => {
  const datalabDown = () => ({ ...env, DATALAB_BASE_URL: broken.url })

  it('prints the runs the others delivered, then says which vendor failed (exit 3)', async () => {
    const everyRun = jsonLines((await cli(['runs', 'list', '--json'], env)).stdout)
    const others = everyRun.filter((run) => run.vendor !== 'datalab')
    expect(others.length).toBeGreaterThan(0)
    const table = await cli(['runs', 'list'], datalabDown())
    expect(table.exitCode).toBe(3)
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(others.length + 1) // the header, then each run
    for (const run of others) expect(table.stdout).toContain(String(run.ref))
    expect(table.stderr).toMatch(
      /^evalrun: Listing runs failed for one vendor \(datalab: .*500.*\); \d+ runs were delivered/m,
    )
    for (const argv of [
      ['runs', 'list', '--json'],
      ['runs', 'list', '--json', '--limit', '100'],
    ]) {
      const json = await cli(argv, datalabDown())
      expect(json.exitCode).toBe(3)
      expect(
        jsonLines(json.stdout)
          .map((run) => run.ref)
          .sort(),
      ).toEqual(others.map((run) => run.ref).sort())
    }
  })
})

describe('runs list whose listing was cut short', () => {
  it('prints what was read, says the listing is incomplete and exits 3', async () => {
    // A Datalab that ignores the offset: every page the same two runs, 1,000 declared.
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      const run = (id: number) => ({
        id,
        status: 'completed',
        collection_id: 1,
        created_at: '2026-11-01T10:00:00Z',
      })
      response.end(JSON.stringify({ batch_runs: [run(2), run(1)], total: 1000 }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const { exitCode, stdout, stderr } = await cli(['runs', 'list', '--vendor', 'datalab'], {
        ...env,
        DATALAB_BASE_URL: url,
      })
      expect(exitCode).toBe(3)
      expect(stdout).toContain('datalab:1')
      expect(stdout).toContain('datalab:2')
      expect(stderr).toMatch(/^evalrun \(datalab\): Datalab answered page 2 of batch runs/m)
      expect(stderr).toMatch(
        /^evalrun: The listing is incomplete, so the runs above are not all there are: datalab: /m,
      )
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('runs wait against a vendor that keeps failing', () => {
  it('says each failed poll on stderr and exits 3 after 10 in a row, well before --timeout', async () => {
    broken.requests = 0
    const { exitCode, stdout, stderr } = await cli(
      ['runs', 'wait', 'datalab:1', '--timeout', '10m'],
      { ...env, DATALAB_BASE_URL: broken.url },
      { waitPolling: { pollIntervalMs: 5, maxPollIntervalMs: 5 } },
    )
    expect(exitCode).toBe(3)
    const said = stderr.split('\n').filter((line) => line.includes('in a row failed'))
    expect(said).toHaveLength(10)
    expect(said[0]).toMatch(/^evalrun: datalab:1: poll 1 of 10 in a row failed, retrying: .*500/)
    expect(said[9]).toMatch(/^evalrun: datalab:1: poll 10 of 10 in a row failed, giving up/)
    expect(stdout).toMatch(/^✗ datalab:1 gave up after 10 failed polls in a row: .*500/)
    // Each poll is one request and the HTTP layer's two retries.
    expect(broken.requests).toBe(30)
  })
})
