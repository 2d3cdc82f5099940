import { collect, fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import type { AnyEvalrunAdapter, EvalrunAdapter } from '../src/core/adapter.js'
import { createEvalrunWith } from '../src/core/create-evalrun.js'
import type { EvalrunVendor } from '../src/core/vendor.js'
import {
  createEvalrun,
  EvalrunInvalidInputError,
  EvalrunListError,
  EvalrunNotConfiguredError,
  EvalrunNotSupportedError,
  type EvalSuite,
} from '../src/index.js'
import { mapBraintrustSuite } from '../src/vendors/braintrust/map-suite.js'
import { mapDatalabSuite } from '../src/vendors/datalab/map-suite.js'
import { mapHumanloopSuite } from '../src/vendors/humanloop/map-suite.js'
import { mapLangfuseSuite } from '../src/vendors/langfuse/map-suite.js'
import { mapOpenAISuite } from '../src/vendors/openai/map-suite.js'
import { mapPromptLayerSuite } from '../src/vendors/promptlayer/map-suite.js'
import { braintrustExperiment, PROJECT_ID } from './fixtures/braintrust.js'
import {
  braintrustDataset,
  braintrustFunction,
  braintrustProject,
  datalabRubric,
  datalabRubricList,
  langfuseDataset,
  langfuseDatasetsPage,
  openaiFile,
  openaiFileList,
} from './fixtures/catalog.js'
import { datalabRun } from './fixtures/datalab.js'
import { humanloopEvaluation } from './fixtures/humanloop.js'
import { openaiEval, openaiPage } from './fixtures/openai.js'
import { promptlayerList, promptlayerPipeline } from './fixtures/promptlayer.js'
import {
  promptlayerSheetsPage,
  promptlayerTablesPage,
  SHEET_ID,
  TABLE_ID,
} from './fixtures/promptlayer-tables.js'

const OFF = {
  datalab: false,
  promptlayer: false,
  humanloop: false,
  openai: false,
  braintrust: false,
  langfuse: false,
} as const
const KEYS = {
  datalab: { apiKey: 'dl-test-key', baseUrl: 'http://127.0.0.1:9/dl' },
  promptlayer: { apiKey: 'pl-test-key', baseUrl: 'http://127.0.0.1:9/pl' },
  humanloop: { apiKey: 'hl-test-key', baseUrl: 'http://127.0.0.1:9/hl', fileIds: ['pr_support'] },
  openai: { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9/oa' },
  braintrust: { apiKey: 'sk-bt-test', baseUrl: 'http://127.0.0.1:9/bt' },
  langfuse: { publicKey: 'pk-lf-test', secretKey: 'sk-lf-test', baseUrl: 'http://127.0.0.1:9/lf' },
}
type VendorId = keyof typeof KEYS

/** A client over one vendor only, on a fake fetch. */
const only = (vendor: VendorId, fetch: (request: Request) => Promise<Response>) =>
  createEvalrun({ fetch, retry: false, ...OFF, [vendor]: KEYS[vendor] })

const pick = (suites: EvalSuite[]) => suites.map(({ ref, kind, name }) => ({ ref, kind, name }))

describe('each vendor lists its suites through its list endpoint, every page', () => {
  it('Datalab: the collections its batch runs name, each once, across offset pages', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': ({ url }) =>
        json(
          url.searchParams.get('offset') === '0'
            ? {
                batch_runs: [datalabRun(1, { collection_id: 77 }), datalabRun(2, { collection_id: 78 })],
                total: 3,
              }
            : { batch_runs: [datalabRun(3, { collection_id: 77 })], total: 3 },
        ),
    })
    const suites = await collect(only('datalab', fetch).suites.list())
    expect(pick(suites)).toEqual([
      { ref: 'datalab:77', kind: 'collection', name: null },
      { ref: 'datalab:78', kind: 'collection', name: null },
    ])
    expect(suites[0]?.warnings[0]).toMatch(/no list of collections/)
    expect(requests.map((request) => request.url.searchParams.get('offset'))).toEqual(['0', '2'])
  })

  it('PromptLayer: the pipelines (blueprints), not the batch runs beside them, across numbered pages', async () => {
    const batchRun = { ...promptlayerPipeline(900, []), is_blueprint: false, parent_report_id: 11 }
    const { fetch, requests } = fakeFetch({
      'GET /pl/api/public/v2/evaluations': ({ url }) =>
        json(
          url.searchParams.get('page') === '1'
            ? promptlayerList([promptlayerPipeline(11, []), batchRun], 1, 2)
            : promptlayerList([promptlayerPipeline(12, [])], 2, 2),
        ),
      'GET /pl/api/public/v2/tables': () => json(promptlayerTablesPage),
      [`GET /pl/api/public/v2/tables/${TABLE_ID}/sheets`]: () => json(promptlayerSheetsPage),
    })
    const suites = await collect(only('promptlayer', fetch).suites.list())
    expect(pick(suites)).toEqual([
      { ref: 'promptlayer:11', kind: 'pipeline', name: 'support-bot regression 11' },
      { ref: 'promptlayer:12', kind: 'pipeline', name: 'support-bot regression 12' },
      {
        ref: `promptlayer:sheet/${TABLE_ID}/${SHEET_ID}`,
        kind: 'sheet',
        name: 'Support bot evals / Answers',
      },
    ])
    expect(suites[0]?.createdAt).toEqual(new Date('2026-01-10T12:00:00Z'))
    // Runs are not asked for: pipelines alone keep the pages small.
    const pipelinePages = requests.filter((request) => request.url.pathname.endsWith('/evaluations'))
    expect(pipelinePages.every((request) => request.url.searchParams.get('include_runs') === null)).toBe(true)
  })

  it("Humanloop: each configured file's evaluations, with their names and links", async () => {
    const { fetch, requests } = fakeFetch({
      'GET /hl/evaluations': () => json({ records: [humanloopEvaluation], page: 1, size: 100, total: 1 }),
    })
    const suites = await collect(only('humanloop', fetch).suites.list())
    expect(pick(suites)).toEqual([{ ref: 'humanloop:evr_7Kq2', kind: 'evaluation', name: 'Support answers' }])
    expect(suites[0]?.url).toBe(humanloopEvaluation.url)
    expect(suites[0]?.createdAt).toEqual(new Date('2026-02-01T08:00:00Z'))
    expect(requests[0]?.url.searchParams.get('file_id')).toBe('pr_support')
  })

  it('Humanloop without files to list from: reported as that vendor’s failure, naming how to configure them', async () => {
    const { fetch } = fakeFetch()
    const evalrun = createEvalrun({
      fetch,
      retry: false,
      ...OFF,
      humanloop: { ...KEYS.humanloop, fileIds: [] },
    })
    const error = await collect(evalrun.suites.list()).catch((caught: unknown) => caught)
    expect(EvalrunListError.isInstance(error)).toBe(true)
    const cause = (error as EvalrunListError).failures[0]?.error
    expect(EvalrunNotConfiguredError.isInstance(cause)).toBe(true)
    expect((cause as Error).message).toMatch(/HUMANLOOP_FILE_IDS/)
  })

  it('OpenAI: the evals, newest first, following last_id while has_more', async () => {
    const second = { ...openaiEval, id: 'eval_2', name: 'Tone' }
    const { fetch, requests } = fakeFetch({
      'GET /oa/evals': ({ url }) =>
        json(url.searchParams.get('after') ? openaiPage([second], false) : openaiPage([openaiEval], true)),
    })
    const suites = await collect(only('openai', fetch).suites.list())
    expect(pick(suites)).toEqual([
      { ref: `openai:${openaiEval.id}`, kind: 'eval', name: 'Support answers' },
      { ref: 'openai:eval_2', kind: 'eval', name: 'Tone' },
    ])
    expect(suites[0]?.createdAt).toEqual(new Date(openaiEval.created_at * 1000))
    expect(requests.map((request) => request.url.searchParams.get('order'))).toEqual(['desc', 'desc'])
  })

  it('Braintrust: the projects, continued with starting_after until an empty page', async () => {
    const other = 'c2d1a7e4-0b9f-4e55-8a3c-7d6e5f4a3b21'
    const { fetch, requests } = fakeFetch({
      'GET /bt/v1/project': ({ url }) => {
        const after = url.searchParams.get('starting_after')
        if (after === null) return json({ objects: [braintrustProject(PROJECT_ID, 'Support bot')] })
        if (after === PROJECT_ID) return json({ objects: [braintrustProject(other, 'Router')] })
        return json({ objects: [] })
      },
    })
    const suites = await collect(only('braintrust', fetch).suites.list())
    expect(pick(suites)).toEqual([
      { ref: `braintrust:${PROJECT_ID}`, kind: 'project', name: 'Support bot' },
      { ref: `braintrust:${other}`, kind: 'project', name: 'Router' },
    ])
    expect(requests).toHaveLength(3)
  })

  it('Langfuse: the datasets, page by page up to totalPages, ids percent-encoded in refs', async () => {
    const { fetch, requests } = fakeFetch({
      'GET /lf/api/public/v2/datasets': ({ url }) =>
        json(
          url.searchParams.get('page') === '1'
            ? langfuseDatasetsPage([langfuseDataset('cm9ds01', 'support answers')], 1, 2)
            : langfuseDatasetsPage([langfuseDataset('ds/2', 'triage')], 2, 2),
        ),
    })
    const suites = await collect(only('langfuse', fetch).suites.list())
    expect(pick(suites)).toEqual([
      { ref: 'langfuse:cm9ds01', kind: 'dataset', name: 'support answers' },
      { ref: 'langfuse:ds%2F2', kind: 'dataset', name: 'triage' },
    ])
    expect(suites[1]?.id).toBe('ds/2')
    expect(requests.map((request) => request.url.searchParams.get('page'))).toEqual(['1', '2'])
  })
})

