import { createDatalabClient } from '@evalrun/datalab'
import { createHumanloopClient } from '@evalrun/humanloop'
import { createPromptLayerClient } from '@evalrun/promptlayer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { createResponseValidator } from './helpers.js'

// Every operation of every vendored spec, called through the real vendor clients; each response is also
// validated against the spec on the way.
let sb: Sandbox
let validator: Awaited<ReturnType<typeof createResponseValidator>>

beforeAll(async () => {
  sb = await startSandbox({ clock: 'manual', seed: 7 })
  validator = await createResponseValidator(sb)
})
afterAll(() => sb.close())

const options = (vendor: 'datalab' | 'promptlayer' | 'humanloop') => ({
  baseUrl: sb.urls[vendor],
  apiKey: sb.apiKeys[vendor],
  fetch: validator.fetch,
  retry: false as const,
})

describe('Datalab client round-trips every operation', () => {
  it('collections, rubrics and batch runs', async () => {
    const client = createDatalabClient(options('datalab'))
    const created = await client.POST('/api/v1/collections', {
      body: { name: 'Sandbox test docs', description: 'from a test' },
    })
    expect(created.response.status).toBe(200)
    const collectionId = created.data!.id
    expect(created.data).toMatchObject({ name: 'Sandbox test docs', file_count: 0, archived: false })

    const added = await client.POST('/api/v1/collections/{collection_id}/files', {
      params: { path: { collection_id: collectionId } },
      body: { uploaded_file_ids: [9001, 9002, 9003] },
    })
    expect(added.data!.file_count).toBe(3)

    const firstPage = await client.GET('/api/v1/collections/{collection_id}/files', {
      params: { path: { collection_id: collectionId }, query: { limit: 2 } },
    })
    expect(firstPage.data!.files.map((file) => file.uploaded_file_id)).toEqual([9001, 9002])
    const secondPage = await client.GET('/api/v1/collections/{collection_id}/files', {
      params: {
        path: { collection_id: collectionId },
        query: { limit: 2, cursor: firstPage.data!.next_cursor },
      },
    })
    expect(secondPage.data).toMatchObject({ total: 3, next_cursor: null })
    expect(secondPage.data!.files.map((file) => file.uploaded_file_id)).toEqual([9003])

    const rubrics = await client.GET('/api/v1/eval_rubrics', { params: { query: { limit: 2 } } })
    expect(rubrics.data!.total).toBe(sb.catalog.datalab.rubrics.length)
    const rubricId = rubrics.data!.rubrics[0]!.id
    const rubric = await client.GET('/api/v1/eval_rubrics/{rubric_id}', {
      params: { path: { rubric_id: rubricId } },
    })
    expect(rubric.data!.name).toBe(sb.catalog.datalab.rubrics[0]!.name)
    const updated = await client.PUT('/api/v1/eval_rubrics/{rubric_id}', {
      params: { path: { rubric_id: rubricId } },
      body: { name: 'Renamed rubric', eval_definition: { criteria: [] } },
    })
    expect(updated.data).toMatchObject({ name: 'Renamed rubric', version: 2 })
    const fromFeedback = await client.POST('/api/v1/eval_rubrics/from_feedback', {
      body: {
        name: 'From feedback',
        feedback_items: [{ feedback: 'Tables lose their headers', feedback_type: 'incorrect' }],
      },
    })
    expect(fromFeedback.data!.source).toBe('feedback')
    const imported = await client.POST('/api/v1/eval_rubrics/import_from_pipeline', {
      body: { pipeline_id: 'cp_ABCDE' },
    })
    expect(imported.data!.source_processor_id).toBe('cp_ABCDE')
    const deleted = await client.DELETE('/api/v1/eval_rubrics/{rubric_id}', {
      params: { path: { rubric_id: imported.data!.id } },
    })
    expect(deleted.data!.archived).toBe(true)
    const active = await client.GET('/api/v1/eval_rubrics', {})
    const all = await client.GET('/api/v1/eval_rubrics', { params: { query: { include_archived: true } } })
    expect(all.data!.total).toBe(active.data!.total + 1)

    const started = await client.POST('/api/v1/eval_batch_runs', {
      body: { collection_id: collectionId, eval_rubric_id: rubricId },
    })
    expect(started.data).toMatchObject({
      status: 'processing',
      total_files: 3,
      completed_files: 0,
      started_at: null,
    })
    const runId = started.data!.id
    const fetched = await client.GET('/api/v1/eval_batch_runs/{run_id}', {
      params: { path: { run_id: runId } },
    })
    expect(fetched.data!.id).toBe(runId)
    const results = await client.GET('/api/v1/eval_batch_runs/{run_id}/results', {
      params: { path: { run_id: runId } },
    })
    expect(results.data!.file_results).toHaveLength(3)
    const listed = await client.GET('/api/v1/eval_batch_runs', {
      params: { query: { collection_id: collectionId } },
    })
    expect(listed.data).toMatchObject({ total: 1 })
    expect(listed.data!.batch_runs[0]!.id).toBe(runId)
  })
})

