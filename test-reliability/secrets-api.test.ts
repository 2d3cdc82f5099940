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
  EvalrunInvalidInputError,
  EvalrunListError,
  EvalrunMalformedResponseError,
  EvalrunNetworkError,
  EvalrunNotConfiguredError,
  EvalrunNotFoundError,
  EvalrunNotSupportedError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  EvalrunWaitDeadlineError,
} from 'evalrun'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failureOf } from './support/failure-of.js'
import { recordFigures } from './support/figures.js'
import { expectKeyNotIn, FAKE_KEY } from './support/no-leak.js'

type ErrorClass = { isInstance(value: unknown): boolean; name: string }

/** Langfuse takes two keys over basic auth: FAKE_KEY is its secret, this its public key. */
const LANGFUSE_PUBLIC_KEY = 'pk-lf-evalrun-FAKE-PUBLIC-5d2c8e'
/** What the Authorization header carries: both keys, base64-encoded. */
const BASIC_TOKEN = btoa(`${LANGFUSE_PUBLIC_KEY}:${FAKE_KEY}`)

let sandbox: Sandbox
let vendor: LoopbackServer
let silent: Listening
let webApp: Listening
const checked: string[] = []

beforeAll(async () => {
  // The sandbox accepts the fake key, so requests get as far as they can.
  sandbox = await startSandbox({
    seed: 41,
    runs: 10,
    clock: 'manual',
    apiKeys: {
      datalab: FAKE_KEY,
      promptlayer: FAKE_KEY,
      humanloop: FAKE_KEY,
      braintrust: FAKE_KEY,
      langfuse: `${LANGFUSE_PUBLIC_KEY}:${FAKE_KEY}`,
      phoenix: FAKE_KEY,
    },
  })
  // A vendor that answers every request with an error status chosen by the path, echoing what it received.
  vendor = await startLoopbackServer((request) => {
    const status = Number(request.url.match(/\/status-(\d{3})\//)?.[1] ?? 500)
    return { status, body: { detail: `rejected ${request.method} ${request.url}` } }
  })
  // A vendor that accepts connections and never answers.
  silent = await listenOnLoopback(() => {})
  // A base URL pointing at a web app: a 200 HTML page echoing every header it received, the key among them.
  webApp = await listenOnLoopback((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end(`<html><body><pre>${JSON.stringify(request.headers)}</pre></body></html>`)
  })
})
afterAll(async () => {
  await Promise.all([sandbox.close(), vendor.close(), silent.close(), webApp.close()])
  recordFigures('secrets-api', { failurePathsChecked: checked.length, paths: checked })
})

const fast = { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 }
const datalabAt = (baseUrl: string, extra: object = {}) =>
  createEvalrun({
    datalab: { apiKey: FAKE_KEY, baseUrl },
    promptlayer: false,
    humanloop: false,
    retry: fast,
    ...extra,
  })
const onSandbox = () =>
  createEvalrun({
    datalab: { apiKey: FAKE_KEY, baseUrl: sandbox.urls.datalab },
    promptlayer: { apiKey: FAKE_KEY, baseUrl: sandbox.urls.promptlayer },
    humanloop: false,
    retry: fast,
  })

const braintrustOn = (baseUrl: string, extra: object = {}) =>
  createEvalrun({
    braintrust: { apiKey: FAKE_KEY, baseUrl },
    datalab: false,
    promptlayer: false,
    humanloop: false,
    openai: false,
    retry: fast,
    ...extra,
  })
const braintrustLaunch = () => {
  const project = sandbox.catalog.braintrust.projects[0]!
  return braintrustOn(sandbox.urls.braintrust).runs.start({
    vendor: 'braintrust',
    projectId: project.id,
    data: { dataset_id: project.datasetId },
    task: { function_id: project.taskFunctionId },
    scores: sandbox.catalog.braintrust.scores,
  })
}

interface FailurePath {
  what: string
  error: ErrorClass
  fail: () => unknown
  before?: () => void
}

const PATHS: FailurePath[] = [
  {
    what: 'API error (401)',
    error: EvalrunApiError,
    fail: () => datalabAt(`${vendor.url}/status-401`).runs.get('datalab:1'),
  },
  {
    what: 'API error (500 after retries)',
    error: EvalrunApiError,
    fail: () => datalabAt(`${vendor.url}/status-500`).runs.get('datalab:1'),
  },
  {
    what: 'not found (404)',
    error: EvalrunNotFoundError,
    fail: () => datalabAt(`${vendor.url}/status-404`).runs.get('datalab:1'),
  },
  {
    what: 'network error (connection refused)',
    error: EvalrunNetworkError,
    fail: () => datalabAt('http://127.0.0.1:9').runs.get('datalab:1'),
  },
  {
    what: 'timeout',
    error: EvalrunRequestTimeoutError,
    fail: () => datalabAt(silent.url, { timeoutMs: 50 }).runs.get('datalab:1'),
  },
  {
    what: 'malformed success (an HTML page echoing the key, after retries)',
    error: EvalrunMalformedResponseError,
    fail: () => datalabAt(webApp.url).runs.get('datalab:1'),
  },
  {
    what: 'outcome unknown (reset after a POST)',
    error: EvalrunOutcomeUnknownError,
    before: () => sandbox.setFaults({ rate: 1, kinds: ['reset'] }),
    fail: () =>
      onSandbox().runs.start({
        vendor: 'datalab',
        collectionId: sandbox.catalog.datalab.collections[0]!.id,
        rubricId: sandbox.catalog.datalab.rubrics[0]!.id,
      }),
  },
  {
    what: 'list error',
    error: EvalrunListError,
    before: () => sandbox.setFaults({ rate: 1, kinds: ['500'], vendors: ['promptlayer'] }),
    fail: () => collect(onSandbox().runs.list()),
  },
  {
    what: 'suite list error',
    error: EvalrunListError,
    before: () => sandbox.setFaults({ rate: 1, kinds: ['500'], vendors: ['promptlayer'] }),
    fail: () => collect(onSandbox().suites.list()),
  },
  {
    what: 'start options error',
    error: EvalrunApiError,
    before: () => sandbox.setFaults({ rate: 1, kinds: ['500'], vendors: ['datalab'] }),
    fail: () => collect(onSandbox().runs.startOptions('datalab')),
  },
  {
    what: 'wait timeout',
    error: EvalrunWaitDeadlineError,
    fail: async () => {
      const evalrun = onSandbox()
      const run = await evalrun.runs.start({
        vendor: 'promptlayer',
        pipelineId: sandbox.catalog.promptlayer.pipelines[0]!.id,
        name: 'x',
      })
      return evalrun.runs.wait(run, { timeoutMs: 50, pollIntervalMs: 10, maxPollIntervalMs: 10 })
    },
  },
  {
    what: 'Braintrust: API error (401, bearer key)',
    error: EvalrunApiError,
    fail: () => braintrustOn(`${vendor.url}/status-401`).runs.get('braintrust:e1'),
  },
  {
    what: 'Braintrust: eval launch whose stream breaks before its start event (outcome unknown)',
    error: EvalrunOutcomeUnknownError,
    before: () => sandbox.setFaults({ rate: 1, kinds: ['reset'], vendors: ['braintrust'] }),
    fail: braintrustLaunch,
  },
  {
    what: 'Braintrust: eval launch whose stream never starts (outcome unknown after the time limit)',
    error: EvalrunOutcomeUnknownError,
    fail: () =>
      braintrustOn(silent.url, { timeoutMs: 50 }).runs.start({
        vendor: 'braintrust',
        projectId: 'p1',
        data: { dataset_id: 'd1' },
        task: { function_id: 'f1' },
        scores: [{ global_function: 'Factuality' }],
      }),
  },
  {
    what: 'Braintrust: wait timeout on a running experiment',
    error: EvalrunWaitDeadlineError,
    fail: async () => {
      const run = await braintrustLaunch()
      return braintrustOn(sandbox.urls.braintrust).runs.wait(run, {
        timeoutMs: 50,
        pollIntervalMs: 10,
        maxPollIntervalMs: 10,
      })
    },
  },
  {
    what: 'Braintrust: cancel not supported',
    error: EvalrunNotSupportedError,
    fail: () => braintrustOn(vendor.url).runs.cancel('braintrust:e1'),
  },
  {
    what: 'config: key with CR/LF',
    error: EvalrunInvalidConfigError,
    fail: () => createEvalrun({ datalab: { apiKey: `${FAKE_KEY}\r\nX-Evil: 1` } }),
  },
  {
    what: 'config: key with a space',
    error: EvalrunInvalidConfigError,
    fail: () => createEvalrun({ datalab: { apiKey: `${FAKE_KEY} x` } }),
  },
  {
    what: 'config: key as the URL password',
    error: EvalrunInvalidConfigError,
    fail: () =>
      createEvalrun({ datalab: { apiKey: 'k', baseUrl: `https://user:${FAKE_KEY}@api.example.com` } }),
  },
  {
    what: 'config: key in the URL query',
    error: EvalrunInvalidConfigError,
    fail: () =>
      createEvalrun({ datalab: { apiKey: 'k', baseUrl: `https://api.example.com/?api_key=${FAKE_KEY}` } }),
  },
  {
    what: 'config: http:// off loopback',
    error: EvalrunInvalidConfigError,
    fail: () => createEvalrun({ datalab: { apiKey: FAKE_KEY, baseUrl: 'http://api.example.com' } }),
  },
  {
    what: 'invalid input',
    error: EvalrunInvalidInputError,
    fail: () => datalabAt(vendor.url).runs.list({ limit: -1 }),
  },
  {
    what: 'not configured',
    error: EvalrunNotConfiguredError,
    fail: () => datalabAt(vendor.url).runs.get('promptlayer:1'),
  },
  {
    what: 'not supported',
    error: EvalrunNotSupportedError,
    fail: () => datalabAt(vendor.url).runs.cancel('datalab:1'),
  },
]

describe('the key never appears in an error', () => {
  it.each(PATHS)('$what', async ({ what, error: errorClass, fail, before }) => {
    before?.()
    const error = await failureOf(fail).finally(() => sandbox.setFaults(null))
    expect(errorClass.isInstance(error), `${what}: got ${String(error)}`).toBe(true)
    expectKeyNotIn(error, what)
    if (EvalrunListError.isInstance(error))
      for (const f of error.failures) expectKeyNotIn(f.error, `${what} (failure)`)
    checked.push(what)
  })
})

describe('keys go only to the configured base URL', () => {
  it('a redirect to another origin drops the key (facade level, every vendor, bearer too)', async () => {
    const elsewhere = await startLoopbackServer(() => ({ status: 404, body: { detail: 'elsewhere' } }))
    const redirecting = await startLoopbackServer((request) => ({
      status: 302,
      headers: { location: `${elsewhere.url}${request.url}` },
    }))
    try {
      const evalrun = createEvalrun({
        datalab: { apiKey: FAKE_KEY, baseUrl: `${redirecting.url}/dl` },
        promptlayer: { apiKey: FAKE_KEY, baseUrl: `${redirecting.url}/pl` },
        humanloop: { apiKey: FAKE_KEY, baseUrl: `${redirecting.url}/hl`, fileIds: ['pr_1'] },
        openai: { apiKey: FAKE_KEY, baseUrl: `${redirecting.url}/oa` },
        braintrust: { apiKey: FAKE_KEY, baseUrl: `${redirecting.url}/bt` },
        langfuse: { publicKey: LANGFUSE_PUBLIC_KEY, secretKey: FAKE_KEY, baseUrl: `${redirecting.url}/lf` },
        phoenix: { apiKey: FAKE_KEY, baseUrl: `${redirecting.url}/phx` },
        retry: false,
      })
      for (const ref of [
        'datalab:1',
        'promptlayer:2',
        'humanloop:evr_1/run_1',
        'openai:eval_1/run_1',
        'braintrust:e1',
        'langfuse:exp_1',
        'phoenix:RXhwZXJpbWVudDox',
      ]) {
        expectKeyNotIn(await failureOf(() => evalrun.runs.get(ref)), `redirected ${ref}`)
      }
      expect(redirecting.requests.length).toBeGreaterThanOrEqual(6)
      // Humanloop reads three resources at once; some may still be on their way when the first one fails.
      expect(elsewhere.requests.length).toBeGreaterThanOrEqual(3)
      // The configured origin got the key; the other origin got no key, in any header.
      // As the vendor's own header (X-API-Key), as a bearer token (Authorization: Bearer …), or both Langfuse
      // keys as basic auth (Authorization: Basic <base64>).
      for (const request of redirecting.requests) {
        const headers = JSON.stringify(request.headers)
        expect(headers.includes(FAKE_KEY) || headers.includes(BASIC_TOKEN), headers).toBe(true)
      }
      for (const request of elsewhere.requests) {
        for (const secret of [FAKE_KEY, LANGFUSE_PUBLIC_KEY, BASIC_TOKEN]) {
          expect(JSON.stringify(request.headers)).not.toContain(secret)
          expect(request.url).not.toContain(secret)
        }
      }
      recordFigures('secrets-redirect', {
        requestsToConfiguredOrigin: redirecting.requests.length,
        requestsFollowedElsewhere: elsewhere.requests.length,
        followedRequestsCarryingKey: elsewhere.requests.filter((r) =>
          [FAKE_KEY, BASIC_TOKEN].some((secret) => JSON.stringify(r.headers).includes(secret)),
        ).length,
      })
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close()])
    }
  })
})

