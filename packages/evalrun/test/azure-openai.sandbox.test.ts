import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvalrun, type EvalRun, type Evalrun, type StartRunInput } from '../src/index.js'

// OpenAI Evals on Azure (AI Foundry / Azure OpenAI) through the OpenAI vendor, on the sandbox's Azure endpoint.
const only = {
  datalab: false,
  promptlayer: false,
  humanloop: false,
  braintrust: false,
  langfuse: false,
} as const

function waitAdvancing(evalrun: Evalrun, sandbox: Sandbox, run: EvalRun): Promise<EvalRun> {
  return evalrun.runs.wait(run, {
    pollIntervalMs: 5,
    maxPollIntervalMs: 5,
    timeoutMs: 60_000,
    onProgress: () => sandbox.clock.advance(60_000),
  })
}

describe('OpenAI on an Azure-style endpoint', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 7, suites: 2, runs: 6, clock: 'manual' })
  })
  afterAll(() => sandbox.close())
  const sample = () =>
    sandbox.sampleStartInputs().find((input) => input.vendor === 'openai') as unknown as StartRunInput

  it('starts, waits for, reads and cancels runs with the key in `api-key`, refs as OpenAI’s', async () => {
    const evalrun = createEvalrun({ ...only, openai: sandbox.azure.openai, env: {} })
    const run = await evalrun.runs.start(sample())
    expect(run.ref).toMatch(/^openai:[^/]+\/[^/]+$/)
    const done = await waitAdvancing(evalrun, sandbox, run)
    expect(done.status).toBe('completed')
    expect(done.score).not.toBeNull()
    const items = await collect(evalrun.runs.results(done))
    expect(items.length).toBeGreaterThan(0)
    expect((await evalrun.runs.get(done.ref)).ref).toBe(done.ref)

    const other = await evalrun.runs.start(sample())
    expect(await evalrun.runs.cancel(other)).toMatchObject({ status: 'canceled', terminal: true })
  })

  it('reads AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT, as Azure documents them', async () => {
    const { azureApiKey, baseUrl } = sandbox.azure.openai
    const env = {
      AZURE_OPENAI_API_KEY: azureApiKey,
      AZURE_OPENAI_ENDPOINT: baseUrl.replace(/\/openai\/v1$/, ''),
    }
    const evalrun = createEvalrun({ ...only, env })
    expect(evalrun.vendors).toEqual(['openai'])
    const runs = await collect(evalrun.runs.list({ vendors: ['openai'], limit: 3 }))
    expect(runs.length).toBeGreaterThan(0)
  })

  it('sends an Entra ID token from the provider (refused by the key-only endpoint, as Azure refuses a bearer)', async () => {
    let calls = 0
    const evalrun = createEvalrun({
      ...only,
      env: {},
      retry: false,
      openai: {
        baseUrl: sandbox.azure.openai.baseUrl,
        azureAdTokenProvider: async () => `eyJ-FAKE-${++calls}`,
      },
    })
    const error = await evalrun.runs
      .get(`openai:${sandbox.catalog.openai.evals[0]!.id}/x`)
      .catch((e: unknown) => e)
    expect((error as { status?: number }).status).toBe(401)
    expect(calls).toBeGreaterThan(0)
    expect(String(error)).not.toContain('eyJ-FAKE')
  })
})
