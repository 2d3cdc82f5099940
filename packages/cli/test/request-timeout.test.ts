import type { IncomingMessage, ServerResponse } from 'node:http'
import { type Listening, listenOnLoopback } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'

/** A vendor that takes every request and never answers: without a limit each attempt would wait 30 s. */
let silent: Listening
let requests = 0
const held: ServerResponse[] = []

beforeAll(async () => {
  silent = await listenOnLoopback((_request: IncomingMessage, response: ServerResponse) => {
    requests++
    held.push(response)
  })
})
afterAll(() => silent.close())

const env = () => ({ DATALAB_API_KEY: 'dl-FAKE-timeout', DATALAB_BASE_URL: silent.url })

describe('--request-timeout and EVALRUN_REQUEST_TIMEOUT', () => {
  it('ends each attempt at the limit given: the command fails fast as an unreachable vendor (exit 3)', async () => {
    requests = 0
    const result = await cli(['runs', 'get', 'datalab:1', '--request-timeout', '150ms'], env())
    expect(result.exitCode).toBe(3)
    expect(result.stderr).toMatch(
      /^evalrun: Datalab: GET http:\/\/127\.0\.0\.1:\d+\/\S* timed out after 150 ms/,
    )
    // The HTTP layer's retries still apply: three attempts, each cut at 150 ms.
    expect(requests).toBe(3)
  })

  it('reads the environment variable, milliseconds when bare; the flag wins over it', async () => {
    const fromEnv = await cli(['runs', 'list', '--vendor', 'datalab'], {
      ...env(),
      EVALRUN_REQUEST_TIMEOUT: '120',
    })
    expect(fromEnv.exitCode).toBe(3)
    expect(fromEnv.stderr).toContain('timed out after 120 ms')
    const both = await cli(['--request-timeout', '0.1s', 'runs', 'get', 'datalab:1'], {
      ...env(),
      EVALRUN_REQUEST_TIMEOUT: '5m',
    })
    expect(both.exitCode).toBe(3)
    expect(both.stderr).toContain('timed out after 100 ms')
  })

  it.each([
    [['--request-timeout', 'soon'], {}, '--request-timeout "soon"'],
    [['--request-timeout', '0'], {}, '--request-timeout "0"'],
    [['--request-timeout', '30d'], {}, '--request-timeout "30d"'],
    [[], { EVALRUN_REQUEST_TIMEOUT: 'fast' }, 'EVALRUN_REQUEST_TIMEOUT "fast"'],
  ])('refuses %j %j before any request (exit 2)', async (args, extra, named) => {
    requests = 0
    const result = await cli(['runs', 'get', 'datalab:1', ...args], { ...env(), ...extra })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toBe(
      `evalrun: ${named}: expected a time of at least 1 ms per request, as milliseconds (5000) or a duration (500ms, 10s, 2m).\n`,
    )
    expect(requests).toBe(0)
  })
})