describe("Langfuse's two keys never appear in an error", () => {
  const langfuseChecked: string[] = []
  let echoing: LoopbackServer
  beforeAll(async () => {
    // A server that answers 401 quoting the credentials it got, raw and decoded: the worst echo a proxy could do.
    echoing = await startLoopbackServer((request) => {
      const authorization = String(request.headers.authorization ?? '')
      const decoded = Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString()
      return { status: 401, body: { message: `Invalid credentials: ${authorization} (${decoded})` } }
    })
  })
  afterAll(async () => {
    await echoing.close()
    recordFigures('secrets-api-langfuse', {
      failurePathsChecked: langfuseChecked.length,
      paths: langfuseChecked,
    })
  })

  const langfuseAt = (baseUrl: string, extra: object = {}) =>
    createEvalrun({
      datalab: false,
      promptlayer: false,
      humanloop: false,
      openai: false,
      langfuse: { publicKey: LANGFUSE_PUBLIC_KEY, secretKey: FAKE_KEY, baseUrl },
      retry: fast,
      ...extra,
    })
  const onLangfuseSandbox = () => langfuseAt(sandbox.urls.langfuse)

  const LANGFUSE_PATHS: FailurePath[] = [
    {
      what: 'a 401 that quotes the credentials back',
      error: EvalrunApiError,
      fail: () => langfuseAt(echoing.url).runs.get('langfuse:exp_1'),
    },
    {
      what: 'a 401 on a listing (list error)',
      error: EvalrunListError,
      fail: () => collect(langfuseAt(echoing.url).runs.list({ onWarning: () => {} })),
    },
    {
      what: 'API error (500 after retries) reading items',
      error: EvalrunApiError,
      fail: () => collect(langfuseAt(`${vendor.url}/status-500`).runs.results('langfuse:exp_1')),
    },
    {
      what: 'not found (404)',
      error: EvalrunNotFoundError,
      fail: () => langfuseAt(`${vendor.url}/status-404`).runs.get('langfuse:exp_1'),
    },
    {
      what: 'network error (connection refused)',
      error: EvalrunNetworkError,
      fail: () => langfuseAt('http://127.0.0.1:9').runs.get('langfuse:exp_1'),
    },
    {
      what: 'timeout',
      error: EvalrunRequestTimeoutError,
      fail: () => langfuseAt(silent.url, { timeoutMs: 50 }).runs.get('langfuse:exp_1'),
    },
    {
      what: 'faults on every request of a listing',
      error: EvalrunListError,
      before: () =>
        sandbox.setFaults({ rate: 1, kinds: ['503'], vendors: ['langfuse'], retryAfterSeconds: 0 }),
      fail: () => collect(onLangfuseSandbox().runs.list({ onWarning: () => {} })),
    },
    {
      what: 'wait timeout on an experiment still running',
      error: EvalrunWaitDeadlineError,
      fail: async () => {
        // Quiet for up to 30 days still counts as running: an experiment without experiment scores is not over.
        const patient = createEvalrun({
          datalab: false,
          promptlayer: false,
          humanloop: false,
          openai: false,
          langfuse: {
            publicKey: LANGFUSE_PUBLIC_KEY,
            secretKey: FAKE_KEY,
            baseUrl: sandbox.urls.langfuse,
            quietPeriodMs: 30 * 86_400_000,
          },
          retry: fast,
        })
        const runs = await collect(patient.runs.list({ status: 'running', onWarning: () => {} }))
        return patient.runs.wait(runs[0]!, { timeoutMs: 50, pollIntervalMs: 10, maxPollIntervalMs: 10 })
      },
    },
    {
      what: 'config: secret key with CR/LF',
      error: EvalrunInvalidConfigError,
      fail: () =>
        createEvalrun({
          langfuse: { publicKey: LANGFUSE_PUBLIC_KEY, secretKey: `${FAKE_KEY}\r\nX-Evil: 1` },
        }),
    },
    {
      what: 'config: public key with a colon',
      error: EvalrunInvalidConfigError,
      fail: () => createEvalrun({ langfuse: { publicKey: `${LANGFUSE_PUBLIC_KEY}:x`, secretKey: FAKE_KEY } }),
    },
    {
      what: 'config: keys in the base URL',
      error: EvalrunInvalidConfigError,
      fail: () =>
        createEvalrun({
          langfuse: {
            publicKey: 'pk',
            secretKey: 'sk',
            baseUrl: `https://${LANGFUSE_PUBLIC_KEY}:${FAKE_KEY}@langfuse.example.com`,
          },
        }),
    },
    {
      what: 'config: keys from the environment, base URL from LANGFUSE_HOST off loopback',
      error: EvalrunInvalidConfigError,
      fail: () =>
        createEvalrun({
          env: {
            LANGFUSE_PUBLIC_KEY: LANGFUSE_PUBLIC_KEY,
            LANGFUSE_SECRET_KEY: FAKE_KEY,
            LANGFUSE_HOST: 'http://langfuse.example.com',
          },
        }),
    },
    {
      what: 'not configured (one key of two)',
      error: EvalrunNotConfiguredError,
      fail: () =>
        createEvalrun({ env: { LANGFUSE_PUBLIC_KEY: LANGFUSE_PUBLIC_KEY } }).runs.get('langfuse:exp_1'),
    },
    {
      what: 'not supported (cancel)',
      error: EvalrunNotSupportedError,
      fail: () => langfuseAt(vendor.url).runs.cancel('langfuse:exp_1'),
    },
  ]

  it.each(LANGFUSE_PATHS)('$what', async ({ what, error: errorClass, fail, before }) => {
    before?.()
    const error = await failureOf(fail).finally(() => sandbox.setFaults(null))
    expect(errorClass.isInstance(error), `${what}: got ${String(error)}`).toBe(true)
    const errors = EvalrunListError.isInstance(error)
      ? [error, ...error.failures.map((f) => f.error)]
      : [error]
    for (const one of errors) {
      for (const secret of [FAKE_KEY, LANGFUSE_PUBLIC_KEY, BASIC_TOKEN]) expectKeyNotIn(one, what, secret)
    }
    langfuseChecked.push(what)
  })
})

