import { describe, expect, it } from 'vitest'
import { mapTablesCellStatus } from '../src/vendors/promptlayer/map-tables-cell-status.js'
import { mapTablesItem } from '../src/vendors/promptlayer/map-tables-item.js'
import { mapTablesOperationStatus } from '../src/vendors/promptlayer/map-tables-operation-status.js'
import { mapTablesRun } from '../src/vendors/promptlayer/map-tables-run.js'
import type { PromptLayerTablesRawRun } from '../src/vendors/promptlayer/types.js'
import {
  promptlayerTablesCalculation,
  promptlayerTablesColumns,
  promptlayerTablesOperation,
  promptlayerTablesRow,
  promptlayerTablesRowVerdicts,
  promptlayerTablesScorecard,
  SHEET_ID,
  TABLE_ID,
} from './fixtures/promptlayer-tables.js'

const sheet = { tableId: TABLE_ID, sheetId: SHEET_ID }
const raw = (fields: Partial<PromptLayerTablesRawRun>): PromptLayerTablesRawRun => ({
  from: 'tables',
  ...sheet,
  operation: null,
  scorecard: null,
  calculation: null,
  ...fields,
})

describe('PromptLayer Tables mappers', () => {
  it('reads an operation as ended when its counts say so, whatever its lagging status', () => {
    const lagging = mapTablesOperationStatus(promptlayerTablesOperation)
    expect(lagging).toMatchObject({ status: 'completed', vendorStatus: 'running' })
    expect(lagging.warnings.join(' ')).toMatch(/counts say it ended/)
    expect(lagging.progress).toEqual({ total: 6, completed: 6, failed: 1 })
    const running = mapTablesOperationStatus({
      ...promptlayerTablesOperation,
      completed_count: 2,
      pending_count: 3,
    })
    expect(running.status).toBe('running')
    const allFailed = {
      ...promptlayerTablesOperation,
      status: 'completed',
      completed_count: 0,
      failed_count: 6,
    }
    expect(mapTablesOperationStatus(allFailed).status).toBe('failed')
    expect(mapTablesOperationStatus({ ...promptlayerTablesOperation, status: 'cancelled' }).status).toBe(
      'canceled',
    )
    const odd = mapTablesOperationStatus({
      ...promptlayerTablesOperation,
      status: 'paused',
      pending_count: 1,
    })
    expect(odd.status).toBe('unknown')
    expect(odd.warnings).toHaveLength(1)
  })

  it('maps both cell enums', () => {
    expect(
      ['STALE', 'QUEUED', 'DISPATCHED', 'RUNNING', 'COMPLETED', 'FAILED'].map(mapTablesCellStatus),
    ).toEqual(['pending', 'pending', 'pending', 'pending', 'completed', 'error'])
    expect(
      ['stale', 'queued', 'running', 'completed', 'error', 'cancelled'].map(mapTablesCellStatus),
    ).toEqual(['pending', 'pending', 'pending', 'completed', 'error', 'skipped'])
    expect(mapTablesCellStatus('Completed')).toBe('unknown')
  })

  it('scores a run by its calculation: the aggregate score without a scale, the verdict kept, the pass rate from the rows', () => {
    const run = mapTablesRun({
      address: { ...sheet, operationId: 'o' },
      name: null,
      raw: raw({
        operation: promptlayerTablesOperation,
        scorecard: promptlayerTablesScorecard,
        calculation: promptlayerTablesCalculation,
        verdictCounts: { pass: 3, warn: 1, fail: 0, error: 0, skipped: 2 },
      }),
      warnings: [],
    })
    expect(run).toMatchObject({
      status: 'completed',
      vendorStatus: 'completed',
      score: 0.8125,
      scoreScale: null,
      normalizedScore: null,
      passRate: 0.75,
      suite: { kind: 'sheet', ref: `promptlayer:sheet/${TABLE_ID}/${SHEET_ID}` },
    })
    expect(run.metrics.find((metric) => metric.name === 'scorecard verdict')?.counts).toEqual({ pass: 1 })
  })

  it('says a run is scoring until its calculation exists, and unscored on a sheet without a scorecard', () => {
    const address = { ...sheet, operationId: 'o' }
    const waiting = mapTablesRun({
      address,
      name: null,
      raw: raw({ operation: promptlayerTablesOperation }),
      warnings: [],
    })
    expect(waiting.status).toBe('running')
    const unscored = mapTablesRun({
      address,
      name: null,
      raw: raw({
        operation: promptlayerTablesOperation,
        scorecard: { success: true, scorecard: null, latest_calculation: null },
      }),
      warnings: [],
    })
    expect(unscored).toMatchObject({ status: 'completed', score: null })
    expect(unscored.warnings.join(' ')).toMatch(/no scorecard/)
  })

  it('gives a row its verdict (warn does not pass), its steps as judgements, and the row_index key', () => {
    const [pass, warn] = promptlayerTablesRowVerdicts([
      { row_index: 0 },
      { row_index: 1, aggregate_verdict: 'warn', aggregate_score: 0.66 },
    ]).rows
    const passed = mapTablesItem(
      promptlayerTablesRow(0),
      promptlayerTablesColumns,
      pass,
      promptlayerTablesScorecard.scorecard.steps,
      'r',
    )
    expect(passed).toMatchObject({
      key: 'row_index 0',
      status: 'passed',
      score: 1,
      input: { question: 'Question 0' },
    })
    expect(passed.judgements).toEqual([
      expect.objectContaining({ name: 'Answer is correct', value: 1, passed: true }),
    ])
    expect(mapTablesItem(promptlayerTablesRow(1), promptlayerTablesColumns, warn, [], 'r').status).toBe(
      'failed',
    )
    const unscored = mapTablesItem(promptlayerTablesRow(2, 'error'), promptlayerTablesColumns, null, [], 'r')
    expect(unscored.status).toBe('error')
  })
})
