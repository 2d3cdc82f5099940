import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type EvalRun, RUN_STATUSES } from '../src/core/model.js'
import { braintrustCaseKey } from '../src/vendors/braintrust/case-key.js'
import { mapBraintrustItem } from '../src/vendors/braintrust/map-item.js'
import { mapBraintrustRun } from '../src/vendors/braintrust/map-run.js'
import { deriveBraintrustStatus } from '../src/vendors/braintrust/map-status.js'
import { mapDatalabItem } from '../src/vendors/datalab/map-item.js'
import { mapDatalabRun } from '../src/vendors/datalab/map-run.js'
import { mapDatalabStatus } from '../src/vendors/datalab/map-status.js'
import { mapHumanloopItem } from '../src/vendors/humanloop/map-item.js'
import { mapHumanloopRun } from '../src/vendors/humanloop/map-run.js'
import { mapHumanloopStatus } from '../src/vendors/humanloop/map-status.js'
import { mapLangfuseItem } from '../src/vendors/langfuse/map-item.js'
import { mapLangfuseRun } from '../src/vendors/langfuse/map-run.js'
import { mapLangfuseScoreConfigs } from '../src/vendors/langfuse/map-score-configs.js'
import { deriveLangfuseStatus } from '../src/vendors/langfuse/map-status.js'
import { mapPhoenixItem } from '../src/vendors/phoenix/map-item.js'
import { summarisePhoenixEvaluations } from '../src/vendors/phoenix/map-metrics.js'
import { mapPhoenixRun } from '../src/vendors/phoenix/map-run.js'
import { derivePhoenixStatus } from '../src/vendors/phoenix/map-status.js'
import { mapPromptLayerItem } from '../src/vendors/promptlayer/map-item.js'
import { mapPromptLayerListedRun, mapPromptLayerReport } from '../src/vendors/promptlayer/map-run.js'
import { mapPromptLayerStatus } from '../src/vendors/promptlayer/map-status.js'
import { mapTablesCalculationStatus } from '../src/vendors/promptlayer/map-tables-calculation-status.js'
import { mapTablesCellStatus } from '../src/vendors/promptlayer/map-tables-cell-status.js'
import { mapTablesItem } from '../src/vendors/promptlayer/map-tables-item.js'
import { mapTablesOperationStatus } from '../src/vendors/promptlayer/map-tables-operation-status.js'
import { mapTablesRun } from '../src/vendors/promptlayer/map-tables-run.js'
import { braintrustEvent, braintrustExperiment, braintrustSummary } from './fixtures/braintrust.js'
import { datalabRunCompleted } from './fixtures/datalab.js'
import { humanloopEvaluation, humanloopRunCompleted, humanloopStats } from './fixtures/humanloop.js'
import { langfuseConfig, langfuseExperiment, langfuseItem } from './fixtures/langfuse.js'
import { exportRecord, phoenixExperiment } from './fixtures/phoenix.js'
import { promptlayerReport, promptlayerRunCompleted, promptlayerScore } from './fixtures/promptlayer.js'
import {
  promptlayerTablesCalculation,
  promptlayerTablesColumns,
  promptlayerTablesOperation,
  promptlayerTablesRow,
  promptlayerTablesRowVerdicts,
  promptlayerTablesScorecard,
} from './fixtures/promptlayer-tables.js'

const NUM_RUNS = 2000
const ITEM_STATUSES = ['passed', 'failed', 'error', 'pending', 'skipped', 'completed', 'unknown']

/** Anything JSON.parse could produce, and more (undefined, special keys). */
const anything = fc.anything({ withNullPrototype: true, withObjectString: true })

/** A valid payload with some fields replaced by arbitrary values: the likeliest real-world oddity. */
function nearValid(base: Record<string, unknown>) {
  const keys = Object.keys(base)
  return fc
    .dictionary(fc.constantFrom(...keys, 'status', 'constructor', '__proto__'), anything, { maxKeys: 4 })
    .map((patch) => ({ ...base, ...patch }))
}

