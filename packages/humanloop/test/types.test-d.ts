import { describe, expectTypeOf, it } from 'vitest'
import {
  type BooleanEvaluatorStats,
  createHumanloopClient,
  type EvaluationRun,
  type EvaluationStatus,
  type EvaluatorStats,
  type NumericEvaluatorStats,
  type SelectEvaluatorStats,
  type TextEvaluatorStats,
} from '../src/index.js'

const client = createHumanloopClient({ apiKey: 'k' })

describe('Humanloop types', () => {
  it('types EvaluationStatus as the four documented values (no failed)', () => {
    expectTypeOf<EvaluationStatus>().toEqualTypeOf<'pending' | 'running' | 'completed' | 'cancelled'>()
    expectTypeOf<EvaluationRun['status']>().toEqualTypeOf<EvaluationStatus>()
  })

  it('types evaluator stats as a union of the four kinds, not never', () => {
    expectTypeOf<EvaluatorStats>().toEqualTypeOf<
      NumericEvaluatorStats | BooleanEvaluatorStats | SelectEvaluatorStats | TextEvaluatorStats
    >()
    expectTypeOf<EvaluatorStats>().not.toBeNever()
    expectTypeOf<NumericEvaluatorStats['percentiles']>().toEqualTypeOf<{ [key: string]: number }>()
    expectTypeOf<SelectEvaluatorStats['num_judgments_per_option']>().toEqualTypeOf<{
      [key: string]: number
    }>()
  })

  it('requires file_id to list evaluations, and pages with page/size', async () => {
    const { data } = await client.GET('/evaluations', {
      params: { query: { file_id: 'pr_1', page: 1, size: 50 } },
    })
    expectTypeOf(data?.records).toExtend<unknown[] | undefined>()
    // @ts-expect-error file_id is required
    await client.GET('/evaluations', { params: { query: { page: 1 } } })
  })

  it('types the run update: status is an EvaluationStatus', async () => {
    await client.PATCH('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id: 'e', run_id: 'r' } },
      body: { status: 'cancelled' },
    })
    await client.PATCH('/evaluations/{id}/runs/{run_id}', {
      params: { path: { id: 'e', run_id: 'r' } },
      // @ts-expect-error there is no failed status
      body: { status: 'failed' },
    })
  })

  it('narrows data after the error check', async () => {
    const { data, error } = await client.GET('/evaluations/{id}/runs', { params: { path: { id: 'e' } } })
    if (error) return
    // openapi-fetch maps responses through Readable<>, so compare member by member.
    expectTypeOf(data.runs).toBeArray()
    expectTypeOf(data.runs[0]!.status).toEqualTypeOf<EvaluationStatus>()
    expectTypeOf(data.runs[0]!.id).toEqualTypeOf<string>()
    expectTypeOf(data.runs[0]!).toExtend<Pick<EvaluationRun, 'id' | 'status' | 'created_at' | 'control'>>()
  })
})
