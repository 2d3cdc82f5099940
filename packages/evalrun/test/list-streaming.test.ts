import { collect, fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { type MergeOutcome, mergeStreams } from '../src/core/merge-streams.js'
import { createEvalrun } from '../src/index.js'
import { mapHumanloopRun } from '../src/vendors/humanloop/map-run.js'
import type { HumanloopRawRun } from '../src/vendors/humanloop/types.js'
import { mapPromptLayerListedRun, promptLayerPipelineContext } from '../src/vendors/promptlayer/map-run.js'
import type { PromptLayerRawRun } from '../src/vendors/promptlayer/types.js'
import { humanloopEvaluation, humanloopRunCompleted, humanloopStats } from './fixtures/humanloop.js'
import { promptlayerList, promptlayerPipeline, promptlayerRunCompleted } from './fixtures/promptlayer.js'
import { promptlayerNoTables } from './fixtures/promptlayer-tables.js'
import { vendorOptions } from './helpers/vendor-options.js'

// Issue 7: listing maps and hands out runs one at a time, holding about one vendor page (or one Humanloop
// evaluation) at once, whatever the number of runs.

const humanloopRun = (id: string) => ({ ...humanloopRunCompleted, id })

describe('runs.list streams', () => {
  it('yields the first Humanloop run before the next evaluation is read', async () => {
    const evaluations = ['evr_1', 'evr_2'].map((id) => ({ ...humanloopEvaluation, id }))
    const { fetch, requests } = fakeFetch({
      'GET /hl/evaluations': () => json({ records: evaluations, page: 1, size: 100, total: 2 }),
      'GET /hl/evaluations/{id}/runs': ({ url }) => {
        const evaluationId = url.pathname.split('/')[3]
        return json({ runs: [1, 2, 3].map((n) => humanloopRun(`${evaluationId}_run_${n}`)) })
      },
      'GET /hl/evaluations/{id}/stats': () => json(humanloopStats),
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), datalab: false, promptlayer: false })
    const paths = () => requests.map((request) => request.url.pathname)
    const refs: string[] = []
    for await (const run of evalrun.runs.list()) {
      refs.push(run.ref)
      if (refs.length === 1) expect(paths().some((path) => path.includes('evr_2'))).toBe(false)
    }
    expect(refs).toEqual([
      'humanloop:evr_1/evr_1_run_1',
      'humanloop:evr_1/evr_1_run_2',
      'humanloop:evr_1/evr_1_run_3',
      'humanloop:evr_2/evr_2_run_1',
      'humanloop:evr_2/evr_2_run_2',
      'humanloop:evr_2/evr_2_run_3',
    ])
  })

  it('maps a Humanloop run with its own stats entry, the evaluator names read once per evaluation', async () => {
    const { fetch } = fakeFetch({
      'GET /hl/evaluations': () => json({ records: [humanloopEvaluation], page: 1, size: 100, total: 1 }),
      'GET /hl/evaluations/{id}/runs': () =>
        json({ runs: [humanloopRun('run_B2'), humanloopRun('run_none'), humanloopRun('run_A1')] }),
      'GET /hl/evaluations/{id}/stats': () => json(humanloopStats),
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), datalab: false, promptlayer: false })
    const runs = await collect(evalrun.runs.list())
    expect(runs.map((run) => [run.id, run.progress.completed])).toEqual([
      ['run_B2', 12],
      ['run_none', null],
      ['run_A1', 40],
    ])
    // The same as mapping each run on its own.
    const statsA1 = humanloopStats.run_stats[0]
    const alone = mapHumanloopRun(
      {
        evaluation: humanloopEvaluation,
        run: (runs[2]?.raw as HumanloopRawRun | undefined)?.run,
        stats: statsA1,
      },
      'x',
    )
    expect(runs[2]?.metrics).toEqual(alone.metrics)
    expect(runs[2]?.metrics.map((metric) => metric.name)).toEqual(['Politeness', 'Accuracy', 'Tone'])
  })

  it('yields the first PromptLayer run before the next page is read, raw pipelines kept once and slim', async () => {
    const runsOf = (pipelineId: number) =>
      [1, 2, 3].map((n) => ({
        ...promptlayerRunCompleted,
        id: pipelineId * 10 + n,
        parent_report_id: pipelineId,
      }))
    const { fetch, requests } = fakeFetch({
      'GET /pl/api/public/v2/tables': () => json(promptlayerNoTables),
      'GET /pl/api/public/v2/evaluations': ({ url }) => {
        const page = Number(url.searchParams.get('page'))
        const id = page === 1 ? 500 : 400
        return json(promptlayerList([promptlayerPipeline(id, runsOf(id))], page, 2))
      },
    })
    const evalrun = createEvalrun({ ...vendorOptions(fetch), datalab: false, humanloop: false })
    const runs = []
    for await (const run of evalrun.runs.list()) {
      runs.push(run)
      if (runs.length === 1) expect(requests).toHaveLength(1)
    }
    expect(runs.map((run) => run.id)).toEqual(['5001', '5002', '5003', '4001', '4002', '4003'])
    expect(runs.map((run) => run.suite.name)).toEqual([
      ...Array(3).fill('support-bot regression 500'),
      ...Array(3).fill('support-bot regression 400'),
    ])
    const pipelines = runs.map((run) => {
      const raw = run.raw as PromptLayerRawRun
      return raw.from === 'listing' ? raw.pipeline : null
    })
    for (const pipeline of pipelines) expect(pipeline).not.toHaveProperty('runs')
    expect(pipelines[0]).toEqual(
      (({ runs: _runs, ...rest }) => rest)(promptlayerPipeline(500, [])) as unknown as (typeof pipelines)[0],
    )
    // One slim copy per pipeline, shared by its runs.
    expect(new Set(pipelines).size).toBe(2)
    // Each run keeps its own payload.
    expect(
      runs.map((run) => {
        const raw = run.raw as PromptLayerRawRun
        return raw.from === 'listing' ? raw.run.id : null
      }),
    ).toEqual([5001, 5002, 5003, 4001, 4002, 4003])
  })

  it('maps a listed PromptLayer run the same with or without a shared pipeline context', () => {
    const pipeline = promptlayerPipeline(5001, [promptlayerRunCompleted])
    const shared = mapPromptLayerListedRun(
      promptlayerRunCompleted,
      pipeline,
      promptLayerPipelineContext(pipeline),
    )
    expect(shared).toEqual(mapPromptLayerListedRun(promptlayerRunCompleted, pipeline))
  })
})

