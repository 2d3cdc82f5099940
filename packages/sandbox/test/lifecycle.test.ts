import { createDatalabClient } from '@evalrun/datalab'
import { createHumanloopClient } from '@evalrun/humanloop'
import { createPromptLayerClient } from '@evalrun/promptlayer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ clock: 'manual', seed: 2 })
})
afterAll(() => sb.close())

const opts = (vendor: 'datalab' | 'promptlayer' | 'humanloop') => ({
  baseUrl: sb.urls[vendor],
  apiKey: sb.apiKeys[vendor],
  retry: false as const,
})

describe('run life cycle on the manual clock', () => {
  it('the manual clock moves only when advanced', () => {
    const start = sb.clock.now().getTime()
    expect(sb.clock.speed).toBe('manual')
    expect(sb.clock.now().getTime()).toBe(start)
    sb.clock.advance(1_500)
    expect(sb.clock.now().getTime()).toBe(start + 1_500)
  })

  it('Datalab: queued (processing, not started) → processing → completed, counters filling in', async () => {
    const client = createDatalabClient(opts('datalab'))
    const collection = sb.catalog.datalab.collections[0]!
    const started = await client.POST('/api/v1/eval_batch_runs', {
      body: { collection_id: collection.id, eval_rubric_id: 1 },
    })
    const runId = started.data!.id
    const read = async () =>
      (await client.GET('/api/v1/eval_batch_runs/{run_id}', { params: { path: { run_id: runId } } })).data!
    expect(await read()).toMatchObject({
      status: 'processing',
      started_at: null,
      completed_files: 0,
      avg_score: null,
    })
    sb.clock.advance(2_000 + 3 * 500)
    const running = await read()
    expect(running).toMatchObject({ status: 'processing', completed_files: 3, completed_at: null })
    expect(running.started_at).not.toBeNull()
    sb.clock.advance(collection.fileCount * 500)
    const done = await read()
    expect(['completed', 'completed_with_errors']).toContain(done.status)
    expect(done.completed_files).toBe(collection.fileCount)
    expect(done.completed_at).not.toBeNull()
    expect(done.avg_score).toBeGreaterThan(0)
    const results = await client.GET('/api/v1/eval_batch_runs/{run_id}/results', {
      params: { path: { run_id: runId } },
    })
    expect(
      results.data!.file_results.every((result) => ['completed', 'failed'].includes(result.status)),
    ).toBe(true)
  })

  it('PromptLayer: RUNNING with queued cells → COMPLETED with a score', async () => {
    const client = createPromptLayerClient(opts('promptlayer'))
    const pipeline = sb.catalog.promptlayer.pipelines[0]!
    const run = await client.POST('/reports/{report_id}/run', {
      params: { path: { report_id: pipeline.id } },
      body: { name: 'lifecycle' },
    })
    const reportId = run.data!.report_id
    const read = async () =>
      (await client.GET('/reports/{report_id}', { params: { path: { report_id: reportId } } })).data!
    const queued = await read()
    expect(queued.status).toBe('RUNNING')
    expect(queued.stats!.status_counts.COMPLETED + queued.stats!.status_counts.FAILED).toBe(0)
    sb.clock.advance(2_000 + 500)
    const running = await read()
    expect(running.stats!.status_counts.RUNNING).toBeGreaterThan(0)
    sb.clock.advance(3_600_000)
    const done = await read()
    expect(done.status).toBe('COMPLETED')
    expect(done.stats!.status_counts.QUEUED + done.stats!.status_counts.RUNNING).toBe(0)
    const score = await client.GET('/reports/{report_id}/score', {
      params: { path: { report_id: reportId } },
    })
    expect(score.data!.score).toHaveProperty('overall_score')
  })

  it('Humanloop: pending → running → completed, and cancelling a running run freezes it', async () => {
    const client = createHumanloopClient(opts('humanloop'))
    const evaluation = sb.catalog.humanloop.evaluations[0]!.id
    const create = () =>
      client.POST('/evaluations/{id}/runs', {
        params: { path: { id: evaluation } },
        body: {
          dataset: { version_id: sb.catalog.humanloop.datasets[0]!.versionId },
          version: { version_id: sb.catalog.humanloop.versions[0]!.versionId },
        },
      })
    const statusOf = async (runId: string) =>
      (await client.GET('/evaluations/{id}/runs', { params: { path: { id: evaluation } } })).data!.runs.find(
        (r) => r.id === runId,
      )!.status
    const logsOf = async (runId: string) =>
      (
        await client.GET('/evaluations/{id}/logs', {
          params: { path: { id: evaluation }, query: { run_id: [runId], size: 0 } },
        })
      ).data!.total

    const finishing = (await create()).data!.id
    const cancelling = (await create()).data!.id
    expect(await statusOf(finishing)).toBe('pending')
    sb.clock.advance(2_000 + 2 * 500)
    expect(await statusOf(finishing)).toBe('running')
    expect(await logsOf(finishing)).toBe(2)

    const cancelled = await client.PATCH('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id: evaluation, run_id: cancelling } },
      body: { status: 'cancelled' },
    })
    expect(cancelled.data!.status).toBe('cancelled')
    sb.clock.advance(3_600_000)
    expect(await statusOf(finishing)).toBe('completed')
    expect(await statusOf(cancelling)).toBe('cancelled')
    expect(await logsOf(cancelling)).toBe(2)
    const again = await client.PATCH('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id: evaluation, run_id: cancelling } },
      body: { status: 'cancelled' },
    })
    expect(again.response.status).toBe(422)
  })

  it('a speed clock runs faster than real time', async () => {
    const fast = await startSandbox({ clock: { speed: 1_000 }, runs: 0 })
    try {
      const before = fast.clock.now().getTime()
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(fast.clock.now().getTime() - before).toBeGreaterThan(5_000)
      expect(fast.clock.speed).toBe(1_000)
    } finally {
      await fast.close()
    }
  })
})
