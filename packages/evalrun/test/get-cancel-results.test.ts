import { collect, fakeFetch, json } from '@evalrun/test-support'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createEvalrun,
  EvalrunInvalidInputError,
  EvalrunNotFoundError,
  EvalrunNotSupportedError,
} from '../src/index.js'
import { datalabResults, datalabRunCompleted } from './fixtures/datalab.js'
import { humanloopEvaluation, humanloopLogs, humanloopRuns, humanloopStats } from './fixtures/humanloop.js'
import { promptlayerReport, promptlayerRows, promptlayerScore } from './fixtures/promptlayer.js'
import { vendorOptions } from './helpers/vendor-options.js'

function setup() {
  let humanloopStatus = 'running'
  const { fetch, requests } = fakeFetch({
    'GET /dl/api/v1/eval_batch_runs/{id}': ({ url }) =>
      url.pathname.endsWith('/404') ? json({ detail: 'Not Found' }, 404) : json(datalabRunCompleted),
    'GET /dl/api/v1/eval_batch_runs/{id}/results': () => json(datalabResults),
    'GET /pl/reports/{id}': () => json(promptlayerReport),
    'GET /pl/reports/{id}/score': () => json(promptlayerScore),
    'GET /pl/api/public/v2/evaluations/{id}/rows': ({ url }) => {
      const page = Number(url.searchParams.get('page'))
      // Each page its own rows: a page that repeats the one before would end the listing.
      const rows = promptlayerRows.rows.map(([question, ...rest]) => [
        { ...question, value: `${question?.value} (page ${page})` },
        ...rest,
      ])
      return json({ ...promptlayerRows, rows, page, pages: 2 })
    },
    'GET /hl/evaluations/{id}': () => json(humanloopEvaluation),
    'GET /hl/evaluations/{id}/runs': () =>
      json({
        runs: humanloopRuns.runs.map((run) =>
          run.id === 'run_B2' ? { ...run, status: humanloopStatus } : run,
        ),
      }),
    'GET /hl/evaluations/{id}/stats': () => json(humanloopStats),
    'GET /hl/evaluations/{id}/logs': () => json(humanloopLogs),
    'PATCH /hl/evaluations/{id}/runs/{run_id}': () => {
      humanloopStatus = 'cancelled'
      return json({ ...humanloopRuns.runs[1], status: 'cancelled' })
    },
  })
  return { evalrun: createEvalrun(vendorOptions(fetch)), requests }
}

describe('runs.get', () => {
  it('reads a run of each vendor; raw narrows on vendor', async () => {
    const { evalrun } = setup()
    const datalab = await evalrun.runs.get('datalab:4182')
    expect(datalab).toMatchObject({ vendor: 'datalab', status: 'completed', score: 0.873 })
    const promptlayer = await evalrun.runs.get('promptlayer:5120')
    expect(promptlayer).toMatchObject({ vendor: 'promptlayer', score: 82.5 })
    if (promptlayer.vendor === 'promptlayer') expect(promptlayer.raw.from).toBe('report')
    const humanloop = await evalrun.runs.get({ ref: 'humanloop:evr_7Kq2/run_A1' })
    expect(humanloop).toMatchObject({
      vendor: 'humanloop',
      status: 'completed',
      suite: { name: 'Support answers' },
    })
  })

  it('turns a 404 into EvalrunNotFoundError', async () => {
    const { evalrun } = setup()
    await expect(evalrun.runs.get('datalab:404')).rejects.toSatisfy(EvalrunNotFoundError.isInstance)
    await expect(evalrun.runs.get('humanloop:evr_7Kq2/run_ZZ')).rejects.toThrow(
      'No run run_ZZ in Humanloop evaluation evr_7Kq2.',
    )
  })

  it.each([
    'datalab',
    'datalab:',
    'datalab:abc',
    'promptlayer:1.5',
    'humanloop:evr_1',
    'humanloop:a/b/c',
    'acme:1',
    42,
  ])('rejects the ref %j before sending anything', async (ref) => {
    const { evalrun, requests } = setup()
    await expect(evalrun.runs.get(ref as string)).rejects.toSatisfy(EvalrunInvalidInputError.isInstance)
    expect(requests).toEqual([])
  })
})

describe('runs.wait', () => {
  afterEach(() => vi.useRealTimers())

  it('polls the vendor until the run is terminal', async () => {
    vi.useFakeTimers()
    const statuses = ['processing', 'processing', 'completed']
    const { fetch, requests } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs/{id}': () =>
        json({ ...datalabRunCompleted, status: statuses.shift() ?? 'completed', completed_at: null }),
    })
    const evalrun = createEvalrun(vendorOptions(fetch))
    const waiting = evalrun.runs.wait('datalab:4182')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await waiting).toMatchObject({ status: 'completed', terminal: true })
    expect(requests).toHaveLength(3)
  })

  it('ends at once when the run does not exist', async () => {
    const { evalrun } = setup()
    await expect(evalrun.runs.wait('datalab:404')).rejects.toSatisfy(EvalrunNotFoundError.isInstance)
  })
})

describe('runs.cancel', () => {
  it('cancels a Humanloop run with PATCH status cancelled', async () => {
    const { evalrun, requests } = setup()
    const run = await evalrun.runs.cancel('humanloop:evr_7Kq2/run_B2')
    expect(run).toMatchObject({ status: 'canceled', vendorStatus: 'cancelled', terminal: true })
    const patch = requests.find((r) => r.method === 'PATCH')
    expect(patch?.url.pathname).toBe('/hl/evaluations/evr_7Kq2/runs/run_B2')
    expect(patch?.body).toEqual({ status: 'cancelled' })
  })

  it.each([
    ['datalab:4182', 'cancel is not supported by Datalab: its API has no way to stop a run.'],
    ['promptlayer:5120', 'cancel is not supported by PromptLayer: its API has no way to stop a run.'],
  ])('%s: not supported, nothing sent', async (ref, message) => {
    const { evalrun, requests } = setup()
    const error = await evalrun.runs.cancel(ref).catch((e: unknown) => e)
    expect(EvalrunNotSupportedError.isInstance(error)).toBe(true)
    expect((error as Error).message).toBe(message)
    expect(requests).toEqual([])
  })
})

describe('runs.results', () => {
  it('reads Datalab file results', async () => {
    const { evalrun } = setup()
    const items = await collect(evalrun.runs.results('datalab:4182'))
    expect(items.map((item) => [item.vendor, item.runRef, item.name])).toEqual([
      ['datalab', 'datalab:4182', 'invoice-2026-001.pdf'],
      ['datalab', 'datalab:4182', 'scan-blurry.png'],
    ])
  })

  it('pages PromptLayer rows, numbering them across pages', async () => {
    const { evalrun, requests } = setup()
    const items = await collect(evalrun.runs.results('promptlayer:5120'))
    expect(items.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2'])
  })

  it('reads Humanloop logs of the one run', async () => {
    const { evalrun, requests } = setup()
    const items = await collect(evalrun.runs.results('humanloop:evr_7Kq2/run_A1'))
    expect(items.map((item) => item.status)).toEqual(['passed', 'failed'])
    expect(requests[0]?.url.searchParams.get('run_id')).toBe('run_A1')
  })
})