describe("Phoenix's key never appears in an error", () => {
  const phoenixChecked: string[] = []
  const EXPERIMENT = 'phoenix:RXhwZXJpbWVudDox'
  let echoing: LoopbackServer
  beforeAll(async () => {
    // Phoenix answers errors in plain text: this one quotes the Authorization header it got.
    echoing = await startLoopbackServer((request) => ({
      status: 401,
      body: `Invalid token: ${String(request.headers.authorization ?? '')}`,
    }))
  })
  afterAll(async () => {
    await echoing.close()
    recordFigures('secrets-api-phoenix', {
      failurePathsChecked: phoenixChecked.length,
      paths: phoenixChecked,
    })
  })

  const phoenixAt = (baseUrl: string, extra: object = {}) =>
    createEvalrun({
      datalab: false,
      promptlayer: false,
      humanloop: false,
      openai: false,
      braintrust: false,
      langfuse: false,
      phoenix: { apiKey: FAKE_KEY, baseUrl },
      retry: fast,
      env: {},
      ...extra,
    })

  const PHOENIX_PATHS: FailurePath[] = [
    {
      what: 'a 401 that quotes the bearer token back',
      error: EvalrunApiError,
      fail: () => phoenixAt(echoing.url).runs.get(EXPERIMENT),
    },
    {
      what: 'a 401 on a listing (list error)',
      error: EvalrunListError,
      fail: () => collect(phoenixAt(echoing.url).runs.list({ onWarning: () => {} })),
    },
    {
      what: 'API error (500 after retries) reading results',
      error: EvalrunApiError,
      fail: () => collect(phoenixAt(`${vendor.url}/status-500`).runs.results(EXPERIMENT)),
    },
    {
      what: 'not found (404)',
      error: EvalrunNotFoundError,
      fail: () => phoenixAt(`${vendor.url}/status-404`).runs.get(EXPERIMENT),
    },
    {
      what: 'network error (connection refused)',
      error: EvalrunNetworkError,
      fail: () => phoenixAt('http://127.0.0.1:9').runs.get(EXPERIMENT),
    },
    {
      what: 'timeout',
      error: EvalrunRequestTimeoutError,
      fail: () => phoenixAt(silent.url, { timeoutMs: 50 }).runs.get(EXPERIMENT),
    },
    {
      what: 'a web app answering 200 HTML that echoes the headers',
      error: EvalrunMalformedResponseError,
      fail: () => phoenixAt(webApp.url).runs.get(EXPERIMENT),
    },
    {
      what: 'faults on every request of a listing',
      error: EvalrunListError,
      before: () =>
        sandbox.setFaults({ rate: 1, kinds: ['503'], vendors: ['phoenix'], retryAfterSeconds: 0 }),
      fail: () => collect(phoenixAt(sandbox.urls.phoenix).runs.list({ onWarning: () => {} })),
    },
    {
      what: 'wait timeout on an experiment still running',
      error: EvalrunWaitDeadlineError,
      fail: async () => {
        // Unchanged for up to 30 days still counts as running: the sandbox's experiments never get that old.
        const patient = phoenixAt(sandbox.urls.phoenix, {
          phoenix: { apiKey: FAKE_KEY, baseUrl: sandbox.urls.phoenix, quietPeriodMs: 30 * 86_400_000 },
        })
        const [run] = await collect(patient.runs.list({ limit: 1, onWarning: () => {} }))
        return patient.runs.wait(run!, { timeoutMs: 50, pollIntervalMs: 10, maxPollIntervalMs: 10 })
      },
    },
    {
      what: 'config: key with CR/LF',
      error: EvalrunInvalidConfigError,
      fail: () => createEvalrun({ phoenix: { apiKey: `${FAKE_KEY}\r\nX-Evil: 1` }, env: {} }),
    },
    {
      what: 'config: key in the base URL',
      error: EvalrunInvalidConfigError,
      fail: () =>
        createEvalrun({
          phoenix: { apiKey: 'k', baseUrl: `https://user:${FAKE_KEY}@phoenix.example.com` },
          env: {},
        }),
    },
    {
      what: 'config: key from the environment, PHOENIX_HOST plain http off loopback',
      error: EvalrunInvalidConfigError,
      fail: () =>
        createEvalrun({ env: { PHOENIX_API_KEY: FAKE_KEY, PHOENIX_HOST: 'http://phoenix.example.com' } }),
    },
    {
      what: 'not supported (cancel)',
      error: EvalrunNotSupportedError,
      fail: () => phoenixAt(vendor.url).runs.cancel(EXPERIMENT),
    },
  ]

  it.each(PHOENIX_PATHS)('$what', async ({ what, error: errorClass, fail, before }) => {
    before?.()
    const error = await failureOf(fail).finally(() => sandbox.setFaults(null))
    expect(errorClass.isInstance(error), `${what}: got ${String(error)}`).toBe(true)
    const errors = EvalrunListError.isInstance(error)
      ? [error, ...error.failures.map((f) => f.error)]
      : [error]
    for (const one of errors) expectKeyNotIn(one, what)
    phoenixChecked.push(what)
  })
})
