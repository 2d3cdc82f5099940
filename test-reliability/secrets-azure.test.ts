import { inspect } from 'node:util'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import {
  collect,
  type Listening,
  type LoopbackServer,
  listenOnLoopback,
  startLoopbackServer,
} from '@evalrun/test-support'
import {
  createEvalrun,
  EvalrunApiError,
  EvalrunInvalidConfigError,
  EvalrunListError,
  EvalrunNetworkError,
  EvalrunNotFoundError,
  EvalrunRequestTimeoutError,
} from 'evalrun'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failureOf } from './support/failure-of.js'
import { recordFigures } from './support/figures.js'
import { expectKeyNotIn, FAKE_KEY } from './support/no-leak.js'

// OpenAI on Azure: neither the Azure key (`api-key`) nor an Entra ID token (a bearer from the provider) is ever
// printed, on any failure path, whichever way the error is shown.
const FAKE_TOKEN = 'eyJ0eXAi-evalrun-FAKE-ENTRA-TOKEN-3c9d'
type ErrorClass = { isInstance(value: unknown): boolean; name: string }
const only = {
  datalab: false,
  promptlayer: false,
  humanloop: false,
  braintrust: false,
  langfuse: false,
  phoenix: false,
} as const
const fast = { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 }

let sandbox: Sandbox
let echoing: LoopbackServer
let failing: LoopbackServer
let silent: Listening
const checked: string[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 43, runs: 6, clock: 'manual' })
  // Answers 401 quoting both credential headers back: the worst echo a proxy could do.
  echoing = await startLoopbackServer((request) => ({
    status: 401,
    body: { error: { message: `denied: ${request.headers['api-key']} ${request.headers.authorization}` } },
  }))
  failing = await startLoopbackServer((request) => {
    const status = Number(request.url.match(/\/status-(\d{3})\//)?.[1] ?? 500)
    return { status, body: { error: { message: `rejected ${request.method} ${request.url}` } } }
  })
  silent = await listenOnLoopback(() => {})
})
afterAll(async () => {
  await Promise.all([sandbox.close(), echoing.close(), failing.close(), silent.close()])
  recordFigures('secrets-api-azure', { failurePathsChecked: checked.length, paths: checked })
})

/** The two Azure credential forms, each with the secret it must never print. */
const FORMS = [
  { form: 'Azure key', secret: FAKE_KEY, options: { azureApiKey: FAKE_KEY } },
  { form: 'Entra ID token', secret: FAKE_TOKEN, options: { azureAdTokenProvider: async () => FAKE_TOKEN } },
] as const

const at = (credential: object, baseUrl: string, extra: object = {}) =>
  createEvalrun({ ...only, env: {}, retry: fast, openai: { ...credential, baseUrl }, ...extra })

const paths = (credential: object): Array<{ what: string; error: ErrorClass; fail: () => unknown }> => [
  {
    what: 'a 401 that quotes the credentials back',
    error: EvalrunApiError,
    fail: () => at(credential, echoing.url).runs.get('openai:eval_1/run_1'),
  },
  {
    what: 'a 401 on a listing (list error)',
    error: EvalrunListError,
    fail: () => collect(at(credential, echoing.url).runs.list({ onWarning: () => {} })),
  },
  {
    what: 'API error (500 after retries) reading items',
    error: EvalrunApiError,
    fail: () => collect(at(credential, `${failing.url}/status-500`).runs.results('openai:eval_1/run_1')),
  },
  {
    what: 'not found (404)',
    error: EvalrunNotFoundError,
    fail: () => at(credential, `${failing.url}/status-404`).runs.get('openai:eval_1/run_1'),
  },
  {
    what: 'network error (connection refused)',
    error: EvalrunNetworkError,
    fail: () => at(credential, 'http://127.0.0.1:9').runs.get('openai:eval_1/run_1'),
  },
  {
    what: 'timeout',
    error: EvalrunRequestTimeoutError,
    fail: () => at(credential, silent.url, { timeoutMs: 50 }).runs.get('openai:eval_1/run_1'),
  },
  {
    what: "a 401 from the sandbox's Azure endpoint (a token where it takes only api-key)",
    error: EvalrunApiError,
    fail: () => at(credential, sandbox.azure.openai.baseUrl).runs.get('openai:eval_1/run_1'),
  },
]

describe("Azure's key and Entra ID tokens never appear in an error", () => {
  for (const { form, secret, options } of FORMS) {
    for (const { what, error: expected, fail } of paths(options)) {
      it(`${form}: ${what}`, async () => {
        const error = await failureOf(fail)
        expect(expected.isInstance(error), `${form}: ${what}: ${String(error)}`).toBe(true)
        expectKeyNotIn(error, `${form}: ${what}`, secret)
        if (EvalrunListError.isInstance(error))
          for (const f of error.failures) expectKeyNotIn(f.error, `${form}: ${what} (failure)`, secret)
        checked.push(`${form}: ${what}`)
      })
    }
  }

  it('bad Azure credentials are refused without being echoed', async () => {
    const bad = 'azure-FAKE\nKEY-with-line-break'
    for (const [what, fail] of [
      ['an Azure key with a line break', () => at({ azureApiKey: bad }, sandbox.azure.openai.baseUrl)],
      [
        'a token with a line break',
        () => at({ azureAdTokenProvider: () => bad }, sandbox.azure.openai.baseUrl).runs.get('openai:e/r'),
      ],
      [
        'an Azure key without an endpoint',
        () => createEvalrun({ ...only, env: { AZURE_OPENAI_API_KEY: FAKE_KEY } }),
      ],
    ] as const) {
      const error = await failureOf(fail)
      expect(EvalrunInvalidConfigError.isInstance(error), `${what}: ${String(error)}`).toBe(true)
      expectKeyNotIn(error, what, bad)
      expectKeyNotIn(error, what, FAKE_KEY)
      checked.push(`config: ${what}`)
    }
  })

  it('an inspected client shows neither the key nor a token it has sent', async () => {
    for (const { secret, options } of FORMS) {
      const evalrun = at(options, sandbox.azure.openai.baseUrl)
      await failureOf(() => evalrun.runs.get('openai:eval_1/run_1'))
      expect(inspect(evalrun, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(secret)
    }
  })
})
