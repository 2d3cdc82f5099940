import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { type LoopbackServer, startLoopbackServer } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../packages/cli/test/helpers.js'
import { recordFigures } from './support/figures.js'
import { FAKE_KEY } from './support/no-leak.js'

let sandbox: Sandbox
let vendor: LoopbackServer
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 51, runs: 10, clock: 'manual', apiKeys: { datalab: FAKE_KEY } })
  vendor = await startLoopbackServer((request) => {
    const status = Number(request.url.match(/\/status-(\d{3})\//)?.[1] ?? 500)
    return { status, body: { detail: `rejected ${request.url}` } }
  })
})
afterAll(() => Promise.all([sandbox.close(), vendor.close()]))

interface CliFailure {
  what: string
  argv: string[]
  /** Base URL for Datalab; the key is given both as env and as a flag. */
  baseUrl: () => string
  exitCode: number
  before?: () => void
}

const onSandbox = () => sandbox.urls.datalab
const collection = () => String(sandbox.catalog.datalab.collections[0]!.id)
const rubric = () => String(sandbox.catalog.datalab.rubrics[0]!.id)

const FAILURES: CliFailure[] = [
  { what: 'unknown flag', argv: ['runs', 'list', '--frobnicate'], baseUrl: onSandbox, exitCode: 2 },
  {
    what: 'misspelt key flag with =',
    argv: [`--datalab-apikey=${FAKE_KEY}`, 'runs', 'list'],
    baseUrl: onSandbox,
    exitCode: 2,
  },
  { what: 'malformed ref', argv: ['runs', 'get', 'datalab'], baseUrl: onSandbox, exitCode: 2 },
  { what: 'bad --limit', argv: ['runs', 'list', '--limit', '-3'], baseUrl: onSandbox, exitCode: 2 },
  {
    what: 'key with CR/LF',
    argv: ['--datalab-api-key', `${FAKE_KEY}\r\nX-Evil: 1`, 'runs', 'get', 'datalab:1'],
    baseUrl: onSandbox,
    exitCode: 2,
  },
  {
    what: 'key in the base URL',
    argv: ['runs', 'get', 'datalab:1'],
    baseUrl: () => `https://user:${FAKE_KEY}@api.example.com`,
    exitCode: 2,
  },
  { what: 'cancel not supported', argv: ['runs', 'cancel', 'datalab:1'], baseUrl: onSandbox, exitCode: 2 },
  {
    what: 'API error 401',
    argv: ['runs', 'get', 'datalab:1'],
    baseUrl: () => `${vendor.url}/status-401`,
    exitCode: 3,
  },
  {
    what: 'not found 404',
    argv: ['runs', 'get', 'datalab:1'],
    baseUrl: () => `${vendor.url}/status-404`,
    exitCode: 3,
  },
  {
    what: 'API error on list',
    argv: ['runs', 'list', '--vendor', 'datalab'],
    baseUrl: () => `${vendor.url}/status-403`,
    exitCode: 3,
  },
  {
    what: 'API error on results',
    argv: ['runs', 'results', 'datalab:1'],
    baseUrl: () => `${vendor.url}/status-400`,
    exitCode: 3,
  },
  {
    what: 'API error on compare',
    argv: ['runs', 'compare', 'datalab:1', 'datalab:2'],
    baseUrl: () => `${vendor.url}/status-400`,
    exitCode: 3,
  },
  {
    what: 'compare of two vendors without --key',
    argv: ['runs', 'compare', 'datalab:1', 'promptlayer:2'],
    baseUrl: onSandbox,
    exitCode: 2,
  },
  {
    what: 'connection refused',
    argv: ['runs', 'get', 'datalab:1'],
    baseUrl: () => 'http://127.0.0.1:9',
    exitCode: 3,
  },
  {
    what: 'outcome unknown on start',
    argv: ['runs', 'start', 'datalab', '--collection', '1', '--rubric', '1'],
    baseUrl: onSandbox,
    exitCode: 3,
    before: () => sandbox.setFaults({ rate: 1, kinds: ['truncated'] }),
  },
  {
    what: 'wait timeout',
    argv: ['runs', 'start', 'datalab', '--collection', 'C', '--rubric', 'R', '--wait', '--timeout', '200ms'],
    baseUrl: onSandbox,
    exitCode: 4,
  },
]