describe('mergeStreams', () => {
  it('hands items over in the order they arrive, whatever the order of the sources', async () => {
    let open = () => {}
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    async function* slow() {
      await gate
      yield 'slow'
    }
    async function* fast() {
      for (let i = 0; i < 1000; i++) yield `fast${i}`
      open()
    }
    const outcome: MergeOutcome = { failures: [], completed: [] }
    const seen: string[] = []
    for await (const { value } of mergeStreams(
      [
        { name: 'slow', iterable: slow() },
        { name: 'fast', iterable: fast() },
      ],
      outcome,
      () => {},
    )) {
      seen.push(value)
    }
    expect(seen.slice(0, 1000)).toEqual(Array.from({ length: 1000 }, (_, i) => `fast${i}`))
    expect(seen[1000]).toBe('slow')
    expect(outcome.completed.sort()).toEqual(['fast', 'slow'])
  })

  it('keeps at most one pull in flight per source', async () => {
    let inFlight = 0
    let most = 0
    function counted(name: string, count: number): AsyncIterable<string> {
      let i = 0
      return {
        [Symbol.asyncIterator]: () => ({
          async next() {
            inFlight++
            most = Math.max(most, inFlight)
            await new Promise((resolve) => setTimeout(resolve, 0))
            inFlight--
            return i < count ? { done: false, value: `${name}${i++}` } : { done: true, value: undefined }
          },
        }),
      }
    }
    const outcome: MergeOutcome = { failures: [], completed: [] }
    const items = await collect(
      mergeStreams(
        [
          { name: 'a', iterable: counted('a', 20) },
          { name: 'b', iterable: counted('b', 20) },
        ],
        outcome,
        () => {},
      ),
    )
    expect(items).toHaveLength(40)
    expect(most).toBeLessThanOrEqual(2)
  })
})
