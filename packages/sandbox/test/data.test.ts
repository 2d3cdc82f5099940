import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { raw } from './helpers.js'

const opened: Sandbox[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sb) => sb.close()))
})
async function open(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  const sb = await startSandbox(options)
  opened.push(sb)
  return sb
}

async function snapshot(sb: Sandbox) {
  const dl = await raw(`${sb.urls.datalab}/api/v1/eval_batch_runs?limit=200`, { key: sb.apiKeys.datalab })
  const pl = await raw(`${sb.urls.promptlayer}/api/public/v2/evaluations?include_runs=true&per_page=100`, {
    key: sb.apiKeys.promptlayer,
    header: 'X-API-KEY',
  })
  const evaluation = sb.catalog.humanloop.evaluations[0]!.id
  const hl = await raw(`${sb.urls.humanloop}/evaluations/${evaluation}/stats`, {
    key: sb.apiKeys.humanloop,
    header: 'X-API-KEY',
  })
  const evalId = sb.catalog.openai.evals[0]!.id
  const bearer = { key: `Bearer ${sb.apiKeys.openai}`, header: 'Authorization' }
  const oa = (await raw(`${sb.urls.openai}/evals/${evalId}/runs?limit=100`, bearer)).json() as {
    data: Array<{ id: string }>
  }
  const items = await raw(`${sb.urls.openai}/evals/${evalId}/runs/${oa.data[0]!.id}/output_items`, bearer)
  return { catalog: sb.catalog, dl: dl.json(), pl: pl.json(), hl: hl.json(), oa, oaItems: items.json() }
}