const argvFor = (failure: CliFailure) =>
  failure.argv.map((arg) => (arg === 'C' ? collection() : arg === 'R' ? rubric() : arg))

describe('the CLI never prints the key', () => {
  const checked: string[] = []
  afterAll(() =>
    recordFigures('secrets-cli', {
      cliFailurePathsChecked: checked.length,
      runsEach: 'with and without --debug',
    }),
  )

  it.each(FAILURES)('$what', async (failure) => {
    for (const debug of [false, true]) {
      failure.before?.()
      const result = await cli(
        [...(debug ? ['--debug'] : []), '--datalab-api-key', FAKE_KEY, ...argvFor(failure)],
        { DATALAB_API_KEY: FAKE_KEY, DATALAB_BASE_URL: failure.baseUrl() },
      ).finally(() => sandbox.setFaults(null))
      expect(result.exitCode, result.stderr).toBe(failure.exitCode)
      expect(result.stderr.length).toBeGreaterThan(0)
      expect(result.stdout.includes(FAKE_KEY), `stdout of ${failure.what}`).toBe(false)
      expect(result.stderr.includes(FAKE_KEY), `stderr of ${failure.what}: ${result.stderr}`).toBe(false)
      if (debug && failure.exitCode === 3) expect(result.stderr).toMatch(/\n\s+at /) // --debug did print a stack
    }
    checked.push(failure.what)
  })
})

describe('the CLI never prints either Langfuse key', () => {
  const PUBLIC_KEY = 'pk-lf-cli-FAKE-PUBLIC-93b1'
  const token = btoa(`${PUBLIC_KEY}:${FAKE_KEY}`)
  let echoing: LoopbackServer
  beforeAll(async () => {
    // Quotes back the credentials it got, raw and decoded.
    echoing = await startLoopbackServer((request) => {
      const authorization = String(request.headers.authorization ?? '')
      const decoded = Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString()
      return { status: 401, body: { message: `Invalid credentials: ${authorization} (${decoded})` } }
    })
  })
  afterAll(() => echoing.close())

  const LANGFUSE_FAILURES: Array<{ what: string; argv: string[]; baseUrl: () => string; exitCode: number }> =
    [
      {
        what: 'a 401 quoting the keys',
        argv: ['runs', 'get', 'langfuse:exp_1'],
        baseUrl: () => echoing.url,
        exitCode: 3,
      },
      {
        what: 'a 401 on a listing',
        argv: ['runs', 'list', '--vendor', 'langfuse'],
        baseUrl: () => echoing.url,
        exitCode: 3,
      },
      {
        what: 'a 401 reading results',
        argv: ['runs', 'results', 'langfuse:exp_1'],
        baseUrl: () => echoing.url,
        exitCode: 3,
      },
      {
        what: 'the gate on a run it cannot read',
        argv: ['runs', 'wait', 'langfuse:exp_1', '--min-score', '0.8'],
        baseUrl: () => echoing.url,
        exitCode: 3,
      },
      {
        what: 'not found 404',
        argv: ['runs', 'get', 'langfuse:exp_1'],
        baseUrl: () => `${vendor.url}/status-404`,
        exitCode: 3,
      },
      {
        what: 'connection refused',
        argv: ['runs', 'get', 'langfuse:exp_1'],
        baseUrl: () => 'http://127.0.0.1:9',
        exitCode: 3,
      },
      {
        what: 'cancel not supported',
        argv: ['runs', 'cancel', 'langfuse:exp_1'],
        baseUrl: () => echoing.url,
        exitCode: 2,
      },
      {
        what: 'start not offered',
        argv: ['runs', 'start', 'langfuse'],
        baseUrl: () => echoing.url,
        exitCode: 2,
      },
      {
        what: 'keys in the base URL',
        argv: ['runs', 'get', 'langfuse:exp_1'],
        baseUrl: () => `https://${PUBLIC_KEY}:${FAKE_KEY}@langfuse.example.com`,
        exitCode: 2,
      },
    ]

  it.each(LANGFUSE_FAILURES)('$what', async (failure) => {
    for (const debug of [false, true]) {
      const result = await cli(
        [
          ...(debug ? ['--debug'] : []),
          '--langfuse-public-key',
          PUBLIC_KEY,
          '--langfuse-secret-key',
          FAKE_KEY,
          ...failure.argv,
        ],
        {
          LANGFUSE_PUBLIC_KEY: PUBLIC_KEY,
          LANGFUSE_SECRET_KEY: FAKE_KEY,
          LANGFUSE_BASE_URL: failure.baseUrl(),
        },
      )
      expect(result.exitCode, result.stderr).toBe(failure.exitCode)
      // Said somewhere: the gate prints its verdict line on stdout, errors go to stderr.
      expect((result.stdout + result.stderr).length).toBeGreaterThan(0)
      for (const secret of [FAKE_KEY, PUBLIC_KEY, token]) {
        expect(result.stdout.includes(secret), `stdout of ${failure.what}`).toBe(false)
        expect(result.stderr.includes(secret), `stderr of ${failure.what}: ${result.stderr}`).toBe(false)
      }
    }
  })
})

