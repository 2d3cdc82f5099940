import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'

// The sandbox claims to behave like OpenAI's Evals API: OpenAI's own SDK is the judge. It talks to the sandbox over
// loopback exactly as it would to api.openai.com (bearer key, cursor pages, its own response parsing).
describe("OpenAI's official client against the sandbox", () => {
  let sandbox: Sandbox
  let client: OpenAI
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 5, runs: 40, clock: 'manual' })
    client = new OpenAI({ apiKey: sandbox.apiKeys.openai, baseURL: sandbox.urls.openai, maxRetries: 0 })
  })
  afterAll(() => sandbox.close())

  it('lists every eval and every run by auto-pagination, each once', async () => {
    const evals = []
    for await (const evaluation of client.evals.list({ limit: 2 })) evals.push(evaluation)
    expect(evals.map((e) => e.id).sort()).toEqual(sandbox.catalog.openai.evals.map((e) => e.id).sort())
    const runIds: string[] = []
    for (const evaluation of evals) {
      for await (const run of client.evals.runs.list(evaluation.id, { limit: 3 })) runIds.push(run.id)
    }
    expect(new Set(runIds).size).toBe(runIds.length)
    expect(runIds).toHaveLength(sandbox.stats().runs.openai)
  })

  it('creates a run, reads it and its output items, and cancels it', async () => {
    const { evalId, dataSource } = sandbox
      .sampleStartInputs()
      .find((input) => input.vendor === 'openai') as unknown as {
      evalId: string
      dataSource: OpenAI.Evals.RunCreateParams['data_source']
    }
    const created = await client.evals.runs.create(evalId, {
      name: 'from the official client',
      data_source: dataSource,
    })
    expect(created.status).toBe('queued')
    expect((await client.evals.runs.retrieve(created.id, { eval_id: evalId })).name).toBe(
      'from the official client',
    )
    sandbox.clock.advance(3_000)
    const items = []
    for await (const item of client.evals.runs.outputItems.list(created.id, { eval_id: evalId }))
      items.push(item)
    const canceled = await client.evals.runs.cancel(created.id, { eval_id: evalId })
    expect(canceled.status).toBe('canceled')
    expect(canceled.result_counts.total).toBeGreaterThanOrEqual(items.length)
  })

  it("raises the SDK's own errors: 401 for a wrong key, 404 for an unknown eval", async () => {
    const wrongKey = new OpenAI({ apiKey: 'sk-wrong', baseURL: sandbox.urls.openai, maxRetries: 0 })
    await expect(wrongKey.evals.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
    await expect(client.evals.retrieve('eval_missing')).rejects.toBeInstanceOf(OpenAI.NotFoundError)
  })
})