function expectValidRun(run: EvalRun) {
  expect(RUN_STATUSES).toContain(run.status)
  expect(run.terminal).toBe(
    run.status === 'completed' || run.status === 'failed' || run.status === 'canceled',
  )
  expect(typeof run.ref).toBe('string')
  expect(Array.isArray(run.warnings)).toBe(true)
  expect(Array.isArray(run.metrics)).toBe(true)
  for (const date of [run.createdAt, run.startedAt, run.completedAt]) {
    if (date !== null) expect(Number.isNaN(date.getTime())).toBe(false)
  }
  if (run.score !== null) expect(Number.isFinite(run.score)).toBe(true)
}

describe('mappers accept arbitrary JSON without throwing', () => {
  it('status mappers always return a valid status', () => {
    fc.assert(
      fc.property(anything, anything, (a, b) => {
        for (const mapped of [
          mapDatalabStatus(a),
          mapHumanloopStatus(a),
          mapPromptLayerStatus(a, b),
          mapTablesOperationStatus(a),
          mapTablesCalculationStatus(a),
          deriveBraintrustStatus(null, a, new Date(), 60_000),
          deriveLangfuseStatus(a, new Date(0), 60_000),
          derivePhoenixStatus(a, new Date(0), 60_000),
        ]) {
          expect(RUN_STATUSES).toContain(mapped.status)
          expect(mapped.status === 'unknown' ? mapped.warnings.length > 0 : true).toBe(true)
        }
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('mapDatalabRun', () => {
    fc.assert(
      fc.property(fc.oneof(anything, nearValid(datalabRunCompleted)), (raw) =>
        expectValidRun(mapDatalabRun(raw)),
      ),
      { numRuns: NUM_RUNS },
    )
  })

  it('PromptLayer run mappers', () => {
    fc.assert(
      fc.property(
        fc.oneof(anything, nearValid(promptlayerRunCompleted)),
        fc.oneof(anything, nearValid(promptlayerReport)),
        fc.oneof(anything, nearValid(promptlayerScore)),
        (run, report, score) => {
          expectValidRun(mapPromptLayerListedRun(run, report))
          expectValidRun(mapPromptLayerReport(report, score))
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })

  it('PromptLayer Tables run and item mappers', () => {
    const address = { tableId: 't', sheetId: 's', operationId: 'o' }
    fc.assert(
      fc.property(
        fc.oneof(anything, nearValid(promptlayerTablesOperation)),
        fc.oneof(anything, nearValid(promptlayerTablesCalculation)),
        fc.oneof(anything, nearValid(promptlayerTablesScorecard)),
        fc.oneof(anything, nearValid(promptlayerTablesRow(1))),
        fc.oneof(anything, nearValid(promptlayerTablesRowVerdicts([{ row_index: 1 }]).rows[0]!)),
        (operation, calculation, scorecard, row, verdict) => {
          const raw = { from: 'tables', tableId: 't', sheetId: 's', operation, scorecard, calculation }
          expectValidRun(mapTablesRun({ address, name: null, raw: raw as never, warnings: [] }))
          const item = mapTablesItem(row, promptlayerTablesColumns, verdict, [], 'promptlayer:x')
          expect(ITEM_STATUSES).toContain(item.status)
          expect(ITEM_STATUSES).toContain(mapTablesCellStatus(row))
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })

  it('mapHumanloopRun', () => {
    const stats = humanloopStats.run_stats[0] as Record<string, unknown>
    fc.assert(
      fc.property(
        fc.oneof(anything, nearValid(humanloopEvaluation)),
        fc.oneof(anything, nearValid(humanloopRunCompleted)),
        fc.oneof(anything, nearValid(stats)),
        (evaluation, run, runStats) => {
          const mapped = mapHumanloopRun({ evaluation, run, stats: runStats }, 'evr_1')
          expectValidRun(mapped)
          for (const metric of mapped.metrics) {
            expect(['numeric', 'boolean', 'categorical']).toContain(metric.kind)
          }
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })

  it('mapLangfuseRun, with any score configs', () => {
    fc.assert(
      fc.property(
        fc.oneof(anything, nearValid(langfuseExperiment('exp_1'))),
        fc.array(fc.oneof(anything, nearValid(langfuseConfig('avg_correctness'))), { maxLength: 3 }),
        (raw, configs) => {
          const run = mapLangfuseRun(raw, {
            scales: mapLangfuseScoreConfigs(configs),
            now: new Date('2026-11-20T09:00:00Z'),
            quietPeriodMs: 300_000,
          })
          expectValidRun(run)
          // No status upstream: never failed or canceled, and the rule is always said.
          expect(['completed', 'running', 'unknown']).toContain(run.status)
          expect(run.vendorStatus).toBeNull()
          expect(run.warnings.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })

  it('mapBraintrustRun', () => {
    const event = braintrustEvent('ev1') as unknown as Record<string, unknown>
    fc.assert(
      fc.property(
        fc.oneof(anything, nearValid(braintrustExperiment('e1') as unknown as Record<string, unknown>)),
        fc.oneof(anything, nearValid(braintrustSummary)),
        fc.oneof(anything, fc.array(fc.oneof(anything, nearValid(event)), { maxLength: 3 })),
        fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
        (experiment, summary, newestTrace, observedAt) => {
          const mapped = mapBraintrustRun(experiment, summary, { newestTrace, observedAt }, 60_000)
          expectValidRun(mapped)
          expect(mapped.vendorStatus).toBeNull()
          if (mapped.score !== null) expect(mapped.score >= 0 && mapped.score <= 1).toBe(true)
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })

  it('mapPhoenixRun and mapPhoenixItem, near-valid, with any export records summarised', () => {
    const scales = new Map([['correctness', { min: 0, max: 1, source: 'config' as const }]])
    fc.assert(
      fc.property(
        fc.oneof(anything, nearValid(phoenixExperiment('RXhwZXJpbWVudDox'))),
        fc.array(fc.oneof(anything, nearValid(exportRecord(1) as unknown as Record<string, unknown>)), {
          maxLength: 3,
        }),
        (raw, records) => {
          const summary = summarisePhoenixEvaluations(records, scales)
          expectValidRun(
            mapPhoenixRun(raw, { now: new Date(), quietPeriodMs: 60_000, datasetName: null, summary }),
          )
          for (const record of records) {
            const item = mapPhoenixItem(record, {
              runRef: 'phoenix:e',
              scales,
              evaluationNames: new Set(['correctness']),
              runOver: true,
            })
            expect(ITEM_STATUSES).toContain(item.status)
            // Phoenix defines no pass threshold: an item never passes or fails on its own.
            expect(['passed', 'failed']).not.toContain(item.status)
          }
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })

  it('mapLangfuseItem, near-valid', () => {
    fc.assert(
      fc.property(nearValid(langfuseItem('obs_1')), (raw) => {
        const item = mapLangfuseItem(raw, 'langfuse:exp_1', mapLangfuseScoreConfigs([]))
        expect(ITEM_STATUSES).toContain(item.status)
        if (item.score !== null) expect(Number.isFinite(item.score)).toBe(true)
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('item mappers', () => {
    fc.assert(
      fc.property(anything, anything, (raw, columns) => {
        for (const item of [
          mapDatalabItem(raw, 'datalab:1'),
          mapPromptLayerItem(raw, columns, 1, 'promptlayer:1'),
          mapHumanloopItem(raw, 'humanloop:e/r'),
          mapBraintrustItem(raw, 'braintrust:e1'),
          mapLangfuseItem(raw, 'langfuse:exp_1', mapLangfuseScoreConfigs([columns])),
        ]) {
          expect(ITEM_STATUSES).toContain(item.status)
          if (item.score !== null) expect(typeof item.score).toBe('number')
        }
      }),
      { numRuns: NUM_RUNS },
    )
    fc.assert(
      fc.property(
        fc.oneof(anything, nearValid(braintrustEvent('ev1') as unknown as Record<string, unknown>)),
        (raw) => {
          const key = braintrustCaseKey(raw)
          expect(key === null || (typeof key === 'string' && key.length <= 200)).toBe(true)
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })
})