describe('start options, per start flag', () => {
  it('Datalab: collections from the batch runs, then rubrics (archived ones said so)', async () => {
    const { fetch } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': () => json({ batch_runs: [datalabRun(1)], total: 1 }),
      'GET /dl/api/v1/eval_rubrics': () =>
        json(datalabRubricList([datalabRubric(12, 'Tables'), datalabRubric(13, 'Old', true)], 2)),
    })
    const options = await collect(only('datalab', fetch).runs.startOptions('datalab'))
    expect(options.map(({ field, id, name }) => ({ field, id, name }))).toEqual([
      { field: 'collectionId', id: '77', name: null },
      { field: 'rubricId', id: '12', name: 'Tables' },
      { field: 'rubricId', id: '13', name: 'Old (archived)' },
    ])
  })

  it('OpenAI: evals, then files with where a file id goes in the data source', async () => {
    const { fetch } = fakeFetch({
      'GET /oa/evals': () => json(openaiPage([openaiEval], false)),
      'GET /oa/files': () => json(openaiFileList([openaiFile('file-abc', 'support.jsonl')], false)),
    })
    const options = await collect(only('openai', fetch).runs.startOptions('openai'))
    expect(options.map(({ field, kind, id, name }) => ({ field, kind, id, name }))).toEqual([
      { field: 'evalId', kind: 'eval', id: openaiEval.id, name: 'Support answers' },
      { field: 'dataSource', kind: 'file', id: 'file-abc', name: 'support.jsonl' },
    ])
    expect(JSON.parse(`{${options[1]?.use}}`)).toEqual({ source: { type: 'file_id', id: 'file-abc' } })
  })

  it('Braintrust: projects, datasets, functions (each as a task and as a scorer) and base experiments', async () => {
    const datasetId = 'a1b2c3d4-0000-4000-8000-000000000001'
    const functionId = 'a1b2c3d4-0000-4000-8000-000000000002'
    const { fetch } = fakeFetch({
      'GET /bt/v1/project': ({ url }) =>
        json({
          objects: url.searchParams.has('starting_after') ? [] : [braintrustProject(PROJECT_ID, 'Bot')],
        }),
      'GET /bt/v1/dataset': ({ url }) =>
        json({
          objects: url.searchParams.has('starting_after')
            ? []
            : [braintrustDataset(datasetId, PROJECT_ID, 'Gold')],
        }),
      'GET /bt/v1/function': ({ url }) =>
        json({
          objects: url.searchParams.has('starting_after')
            ? []
            : [braintrustFunction(functionId, PROJECT_ID, 'Answer')],
        }),
      'GET /bt/v1/experiment': ({ url }) =>
        json({ objects: url.searchParams.has('starting_after') ? [] : [braintrustExperiment('e1')] }),
    })
    const options = await collect(only('braintrust', fetch).runs.startOptions('braintrust'))
    expect(options.map(({ field, id, use }) => ({ field, id, use }))).toEqual([
      { field: 'projectId', id: PROJECT_ID, use: null },
      { field: 'data', id: datasetId, use: `{ "dataset_id": "${datasetId}" }` },
      { field: 'task', id: functionId, use: `{ "function_id": "${functionId}" }` },
      { field: 'scores', id: functionId, use: `[{ "function_id": "${functionId}" }]` },
      { field: 'baseExperimentId', id: 'e1', use: null },
    ])
  })

  it('PromptLayer and Humanloop: the pipelines and evaluations a run is added to', async () => {
    const pl = fakeFetch({
      'GET /pl/api/public/v2/evaluations': () => json(promptlayerList([promptlayerPipeline(11, [])], 1, 1)),
      'GET /pl/api/public/v2/tables': () => json(promptlayerTablesPage),
      [`GET /pl/api/public/v2/tables/${TABLE_ID}/sheets`]: () => json(promptlayerSheetsPage),
    })
    const promptlayer = await collect(only('promptlayer', pl.fetch).runs.startOptions('promptlayer'))
    expect(promptlayer.map(({ field, id, name, use }) => ({ field, id, name, use }))).toEqual([
      { field: 'pipelineId', id: '11', name: 'support-bot regression 11', use: null },
      { field: 'tableId', id: TABLE_ID, name: 'Support bot evals', use: null },
      {
        field: 'sheetId',
        id: SHEET_ID,
        name: 'Support bot evals / Answers',
        use: `--table ${TABLE_ID} --sheet ${SHEET_ID}`,
      },
    ])
    const hl = fakeFetch({
      'GET /hl/evaluations': () => json({ records: [humanloopEvaluation], page: 1, size: 100, total: 1 }),
    })
    const options = await collect(only('humanloop', hl.fetch).runs.startOptions('humanloop'))
    expect(options.map(({ field, id }) => ({ field, id }))).toEqual([
      { field: 'evaluationId', id: 'evr_7Kq2' },
    ])
  })

  it('an entry without an id is left out and said, not shown blank', async () => {
    const warnings: string[] = []
    const { fetch } = fakeFetch({
      'GET /oa/evals': () => json(openaiPage([{ ...openaiEval, id: undefined as never }], false)),
      'GET /oa/files': () => json(openaiFileList([], false)),
    })
    const options = await collect(
      only('openai', fetch).runs.startOptions('openai', { onWarning: (message) => warnings.push(message) }),
    )
    expect(options).toEqual([])
    expect(warnings.some((message) => /eval listed for evalId has no id/.test(message))).toBe(true)
  })

  it('a vendor that cannot start runs: EvalrunNotSupportedError before anything is sent', () => {
    const { fetch, requests } = fakeFetch()
    expect(() => only('langfuse', fetch).runs.startOptions('langfuse')).toThrow(EvalrunNotSupportedError)
    expect(requests).toEqual([])
  })
})