describe('PromptLayer client round-trips every operation', () => {
  it('pipelines, runs, rows, scores, rename and archive', async () => {
    const client = createPromptLayerClient(options('promptlayer'))
    const datasetGroupId = 201 // the first seeded pipeline's dataset group
    const created = await client.POST('/reports', {
      body: {
        dataset_group_id: datasetGroupId,
        name: 'Sandbox pipeline',
        columns: [
          {
            column_type: 'LLM_ASSERTION',
            name: 'Helpful',
            configuration: { prompt: 'Is it helpful?' },
            is_part_of_score: true,
          },
        ],
        external_ids: [{ source: 'ci', external_id: 'pipeline-1' }],
      },
    })
    expect(created.response.status).toBe(201)
    const pipelineId = created.data!.report_id

    const run = await client.POST('/reports/{report_id}/run', {
      params: { path: { report_id: pipelineId } },
      body: { name: 'first run' },
    })
    expect(run.response.status).toBe(201)
    const runId = run.data!.report_id

    const report = await client.GET('/reports/{report_id}', { params: { path: { report_id: runId } } })
    expect(report.data).toMatchObject({ status: 'RUNNING', report: { parent_report_id: pipelineId } })
    sb.clock.advance(60_000)
    const done = await client.GET('/reports/{report_id}', { params: { path: { report_id: runId } } })
    expect(done.data!.status).toBe('COMPLETED')
    const counts = done.data!.stats!.status_counts
    expect(counts.QUEUED + counts.RUNNING).toBe(0)

    const score = await client.GET('/reports/{report_id}/score', { params: { path: { report_id: runId } } })
    expect(score.data!.score.score_type).toMatch(/single_column|none/)
    const rows = await client.GET('/api/public/v2/evaluations/{evaluation_id}/rows', {
      params: { path: { evaluation_id: runId }, query: { per_page: 5 } },
    })
    expect(rows.data!.columns).toEqual(['question', 'expected_answer', 'Helpful'])
    expect(rows.data!.rows[0]).toHaveLength(3)

    const listed = await client.GET('/api/public/v2/evaluations', {
      params: { query: { name: 'sandbox pipeline', include_runs: true } },
    })
    expect(listed.data!.evaluations).toHaveLength(1)
    expect(listed.data!.evaluations[0]!.runs!.map((r) => r.id)).toEqual([runId])

    const renamed = await client.PATCH('/reports/{report_id}/rename', {
      params: { path: { report_id: pipelineId } },
      body: { name: 'Renamed pipeline', tags: ['nightly'] },
    })
    expect(renamed.data!.report).toMatchObject({ name: 'Renamed pipeline', tags: ['nightly'] })
    const archived = await client.DELETE('/reports/{report_id}', {
      params: { path: { report_id: pipelineId } },
    })
    expect(archived.data!.success).toBe(true)
    const deletedList = await client.GET('/api/public/v2/evaluations', {
      params: { query: { status: 'deleted' } },
    })
    expect(deletedList.data!.evaluations.map((e) => e.id)).toContain(pipelineId)
  })
})

