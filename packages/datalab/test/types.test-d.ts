import { describe, expectTypeOf, it } from 'vitest'
import {
  type BatchRunFileResult,
  createDatalabClient,
  type EvalBatchRun,
  type EvalRubric,
  type HTTPValidationError,
  type StartBatchRunRequest,
} from '../src/index.js'

const client = createDatalabClient({ apiKey: 'k' })

describe('Datalab types', () => {
  it('types a batch run, with status as an open string and nullable fields', () => {
    expectTypeOf<EvalBatchRun['id']>().toEqualTypeOf<number>()
    expectTypeOf<EvalBatchRun['status']>().toEqualTypeOf<string>()
    expectTypeOf<EvalBatchRun['avg_score']>().toEqualTypeOf<number | null>()
    expectTypeOf<EvalBatchRun['completed_at']>().toEqualTypeOf<string | null>()
  })

  it('requires path params of the right type', async () => {
    const { data } = await client.GET('/api/v1/eval_batch_runs/{run_id}', { params: { path: { run_id: 1 } } })
    expectTypeOf(data).toEqualTypeOf<EvalBatchRun | undefined>()
    // @ts-expect-error run_id is an integer
    await client.GET('/api/v1/eval_batch_runs/{run_id}', { params: { path: { run_id: '1' } } })
    // @ts-expect-error the path param is required
    await client.GET('/api/v1/eval_batch_runs/{run_id}', {})
  })

  it('types list filters and pagination', async () => {
    await client.GET('/api/v1/eval_batch_runs', {
      params: { query: { collection_id: 1, limit: 50, offset: 0 } },
    })
    // @ts-expect-error no such filter
    await client.GET('/api/v1/eval_batch_runs', { params: { query: { status: 'completed' } } })
    const { data } = await client.GET('/api/v1/eval_batch_runs')
    expectTypeOf(data?.batch_runs).toEqualTypeOf<EvalBatchRun[] | undefined>()
    expectTypeOf(data?.total).toEqualTypeOf<number | undefined>()
  })

  it('types the start body: collection_id required, pipeline_type an enum', async () => {
    expectTypeOf<StartBatchRunRequest['collection_id']>().toEqualTypeOf<number>()
    expectTypeOf<NonNullable<StartBatchRunRequest['pipeline_type']>>().toEqualTypeOf<
      'convert' | 'extract' | 'segment'
    >()
    await client.POST('/api/v1/eval_batch_runs', {
      body: { collection_id: 1, pipeline_type: 'extract', page_schema: '{}' },
    })
    // @ts-expect-error collection_id is required
    await client.POST('/api/v1/eval_batch_runs', { body: { eval_rubric_id: 1 } })
    // @ts-expect-error not a pipeline type
    await client.POST('/api/v1/eval_batch_runs', { body: { collection_id: 1, pipeline_type: 'ocr' } })
  })

  it('narrows data and error', async () => {
    const { data, error } = await client.GET('/api/v1/eval_batch_runs/{run_id}/results', {
      params: { path: { run_id: 1 } },
    })
    if (error) {
      expectTypeOf(error).toExtend<HTTPValidationError | { detail: string }>()
      return
    }
    expectTypeOf(data.file_results).toEqualTypeOf<BatchRunFileResult[]>()
  })

  it('types rubrics', async () => {
    const { data } = await client.PUT('/api/v1/eval_rubrics/{rubric_id}', {
      params: { path: { rubric_id: 3 } },
      body: { eval_definition: { criteria: [] } },
    })
    expectTypeOf(data).toEqualTypeOf<EvalRubric | undefined>()
  })
})
