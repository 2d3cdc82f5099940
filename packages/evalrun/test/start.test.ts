import { fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { createEvalrun, EvalrunInvalidInputError, type StartRunInput } from '../src/index.js'
import { datalabRunProcessing } from './fixtures/datalab.js'
import {
  humanloopEvaluation,
  humanloopRunRunning,
  humanloopRuns,
  humanloopStats,
} from './fixtures/humanloop.js'
import { promptlayerReport } from './fixtures/promptlayer.js'
import { vendorOptions } from './helpers/vendor-options.js'

function setup() {
  const { fetch, requests } = fakeFetch({
    'POST /dl/api/v1/eval_batch_runs': () => json(datalabRunProcessing),
    'POST /pl/reports/{id}/run': () => json({ success: true, report_id: 5120 }, 201),
    'GET /pl/reports/{id}': () => json({ ...promptlayerReport, status: 'RUNNING' }),
    'POST /hl/evaluations/{id}/runs': () => json(humanloopRunRunning),
    'GET /hl/evaluations/{id}': () => json(humanloopEvaluation),
    'GET /hl/evaluations/{id}/runs': () => json(humanloopRuns),
    'GET /hl/evaluations/{id}/stats': () => json(humanloopStats),
  })
  return { evalrun: createEvalrun(vendorOptions(fetch)), requests }
}

const dataset = { versionId: 'dsv_3' }
const version = { versionId: 'prv_12' }

describe('runs.start validates before sending anything', () => {
  const invalid: [string, unknown, string][] = [
    ['no vendor', { collectionId: 1 }, 'input.vendor'],
    [
      'datalab: collection id not a number',
      { vendor: 'datalab', collectionId: '7', rubricId: 1 },
      'input.collectionId',
    ],
    ['datalab: standard pipeline without rubric', { vendor: 'datalab', collectionId: 7 }, 'input.rubricId'],
    [
      'datalab: extract without page schema',
      { vendor: 'datalab', collectionId: 7, rubricId: 1, pipelineType: 'extract' },
      'input.pageSchema',
    ],
    [
      'datalab: page schema that is not JSON',
      {
        vendor: 'datalab',
        collectionId: 7,
        rubricId: 1,
        pipelineType: 'extract',
        pageSchema: '{title: string}',
      },
      'input.pageSchema',
    ],
    [
      'datalab: segment without segmentation schema',
      { vendor: 'datalab', collectionId: 7, rubricId: 1, pipelineType: 'segment' },
      'input.segmentationSchema',
    ],
    [
      'datalab: unknown pipeline type',
      { vendor: 'datalab', collectionId: 7, rubricId: 1, pipelineType: 'ocr' },
      'input.pipelineType',
    ],
    ['datalab: misspelt option', { vendor: 'datalab', collectionId: 7, rubricID: 1 }, 'input.rubricID'],
    ['promptlayer: no name', { vendor: 'promptlayer', pipelineId: 5001 }, 'input.name'],
    [
      'promptlayer: name too long',
      { vendor: 'promptlayer', pipelineId: 5001, name: 'x'.repeat(256) },
      'input.name',
    ],
    [
      'promptlayer: bad dataset',
      { vendor: 'promptlayer', pipelineId: 5001, name: 'n', datasetId: -1 },
      'input.datasetId',
    ],
    [
      'humanloop: orchestrated without dataset',
      { vendor: 'humanloop', evaluationId: 'evr_1', version },
      'input.dataset',
    ],
    [
      'humanloop: orchestrated without version',
      { vendor: 'humanloop', evaluationId: 'evr_1', dataset },
      'input.version',
    ],
    [
      'humanloop: existing logs without version',
      { vendor: 'humanloop', evaluationId: 'evr_1', orchestrated: false, useExistingLogs: true, dataset },
      'input.version',
    ],
    [
      'humanloop: ambiguous file ref',
      { vendor: 'humanloop', evaluationId: 'evr_1', dataset: { versionId: 'a', fileId: 'b' }, version },
      'input.dataset',
    ],
    [
      'humanloop: blank evaluation id',
      { vendor: 'humanloop', evaluationId: '  ', orchestrated: false },
      'input.evaluationId',
    ],
    ['unknown vendor', { vendor: 'acme' }, 'input.vendor'],
  ]
  it.each(invalid)('%s', async (_, input, field) => {
    const { evalrun, requests } = setup()
    const error = await evalrun.runs.start(input as StartRunInput).catch((e: unknown) => e)
    expect(EvalrunInvalidInputError.isInstance(error)).toBe(true)
    expect((error as EvalrunInvalidInputError).field).toBe(field)
    expect((error as Error).message).toMatch(/^Invalid `.+`: got .+; expected .+\.$/)
    expect(requests).toEqual([])
  })
})

describe('runs.start', () => {
  it('starts a Datalab extract run with an object schema serialised', async () => {
    const { evalrun, requests } = setup()
    const run = await evalrun.runs.start({
      vendor: 'datalab',
      collectionId: 77,
      rubricId: 12,
      pipelineType: 'extract',
      pageSchema: { type: 'object', properties: { total: { type: 'number' } } },
      outputFormat: ['markdown', 'json'],
    })
    expect(run.ref).toBe('datalab:4183')
    expect(run.vendor).toBe('datalab')
    expect(requests[0]?.body).toEqual({
      collection_id: 77,
      pipeline_type: 'extract',
      eval_rubric_id: 12,
      page_schema: '{"type":"object","properties":{"total":{"type":"number"}}}',
      output_format: 'markdown,json',
    })
  })

  it('allows a custom Datalab pipeline without a rubric', async () => {
    const { evalrun, requests } = setup()
    await evalrun.runs.start({ vendor: 'datalab', collectionId: 77, pipelineId: 'cp_AB12' })
    expect(requests[0]?.body).toEqual({ collection_id: 77, pipeline_type: 'convert', pipeline_id: 'cp_AB12' })
  })

  it('starts a PromptLayer run and reads the new report back', async () => {
    const { evalrun, requests } = setup()
    const run = await evalrun.runs.start({
      vendor: 'promptlayer',
      pipelineId: 5001,
      name: 'ci #42',
      datasetId: 1450,
    })
    expect(run).toMatchObject({ ref: 'promptlayer:5120', status: 'running' })
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /pl/reports/5001/run',
      'GET /pl/reports/5120',
    ])
    expect(requests[0]?.body).toEqual({ name: 'ci #42', dataset_id: 1450 })
  })

  it('starts a Humanloop run', async () => {
    const { evalrun, requests } = setup()
    const run = await evalrun.runs.start({
      vendor: 'humanloop',
      evaluationId: 'evr_7Kq2',
      dataset: { versionId: 'dsv_3' },
      version: { fileId: 'pr_support', environment: 'staging' },
    })
    expect(run).toMatchObject({ ref: 'humanloop:evr_7Kq2/run_B2', status: 'running' })
    expect(requests[0]?.body).toEqual({
      dataset: { version_id: 'dsv_3' },
      version: { id: 'pr_support', environment: 'staging' },
    })
  })

  it('returns what the start call said when the read-back fails', async () => {
    const { fetch } = fakeFetch({
      'POST /pl/reports/{id}/run': () => json({ success: true, report_id: 6000 }, 201),
      'GET /pl/reports/{id}': () => json({ success: false, message: 'not yet' }, 503),
    })
    const evalrun = createEvalrun(vendorOptions(fetch))
    const run = await evalrun.runs.start({ vendor: 'promptlayer', pipelineId: 5001, name: 'n' })
    expect(run).toMatchObject({ ref: 'promptlayer:6000', status: 'unknown', terminal: false })
    expect(run.warnings[0]).toContain('reading it back failed')
  })
})
