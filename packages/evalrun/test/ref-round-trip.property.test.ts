import { collect, fakeFetch, json } from '@evalrun/test-support'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEvalrun, EvalrunInvalidInputError } from '../src/index.js'
import { braintrustExperiment, braintrustSummary } from './fixtures/braintrust.js'
import { datalabRun } from './fixtures/datalab.js'
import { humanloopEvaluation, humanloopRunCompleted } from './fixtures/humanloop.js'
import { experimentsPage, langfuseConfigsPage, langfuseExperiment } from './fixtures/langfuse.js'
import {
  phoenixDataset,
  phoenixExperiment,
  experimentsPage as phoenixExperimentsPage,
} from './fixtures/phoenix.js'
import {
  promptlayerList,
  promptlayerPipeline,
  promptlayerReport,
  promptlayerRunCompleted,
} from './fixtures/promptlayer.js'
import {
  promptlayerNoTables,
  promptlayerTablesCalculation,
  promptlayerTablesOperation,
  promptlayerTablesScorecard,
  promptlayerTablesVersions,
} from './fixtures/promptlayer-tables.js'
import { vendorOptions } from './helpers/vendor-options.js'

// A ref that `list` emits must be accepted by `get`, `results` and `cancel` for every id the vendor's spec allows:
// integers of any sign for Datalab and PromptLayer (`type: integer`), any non-empty string for Humanloop,
// Langfuse and Phoenix. The
// property: list a run with that id, then `get` its ref, and the request names the same id.

const integerIds = fc.maxSafeInteger().filter(Number.isSafeInteger)
// `.` and `..` cannot be a URL path segment for any client; every other string can.
const stringIds = fc
  .string({ minLength: 1, maxLength: 40, unit: 'binary' })
  .filter((id) => id !== '.' && id !== '..')
const lastPathSegment = (url: URL) => decodeURIComponent(url.pathname.split('/').at(-1) ?? '')
const only = (vendor: 'datalab' | 'promptlayer' | 'humanloop', fetch: (r: Request) => Promise<Response>) => {
  const options = vendorOptions(fetch)
  return createEvalrun({
    ...options,
    datalab: vendor === 'datalab' ? options.datalab : false,
    promptlayer: vendor === 'promptlayer' ? options.promptlayer : false,
    humanloop: vendor === 'humanloop' ? options.humanloop : false,
  })
}