describe('the CLI never prints the Phoenix key', () => {
  let echoing: LoopbackServer
  beforeAll(async () => {
    // Phoenix answers errors in plain text: this one quotes the bearer token it got.
    echoing = await startLoopbackServer((request) => ({
      status: 401,
      body: `Invalid token: ${String(request.headers.authorization ?? '')}`,
    }))
  })
  afterAll(() => echoing.close())

  const EXPERIMENT = 'phoenix:RXhwZXJpbWVudDox'
  const PHOENIX_FAILURES: Array<{ what: string; argv: string[]; baseUrl: () => string; exitCode: number }> = [
    {
      what: 'a 401 quoting the key',
      argv: ['runs', 'get', EXPERIMENT],
      baseUrl: () => echoing.url,
      exitCode: 3,
    },
    {
      what: 'a 401 on a listing',
      argv: ['runs', 'list', '--vendor', 'phoenix'],
      baseUrl: () => echoing.url,
      exitCode: 3,
    },
    {
      what: 'a 401 reading results',
      argv: ['runs', 'results', EXPERIMENT],
      baseUrl: () => echoing.url,
      exitCode: 3,
    },
    {
      what: 'the gate on a run it cannot read',
      argv: ['runs', 'wait', EXPERIMENT, '--min-score', '0.8'],
      baseUrl: () => echoing.url,
      exitCode: 3,
    },
    {
      what: 'not found 404',
      argv: ['runs', 'get', EXPERIMENT],
      baseUrl: () => `${vendor.url}/status-404`,
      exitCode: 3,
    },
    {
      what: 'connection refused',
      argv: ['runs', 'get', EXPERIMENT],
      baseUrl: () => 'http://127.0.0.1:9',
      exitCode: 3,
    },
    {
      what: 'cancel not supported',
      argv: ['runs', 'cancel', EXPERIMENT],
      baseUrl: () => echoing.url,
      exitCode: 2,
    },
    {
      what: 'start not offered',
      argv: ['runs', 'start', 'phoenix'],
      baseUrl: () => echoing.url,
      exitCode: 2,
    },
    {
      what: 'key in the base URL',
      argv: ['runs', 'get', EXPERIMENT],
      baseUrl: () => `https://user:${FAKE_KEY}@phoenix.example.com`,
      exitCode: 2,
    },
  ]

  it.each(PHOENIX_FAILURES)('$what', async (failure) => {
    for (const debug of [false, true]) {
      const result = await cli(
        [...(debug ? ['--debug'] : []), '--phoenix-api-key', FAKE_KEY, ...failure.argv],
        { PHOENIX_API_KEY: FAKE_KEY, PHOENIX_HOST: failure.baseUrl() },
      )
      expect(result.exitCode, result.stderr).toBe(failure.exitCode)
      expect((result.stdout + result.stderr).length).toBeGreaterThan(0)
      expect(result.stdout.includes(FAKE_KEY), `stdout of ${failure.what}`).toBe(false)
      expect(result.stderr.includes(FAKE_KEY), `stderr of ${failure.what}: ${result.stderr}`).toBe(false)
    }
  })
})
