import { describe, expectTypeOf, it } from 'vitest'
import {
  type CreateTableSheetOperationResponse,
  createPromptLayerClient,
  type ErrorResponse,
  type Evaluation,
  type EvaluationRun,
  type ReportStatus,
  type ScorecardVerdict,
  type SheetRowCell,
  type StatusCounts,
  type TableSheetOperation,
} from '../src/index.js'

const client = createPromptLayerClient({ apiKey: 'k' })

describe('PromptLayer types', () => {
  it('types run status as the two documented values and cell counts as numbers', () => {
    expectTypeOf<ReportStatus>().toEqualTypeOf<'RUNNING' | 'COMPLETED'>()
    expectTypeOf<StatusCounts>().toEqualTypeOf<{
      COMPLETED: number
      FAILED: number
      QUEUED: number
      RUNNING: number
    }>()
    expectTypeOf<NonNullable<Evaluation['runs']>>().toEqualTypeOf<EvaluationRun[]>()
  })

  it('types list query parameters', async () => {
    await client.GET('/api/public/v2/evaluations', {
      params: { query: { include_runs: true, per_page: 100 } },
    })
    // @ts-expect-error status filters archived state: active | deleted | all
    await client.GET('/api/public/v2/evaluations', { params: { query: { status: 'RUNNING' } } })
    // @ts-expect-error sort_by is an enum
    await client.GET('/api/public/v2/evaluations', { params: { query: { sort_by: 'score' } } })
  })

  it('types the run body: name required', async () => {
    await client.POST('/reports/{report_id}/run', { params: { path: { report_id: 1 } }, body: { name: 'x' } })
    await client.POST('/reports/{report_id}/run', {
      params: { path: { report_id: 1 } },
      // @ts-expect-error name is required
      body: { dataset_id: 2 },
    })
  })

  it('narrows errors to ErrorResponse shapes, and data after the error check', async () => {
    const { data, error } = await client.GET('/reports/{report_id}/score', {
      params: { path: { report_id: 1 } },
    })
    if (error) {
      expectTypeOf(error).toExtend<ErrorResponse | { detail?: unknown }>()
      return
    }
    expectTypeOf(data.score.overall_score).toEqualTypeOf<number | null>()
  })

  it('types evaluation rows as arrays of dataset or eval cells', async () => {
    const { data } = await client.GET('/api/public/v2/evaluations/{evaluation_id}/rows', {
      params: { path: { evaluation_id: 1 }, query: { page: 1, per_page: 100 } },
    })
    const cell = data?.rows[0]?.[0]
    if (cell?.type === 'eval') expectTypeOf(cell.status).toEqualTypeOf<string>()
  })

  it('types the Tables API: the key header comes from auth, the start answers are a union', async () => {
    const path = { table_id: 't', sheet_id: 's' }
    const { data } = await client.POST('/api/public/v2/tables/{table_id}/sheets/{sheet_id}/operations', {
      params: { path },
      body: { operation: 'recalculate', row_ids: [0, 2], confirmation_token: null },
    })
    expectTypeOf(data).toEqualTypeOf<CreateTableSheetOperationResponse | undefined>()
    await client.GET('/api/public/v2/tables/{table_id}/sheets/{sheet_id}/operations/{operation_id}', {
      // @ts-expect-error the key is the client's auth, never a per-request header
      params: { path: { ...path, operation_id: 'o' }, header: { 'X-API-KEY': 'k' } },
    })
    expectTypeOf<TableSheetOperation['status']>().toEqualTypeOf<string>()
    expectTypeOf<ScorecardVerdict>().toEqualTypeOf<'pass' | 'warn' | 'fail' | 'error' | 'skipped'>()
    expectTypeOf<NonNullable<SheetRowCell['status']>>().toEqualTypeOf<
      'completed' | 'stale' | 'running' | 'queued' | 'error' | 'cancelled'
    >()
  })
})