describe('seeded data', () => {
  it('the same seed gives the same data; another seed different data', async () => {
    const a = await snapshot(await open({ clock: 'manual', seed: 42 }))
    const b = await snapshot(await open({ clock: 'manual', seed: 42 }))
    const c = await snapshot(await open({ clock: 'manual', seed: 43 }))
    expect(b).toEqual(a)
    expect(c.dl).not.toEqual(a.dl)
    expect(c.oa).not.toEqual(a.oa)
  })

  it('has the documented status mix and runs spread over the suites', async () => {
    const sb = await open({ clock: 'manual', runs: 200, suites: 4 })
    expect(sb.stats().runs).toEqual({
      datalab: 200,
      promptlayer: 200,
      humanloop: 200,
      openai: 200,
      braintrust: 200,
      langfuse: 200,
      phoenix: 200,
    })
    const listed = (
      await raw(`${sb.urls.datalab}/api/v1/eval_batch_runs?limit=200`, { key: sb.apiKeys.datalab })
    ).json() as {
      batch_runs: Array<{ status: string; collection_id: number; created: string; id: number }>
    }
    const statuses = new Set(listed.batch_runs.map((run) => run.status))
    expect([...statuses].sort()).toEqual(['completed', 'completed_with_errors', 'failed', 'processing'])
    expect(new Set(listed.batch_runs.map((run) => run.collection_id)).size).toBe(4)
    // Newest first, ties by id: the documented, stable order.
    const order = listed.batch_runs.map((run) => [Date.parse(run.created), run.id] as const)
    for (let i = 1; i < order.length; i++) {
      const [created, id] = order[i]!
      const [previousCreated, previousId] = order[i - 1]!
      expect(created < previousCreated || (created === previousCreated && id < previousId)).toBe(true)
    }
    const oldest = Date.parse(listed.batch_runs.at(-1)!.created)
    expect(sb.clock.now().getTime() - oldest).toBeLessThan(32 * 86_400_000)

    const evaluation = sb.catalog.humanloop.evaluations[0]!.id
    const runs = (
      await raw(`${sb.urls.humanloop}/evaluations/${evaluation}/runs`, {
        key: sb.apiKeys.humanloop,
        header: 'X-API-KEY',
      })
    ).json() as {
      runs: Array<{ status: string }>
    }
    expect(new Set(runs.runs.map((run) => run.status))).toEqual(
      new Set(['pending', 'running', 'completed', 'cancelled']),
    )

    const openaiStatuses = new Set<string>()
    for (const { id } of sb.catalog.openai.evals) {
      const page = (
        await raw(`${sb.urls.openai}/evals/${id}/runs?limit=100`, {
          key: `Bearer ${sb.apiKeys.openai}`,
          header: 'Authorization',
        })
      ).json() as { data: Array<{ status: string }>; has_more: boolean }
      expect(page.has_more).toBe(false)
      expect(page.data.length).toBe(50)
      for (const run of page.data) openaiStatuses.add(run.status)
    }
    expect([...openaiStatuses].sort()).toEqual(['canceled', 'completed', 'failed', 'in_progress', 'queued'])

    // Langfuse has no status: experiments that ended (some with experiment-level scores) and ones still going.
    const basic = `Basic ${Buffer.from(sb.apiKeys.langfuse).toString('base64')}`
    const experiments = (
      await raw(
        `${sb.urls.langfuse}/api/public/experiments?fromStartTime=1970-01-01T00:00:00Z&limit=100&fields=scores`,
        {
          key: basic,
          header: 'Authorization',
        },
      )
    ).json() as { data: Array<{ datasetId: string; endTime: string; scores: unknown[] }> }
    expect(experiments.data).toHaveLength(100)
    expect(new Set(experiments.data.map((e) => e.datasetId)).size).toBe(4)
    const now = sb.clock.now().getTime()
    expect(experiments.data.some((e) => now - Date.parse(e.endTime) < 1_000)).toBe(true)
    expect(experiments.data.some((e) => e.scores.length > 0)).toBe(true)
  })

  it('exposes urls, env and a catalog a test can start runs from', async () => {
    const sb = await open({ clock: 'manual', suites: 2 })
    const port = new URL(sb.urls.datalab).port
    expect(sb.urls).toEqual({
      datalab: `http://127.0.0.1:${port}/datalab`,
      promptlayer: `http://127.0.0.1:${port}/promptlayer`,
      humanloop: `http://127.0.0.1:${port}/humanloop/v5`,
      openai: `http://127.0.0.1:${port}/openai/v1`,
      braintrust: `http://127.0.0.1:${port}/braintrust`,
      langfuse: `http://127.0.0.1:${port}/langfuse`,
      phoenix: `http://127.0.0.1:${port}/phoenix`,
    })
    expect(sb.env).toMatchObject({
      DATALAB_BASE_URL: sb.urls.datalab,
      DATALAB_API_KEY: 'sandbox-datalab-key',
      PROMPTLAYER_BASE_URL: sb.urls.promptlayer,
      PROMPTLAYER_API_KEY: 'sandbox-promptlayer-key',
      HUMANLOOP_BASE_URL: sb.urls.humanloop,
      HUMANLOOP_API_KEY: 'sandbox-humanloop-key',
      HUMANLOOP_FILE_IDS: sb.catalog.humanloop.files.map((file) => file.id).join(','),
      OPENAI_BASE_URL: sb.urls.openai,
      OPENAI_API_KEY: 'sandbox-openai-key',
      BRAINTRUST_API_URL: sb.urls.braintrust,
      BRAINTRUST_API_KEY: 'sandbox-braintrust-key',
      LANGFUSE_BASE_URL: sb.urls.langfuse,
      LANGFUSE_PUBLIC_KEY: 'pk-lf-sandbox-0000',
      LANGFUSE_SECRET_KEY: 'sk-lf-sandbox-0000',
      PHOENIX_HOST: sb.urls.phoenix,
      PHOENIX_API_KEY: 'sandbox-phoenix-key',
    })
    expect(sb.catalog.datalab.collections).toHaveLength(2)
    expect(sb.catalog.promptlayer.pipelines).toHaveLength(2)
    expect(sb.catalog.humanloop.evaluations).toHaveLength(2)
    expect(sb.catalog.openai.evals).toHaveLength(2)
    expect(sb.catalog.braintrust.projects).toHaveLength(2)
    expect(sb.catalog.langfuse.datasets).toHaveLength(2)
    expect(sb.catalog.phoenix.datasets).toHaveLength(2)
    // Langfuse and Phoenix experiments run in the user's code: nothing to start there.
    expect(sb.sampleStartInputs().map((input) => input.vendor)).toEqual([
      'datalab',
      'promptlayer',
      'humanloop',
      'openai',
      'braintrust',
    ])
    expect(sb.clock.now().toISOString()).toBe('2026-01-15T12:00:00.000Z')
  })

  it('rejects bad options', async () => {
    await expect(startSandbox({ runs: -1 })).rejects.toThrow(RangeError)
    await expect(startSandbox({ faults: { rate: 2 } })).rejects.toThrow(RangeError)
    await expect(startSandbox({ clock: { speed: Number.NaN } })).rejects.toThrow(RangeError)
  })
})
