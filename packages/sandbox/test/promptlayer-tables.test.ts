import { createPromptLayerClient } from '@evalrun/promptlayer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { createResponseValidator } from './helpers.js'

// PromptLayer's Tables API in the sandbox: every answer validated against the vendored spec (legacy and Tables
// merged), on a manual clock so that each state of an operation and of a scorecard calculation is seen.
let sb: Sandbox
let validator: Awaited<ReturnType<typeof createResponseValidator>>

beforeAll(async () => {
  sb = await startSandbox({ clock: 'manual', seed: 5 })
  validator = await createResponseValidator(sb)
})
afterAll(() => sb.close())

const client = () =>
  createPromptLayerClient({
    baseUrl: sb.urls.promptlayer,
    apiKey: sb.apiKeys.promptlayer,
    fetch: validator.fetch,
    retry: false,
  })
const sheetWith = (stale: (cells: number) => boolean) => {
  const sheet = sb.catalog.promptlayer.sheets.find((one) => stale(one.staleCells))!
  return { table_id: sheet.tableId, sheet_id: sheet.sheetId }
}
const OPERATIONS = '/api/public/v2/tables/{table_id}/sheets/{sheet_id}/operations' as const
const OPERATION = '/api/public/v2/tables/{table_id}/sheets/{sheet_id}/operations/{operation_id}' as const
const SCORECARD = '/api/public/v2/tables/{table_id}/sheets/{sheet_id}/scorecard' as const

describe('PromptLayer Tables in the sandbox', () => {
  it('lists tables, sheets with several scored versions, rows with both cell enums, and score history', async () => {
    const pl = client()
    const tables = await pl.GET('/api/public/v2/tables', { params: { query: { limit: 1 } } })
    expect(tables.data!.has_more).toBe(true)
    const next = await pl.GET('/api/public/v2/tables', {
      params: { query: { cursor: tables.data!.next_cursor! } },
    })
    expect(next.data!.data).toHaveLength(1)
    for (const table of [...tables.data!.data!, ...next.data!.data!]) {
      const sheets = await pl.GET('/api/public/v2/tables/{table_id}/sheets', {
        params: { path: { table_id: table.id! } },
      })
      for (const sheet of sheets.data!.data!) {
        const path = { table_id: table.id!, sheet_id: sheet.id! }
        expect(sheet.version_count).toBeGreaterThanOrEqual(3)
        const rows = await pl.GET('/api/public/v2/tables/{table_id}/sheets/{sheet_id}/rows', {
          params: { path, query: { limit: 5 } },
        })
        expect(rows.data!.columns).toHaveLength(4)
        const versions = await pl.GET('/api/public/v2/tables/{table_id}/sheets/{sheet_id}/versions', {
          params: { path },
        })
        expect(versions.data!.data[0]!.score).toHaveProperty('calculation_id')
        const history = await pl.GET(
          '/api/public/v2/tables/{table_id}/sheets/{sheet_id}/versions/score-history',
          {
            params: { path },
          },
        )
        expect(history.data!.score_history.total_points).toBe(sheet.version_count)
        const scorecard = await pl.GET(SCORECARD, { params: { path } })
        expect(scorecard.data!.latest_calculation?.status).toBe('completed')
      }
    }
    expect(validator.problems).toEqual([])
  })

  it('answers a recalculation 202, 200 no-op or 200 confirmation; status lags counts; 404 once forgotten', async () => {
    const pl = client()
    const none = await pl.POST(OPERATIONS, { params: { path: sheetWith((n) => n === 0) }, body: {} })
    expect(none.response.status).toBe(200)
    expect(none.data).toMatchObject({ success: true, cell_count: 0 })

    const many = sheetWith((n) => n > 30)
    const asked = await pl.POST(OPERATIONS, { params: { path: many }, body: {} })
    expect(asked.data).toMatchObject({ requires_confirmation: true, affected_cell_count: 40 })
    const token = (asked.data as { confirmation_token: string }).confirmation_token
    const confirmed = await pl.POST(OPERATIONS, {
      params: { path: many },
      body: { confirmation_token: token },
    })
    expect(confirmed.response.status).toBe(202)

    const path = sheetWith((n) => n > 0 && n <= 30)
    const queued = await pl.POST(OPERATIONS, { params: { path }, body: { operation: 'recalculate' } })
    expect(queued.response.status).toBe(202)
    const operation_id = (queued.data as { operation_id: string }).operation_id
    const poll = async () =>
      (await pl.GET(OPERATION, { params: { path: { ...path, operation_id } } })).data!.operation
    expect((await poll()).status).toBe('queued')
    sb.clock.advance(500 + 6 * 250)
    const lagging = await poll()
    expect(lagging).toMatchObject({ status: 'running', pending_count: 0 })
    expect(lagging.completed_count + lagging.failed_count).toBe(lagging.cell_count)
    sb.clock.advance(1_500)
    expect((await poll()).status).toBe('completed')
    const stale = await pl.GET(SCORECARD, { params: { path } })
    expect(stale.data!.scorecard?.stale_state?.is_stale).toBe(true)
    sb.clock.advance(61_000)
    const gone = await pl.GET(OPERATION, { params: { path: { ...path, operation_id } } })
    expect(gone.response.status).toBe(404)
    expect(validator.problems).toEqual([])
  })

  it('cancels an operation (idempotent) and a running scorecard calculation', async () => {
    const pl = client()
    const path = sheetWith((n) => n > 0 && n <= 30)
    const rows = await pl.POST(OPERATIONS, { params: { path }, body: { statuses: [] } })
    const operation_id = (rows.data as { operation_id: string }).operation_id
    sb.clock.advance(1_000)
    const first = await pl.DELETE(OPERATION, { params: { path: { ...path, operation_id } } })
    expect(first.data!.cancelled_cell_count).toBeGreaterThan(0)
    const again = await pl.DELETE(OPERATION, { params: { path: { ...path, operation_id } } })
    expect(again.data!.cancelled_cell_count).toBe(0)
    const polled = await pl.GET(OPERATION, { params: { path: { ...path, operation_id } } })
    expect(polled.data!.operation.status).toBe('cancelled')

    const started = await pl.POST(`${SCORECARD}/recalculate`, { params: { path }, body: {} })
    expect(started.response.status).toBe(202)
    sb.clock.advance(700)
    const running = await pl.GET(SCORECARD, { params: { path } })
    expect(running.data!.latest_calculation?.status).toBe('running')
    const cancelled = await pl.POST(`${SCORECARD}/cancel`, { params: { path }, body: {} })
    expect(cancelled.data!.calculation_id).toBe(started.data!.calculation_id)
    const calculation = await pl.GET(`${SCORECARD}/calculations/{calculation_id}`, {
      params: { path: { ...path, calculation_id: started.data!.calculation_id } },
    })
    expect(calculation.data!.calculation.status).toBe('cancelled')
    expect(validator.problems).toEqual([])
  })
})