describe('Humanloop client round-trips every operation', () => {
  it('evaluations, evaluators, runs, logs and stats', async () => {
    const client = createHumanloopClient(options('humanloop'))
    const file = sb.catalog.humanloop.files[0]!
    const seeded = await client.GET('/evaluations/{id}', {
      params: { path: { id: sb.catalog.humanloop.evaluations[0]!.id } },
    })
    const evaluatorVersionIds = seeded.data!.evaluators.map((entry) => entry.version.version_id)

    const created = await client.POST('/evaluations', {
      body: {
        file: { id: file.id },
        name: 'Sandbox evaluation',
        evaluators: [{ version_id: evaluatorVersionIds[0]! }],
      },
    })
    expect(created.response.status).toBe(201)
    const id = created.data!.id
    const withMore = await client.POST('/evaluations/{id}/evaluators', {
      params: { path: { id } },
      body: { evaluators: [{ version_id: evaluatorVersionIds[1]! }] },
    })
    expect(withMore.data!.evaluators).toHaveLength(2)
    const fewer = await client.DELETE('/evaluations/{id}/evaluators/{evaluator_version_id}', {
      params: { path: { id, evaluator_version_id: evaluatorVersionIds[1]! } },
    })
    expect(fewer.data!.evaluators).toHaveLength(1)

    const listed = await client.GET('/evaluations', { params: { query: { file_id: file.id, size: 50 } } })
    expect(listed.data!.records.map((e) => e.id)).toContain(id)

    const dataset = sb.catalog.humanloop.datasets[0]!
    const version = sb.catalog.humanloop.versions[0]!
    const run = await client.POST('/evaluations/{id}/runs', {
      params: { path: { id } },
      body: { dataset: { version_id: dataset.versionId }, version: { version_id: version.versionId } },
    })
    expect(run.data!.status).toBe('pending')
    const runId = run.data!.id
    const manual = await client.POST('/evaluations/{id}/runs', {
      params: { path: { id } },
      body: { orchestrated: false },
    })
    const withLogs = await client.POST('/evaluations/{id}/runs/{run_id}/logs', {
      params: { path: { id, run_id: manual.data!.id } },
      body: { log_ids: ['log_external_1', 'log_external_2'] },
    })
    expect(withLogs.data!.status).toBe('running')
    const control = await client.PATCH('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id, run_id: runId } },
      body: { control: true },
    })
    expect(control.data!.control).toBe(true)

    const other = sb.catalog.humanloop.evaluations[1]!.id
    const attached = await client.POST('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id: other, run_id: runId } },
    })
    expect(attached.response.status).toBe(200)
    const removed = await client.DELETE('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id: other, run_id: runId } },
    })
    expect(removed.response.status).toBe(204)

    sb.clock.advance(60_000)
    const runs = await client.GET('/evaluations/{id}/runs', { params: { path: { id } } })
    expect(runs.data!.runs.find((r) => r.id === runId)!.status).toBe('completed')
    const completed = await client.PATCH('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id, run_id: manual.data!.id } },
      body: { status: 'completed' },
    })
    expect(completed.data!.status).toBe('completed')

    const stats = await client.GET('/evaluations/{id}/stats', { params: { path: { id } } })
    const runStats = stats.data!.run_stats.find((entry) => entry.run_id === runId)!
    expect(runStats.num_logs).toBe(run.data!.dataset!.datapoints_count)
    expect(runStats.evaluator_stats).toHaveLength(1)
    const logs = await client.GET('/evaluations/{id}/logs', {
      params: { path: { id }, query: { run_id: [runId], size: 100 } },
    })
    expect(logs.data!.total).toBe(runStats.num_logs)
    expect(logs.data!.records.every((record) => record.run_id === runId)).toBe(true)

    const deleted = await client.DELETE('/evaluations/{id}', { params: { path: { id } } })
    expect(deleted.response.status).toBe(204)
    const gone = await client.GET('/evaluations/{id}', { params: { path: { id } } })
    expect(gone.response.status).toBe(404)
  })
})

describe('response validation during the round-trips', () => {
  it('found no response outside the specs', () => {
    expect(validator.checked()).toBeGreaterThan(30)
    expect(validator.problems).toEqual([])
  })
})