describe('refs round-trip for every id the spec allows', () => {
  it('datalab', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(integerIds, fc.constant(0)), async (id) => {
        const { fetch, requests } = fakeFetch({
          'GET /dl/api/v1/eval_batch_runs': () => json({ batch_runs: [datalabRun(id)], total: 1 }),
          'GET /dl/api/v1/eval_batch_runs/{run_id}': ({ url }) =>
            json(datalabRun(Number(lastPathSegment(url)))),
        })
        const evalrun = only('datalab', fetch)
        const [listed] = await collect(evalrun.runs.list())
        const fetched = await evalrun.runs.get(listed!.ref)
        expect(fetched.ref).toBe(listed!.ref)
        expect(lastPathSegment(requests.at(-1)!.url)).toBe(String(id))
      }),
      { numRuns: 60 },
    )
  })

  it('promptlayer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(integerIds, fc.constant(0)), async (id) => {
        const { fetch, requests } = fakeFetch({
          'GET /pl/api/public/v2/tables': () => json(promptlayerNoTables),
          'GET /pl/api/public/v2/evaluations': () =>
            json(promptlayerList([promptlayerPipeline(5001, [{ ...promptlayerRunCompleted, id }])], 1, 1)),
          'GET /pl/reports/{report_id}': ({ url }) =>
            json({
              ...promptlayerReport,
              report: { ...promptlayerReport.report, id: Number(lastPathSegment(url)) },
            }),
          'GET /pl/reports/{report_id}/score': () => json({ success: false, message: 'no score' }, 404),
        })
        const evalrun = only('promptlayer', fetch)
        const [listed] = await collect(evalrun.runs.list())
        const fetched = await evalrun.runs.get(listed!.ref)
        expect(fetched.ref).toBe(listed!.ref)
        expect(requests.some((r) => r.url.pathname === `/pl/reports/${id}`)).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('humanloop', async () => {
    await fc.assert(
      fc.asyncProperty(stringIds, stringIds, async (evaluationId, runId) => {
        const evaluation = { ...humanloopEvaluation, id: evaluationId, runs_count: 1 }
        const runs = { runs: [{ ...humanloopRunCompleted, id: runId }] }
        const { fetch } = fakeFetch({
          'GET /hl/evaluations': () => json({ records: [evaluation], page: 1, size: 100, total: 1 }),
          'GET /hl/evaluations/{id}': () => json(evaluation),
          'GET /hl/evaluations/{id}/runs': () => json(runs),
          'GET /hl/evaluations/{id}/stats': () => json({ run_stats: [] }),
        })
        const evalrun = only('humanloop', fetch)
        const [listed] = await collect(evalrun.runs.list())
        expect(listed!.id).toBe(runId)
        const fetched = await evalrun.runs.get(listed!.ref)
        expect(fetched.ref).toBe(listed!.ref)
        expect(fetched.suite.id).toBe(evaluationId)
      }),
      { numRuns: 60 },
    )
  })

  it('langfuse (an id holding a comma is looked up by a structured filter)', async () => {
    await fc.assert(
      fc.asyncProperty(stringIds, async (id) => {
        const { fetch, requests } = fakeFetch({
          'GET /lf/api/public/score-configs': () => json(langfuseConfigsPage([])),
          'GET /lf/api/public/experiments': () => json(experimentsPage([langfuseExperiment(id)])),
        })
        const evalrun = createEvalrun({
          fetch,
          retry: false,
          datalab: false,
          promptlayer: false,
          humanloop: false,
          langfuse: { publicKey: 'pk-lf-1', secretKey: 'sk-lf-1', baseUrl: 'http://127.0.0.1:9/lf' },
        })
        const [listed] = await collect(evalrun.runs.list({ since: '2026-11-01', onWarning: () => {} }))
        expect(listed!.id).toBe(id)
        const fetched = await evalrun.runs.get(listed!.ref)
        expect(fetched.ref).toBe(listed!.ref)
        const query = requests.at(-1)!.url.searchParams
        const asked =
          query.get('id') ?? (JSON.parse(query.get('filter') ?? '[]') as [{ value: string }])[0].value
        expect(asked).toBe(id)
      }),
      { numRuns: 60 },
    )
  })

  it('phoenix (suite refs too)', async () => {
    await fc.assert(
      fc.asyncProperty(stringIds, stringIds, async (id, datasetId) => {
        // No run recorded: `get` reads the experiment alone (its export would answer 404).
        const experiment = phoenixExperiment(id, {
          dataset_id: datasetId,
          successful_run_count: 0,
          missing_run_count: 3,
        })
        const { fetch, requests } = fakeFetch({
          'GET /phx/v1/datasets/{id}': () => json({ data: phoenixDataset(datasetId) }),
          'GET /phx/v1/datasets/{id}/experiments': () => json(phoenixExperimentsPage([experiment])),
          'GET /phx/v1/experiments/{id}': () => json({ data: experiment }),
        })
        const evalrun = createEvalrun({
          fetch,
          retry: false,
          datalab: false,
          promptlayer: false,
          humanloop: false,
          openai: false,
          braintrust: false,
          langfuse: false,
          phoenix: { baseUrl: 'http://127.0.0.1:9/phx' },
          env: {},
        })
        const [listed] = await collect(
          evalrun.runs.list({ suite: `phoenix:${encodeURIComponent(datasetId)}` }),
        )
        expect(lastPathSegment(requests[0]!.url)).toBe(datasetId)
        expect(listed!.suite.id).toBe(datasetId)
        expect(listed!.id).toBe(id)
        const suite = await collect(evalrun.runs.list({ suite: listed!.suite.ref }))
        expect(suite.map((run) => run.ref)).toEqual([listed!.ref])
        const fetched = await evalrun.runs.get(listed!.ref)
        expect(fetched.ref).toBe(listed!.ref)
        expect(lastPathSegment(requests.at(-1)!.url)).toBe(id)
        expect(await collect(evalrun.runs.results(listed!.ref))).toEqual([])
        expect(lastPathSegment(requests.at(-1)!.url)).toBe(id)
      }),
      { numRuns: 60 },
    )
  })

  it('braintrust', async () => {
    await fc.assert(
      fc.asyncProperty(stringIds, async (id) => {
        const { fetch, requests } = fakeFetch({
          'GET /bt/v1/experiment': ({ url }) =>
            json({ objects: url.searchParams.has('starting_after') ? [] : [braintrustExperiment(id)] }),
          'GET /bt/v1/experiment/{id}': ({ url }) => json(braintrustExperiment(lastPathSegment(url))),
          'GET /bt/v1/experiment/{id}/summarize': () => json(braintrustSummary),
          'POST /bt/v1/experiment/{id}/fetch': () => json({ events: [] }),
        })
        const evalrun = createEvalrun({
          fetch,
          retry: false,
          datalab: false,
          promptlayer: false,
          humanloop: false,
          openai: false,
          braintrust: { apiKey: 'bt-test-key', baseUrl: 'http://127.0.0.1:9/bt' },
        })
        const [listed] = await collect(evalrun.runs.list())
        expect(listed!.id).toBe(id)
        const fetched = await evalrun.runs.get(listed!.ref)
        expect(fetched.ref).toBe(listed!.ref)
        const read = requests
          .filter((r) => r.method === 'GET' && !r.url.pathname.endsWith('/summarize'))
          .at(-1)
        expect(lastPathSegment(read!.url)).toBe(id)
        await collect(evalrun.runs.results(listed!.ref))
        expect(decodeURIComponent(requests.at(-1)!.url.pathname.split('/').at(-2) ?? '')).toBe(id)
      }),
      { numRuns: 60 },
    )
  })

  it('promptlayer Tables: sheet suites, calculation and operation refs, never read as legacy refs', async () => {
    await fc.assert(
      fc.asyncProperty(stringIds, stringIds, stringIds, async (tableId, sheetId, runId) => {
        const sheet = '/pl/api/public/v2/tables/{table_id}/sheets/{sheet_id}'
        const calculation = { ...promptlayerTablesCalculation, id: runId, status: 'running' }
        const { fetch, requests } = fakeFetch({
          [`GET ${sheet}/scorecard`]: () =>
            json({ ...promptlayerTablesScorecard, latest_calculation: calculation }),
          [`GET ${sheet}/versions`]: () => json(promptlayerTablesVersions([])),
          [`GET ${sheet}/scorecard/calculations/{calculation_id}`]: () =>
            json({ success: true, calculation }),
          [`GET ${sheet}/operations/{operation_id}`]: ({ url }) =>
            json({
              success: true,
              operation: {
                ...promptlayerTablesOperation,
                operation_id: lastPathSegment(url),
                completed_count: 3,
                pending_count: 2,
              },
            }),
        })
        const evalrun = only('promptlayer', fetch)
        const suite = `promptlayer:sheet/${encodeURIComponent(tableId)}/${encodeURIComponent(sheetId)}`
        const [listed] = await collect(evalrun.runs.list({ suite }))
        expect(listed!.suite.ref).toBe(suite)
        const fetched = await evalrun.runs.get(listed!.ref)
        expect(fetched.ref).toBe(listed!.ref)
        // /pl/api/public/v2/tables/<table>/sheets/<sheet>/scorecard/calculations/<calculation>
        const parts = requests.at(-1)!.url.pathname.split('/')
        expect([parts[6], parts[8], parts[11]].map((part) => decodeURIComponent(part ?? ''))).toEqual([
          tableId,
          sheetId,
          runId,
        ])
        const operationRef = listed!.ref.replace(/\/calc\/[^/]*$/, `/op/${encodeURIComponent(runId)}`)
        const operation = await evalrun.runs.get(operationRef)
        expect(operation.ref).toBe(operationRef)
        expect(lastPathSegment(requests.at(-1)!.url)).toBe(runId)
      }),
      { numRuns: 60 },
    )
  })

  it('rejects ids no spec allows, naming the forms', async () => {
    const evalrun = only('promptlayer', fakeFetch({}).fetch)
    for (const ref of [
      'promptlayer:1.5',
      'promptlayer:007',
      'promptlayer:abc',
      'promptlayer:tables/t/s',
      'promptlayer:tables/t/s/run/x',
      'promptlayer:tables/t%2/s/op/x',
      'promptlayer:tables//s/op/x',
    ]) {
      const error = await evalrun.runs.get(ref).catch((e: unknown) => e)
      expect(EvalrunInvalidInputError.isInstance(error), ref).toBe(true)
    }
  })
})