describe('suite mappers accept anything and never throw', () => {
  const mappers = [
    mapDatalabSuite,
    mapPromptLayerSuite,
    mapHumanloopSuite,
    mapOpenAISuite,
    mapBraintrustSuite,
    mapLangfuseSuite,
  ]
  it.each([null, undefined, 42, 'text', [], {}, { id: 7, name: 3, created_at: 'yesterday', createdAt: {} }])(
    '%j',
    (value) => {
      for (const map of mappers) {
        const suite = map(value)
        if (suite === null) continue
        expect(typeof suite.ref).toBe('string')
        expect(suite.name === null || typeof suite.name === 'string').toBe(true)
        expect(suite.createdAt === null || !Number.isNaN(suite.createdAt.getTime())).toBe(true)
      }
    },
  )

  it('a suite without its id says so; a date that is not one is left null with a warning', () => {
    expect(mapOpenAISuite({ name: 'x' }).warnings).toEqual(['The eval has no id: its suite ref is empty.'])
    const suite = mapBraintrustSuite({ id: 'p1', created: 'last week' })
    expect(suite.createdAt).toBeNull()
    expect(suite.warnings[0]).toMatch(/created is "last week", not a valid ISO 8601 date/)
  })
})

describe('suites.list merges vendors as runs.list does', () => {
  /** A vendor described in the test, its adapter given: with or without `listSuites`. */
  function vendorWith(id: string, adapter: Partial<AnyEvalrunAdapter>): EvalrunVendor {
    return {
      id,
      displayName: id.toUpperCase(),
      credentials: [],
      settingsEnv: [],
      refForm: `${id}:<runId>`,
      suiteRefForm: `${id}:<suiteId>`,
      itemsAre: 'items',
      canCancel: false,
      createAdapter: () =>
        ({
          specificationVersion: 'v1',
          vendor: id,
          displayName: id.toUpperCase(),
          listRuns: async function* () {},
          getRun: async () => {
            throw new Error('unused')
          },
          listItems: async function* () {},
          ...adapter,
        }) as unknown as AnyEvalrunAdapter,
    }
  }
  const suite = (vendor: string, id: string) =>
    ({
      ref: `${vendor}:${id}`,
      vendor,
      id,
      kind: 'dataset',
      name: id,
      createdAt: null,
      url: null,
      raw: null,
      warnings: [],
    }) as EvalSuite

  it('an adapter without listSuites (v1 or v2) still works for runs, and is reported, not skipped', async () => {
    const listing: EvalrunAdapter['listSuites'] = async function* () {
      yield suite('acme', 's1')
      yield suite('acme', 's1')
      yield suite('acme', 's2')
    }
    const evalrun = createEvalrunWith({
      vendors: [vendorWith('acme', { listSuites: listing as never }), vendorWith('legacy', {})],
    })
    expect(await collect(evalrun.runs.list())).toEqual([])
    const seen: EvalSuite[] = []
    const failed: string[] = []
    for await (const entry of evalrun.suites.list({ onError: (_error, vendor) => failed.push(vendor) }))
      seen.push(entry)
    expect(seen.map((entry) => entry.ref)).toEqual(['acme:s1', 'acme:s2'])
    expect(failed).toEqual(['legacy'])
    const error = await collect(evalrun.suites.list()).catch((caught: unknown) => caught)
    expect(EvalrunListError.isInstance(error)).toBe(true)
    expect(EvalrunNotSupportedError.isInstance((error as EvalrunListError).failures[0]?.error)).toBe(true)
    expect((error as EvalrunListError).partial).toEqual({ yielded: 2, completedVendors: ['acme'] })
    // One vendor asked for by name lists that vendor alone.
    expect((await collect(evalrun.suites.list({ vendor: 'acme' as never }))).length).toBe(2)
  })

  it('checks its options before anything is sent', () => {
    const { fetch, requests } = fakeFetch()
    const evalrun = only('openai', fetch)
    expect(() => evalrun.suites.list({ vendor: 'acme' as never })).toThrow(EvalrunInvalidInputError)
    expect(() => evalrun.suites.list({ since: '2026-01-01' } as never)).toThrow(/no such option/)
    expect(() => evalrun.suites.list({ onError: 'log' as never })).toThrow(EvalrunInvalidInputError)
    expect(() => evalrun.suites.list({ vendor: 'datalab' })).toThrow(EvalrunNotConfiguredError)
    expect(requests).toEqual([])
  })
})
