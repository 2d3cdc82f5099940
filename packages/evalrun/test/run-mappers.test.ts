import { describe, expect, it } from 'vitest'
import { parseVendorDate } from '../src/core/parse-vendor-date.js'
import { mapDatalabItem } from '../src/vendors/datalab/map-item.js'
import { mapDatalabRun } from '../src/vendors/datalab/map-run.js'
import { mapHumanloopItem } from '../src/vendors/humanloop/map-item.js'
import { mapHumanloopRun } from '../src/vendors/humanloop/map-run.js'
import { mapPromptLayerItem } from '../src/vendors/promptlayer/map-item.js'
import { mapPromptLayerListedRun, mapPromptLayerReport } from '../src/vendors/promptlayer/map-run.js'
import {
  datalabResults,
  datalabRunCompleted,
  datalabRunOddStatusDone,
  datalabRunProcessing,
} from './fixtures/datalab.js'
import {
  humanloopEvaluation,
  humanloopLogs,
  humanloopRunCompleted,
  humanloopRunRunning,
  humanloopStats,
} from './fixtures/humanloop.js'
import {
  promptlayerPipeline,
  promptlayerReport,
  promptlayerRows,
  promptlayerRunCompleted,
  promptlayerRunRunning,
  promptlayerScore,
} from './fixtures/promptlayer.js'

describe('mapDatalabRun', () => {
  it('maps a completed batch run', () => {
    const run = mapDatalabRun(datalabRunCompleted)
    expect(run).toMatchObject({
      ref: 'datalab:4182',
      vendor: 'datalab',
      id: '4182',
      suite: { kind: 'collection', id: '77', name: null, ref: 'datalab:77' },
      status: 'completed',
      vendorStatus: 'completed',
      terminal: true,
      progress: { total: 24, completed: 24, failed: null },
      score: 0.873,
      metrics: [{ name: 'avg_score', kind: 'numeric', value: 0.873, source: 'avg_score' }],
      warnings: [],
    })
    // Naive date-times are UTC; microseconds are cut to milliseconds.
    expect(run.completedAt?.toISOString()).toBe('2026-03-02T09:31:47.001Z')
    expect(run.raw).toBe(datalabRunCompleted)
  })

  it('maps a run in progress', () => {
    const run = mapDatalabRun(datalabRunProcessing)
    expect(run).toMatchObject({
      status: 'running',
      terminal: false,
      completedAt: null,
      score: null,
      metrics: [],
    })
  })

  it('infers completion from the counters, with a warning', () => {
    const run = mapDatalabRun(datalabRunOddStatusDone)
    expect(run.status).toBe('completed')
    expect(run.vendorStatus).toBe('finalized')
    expect(run.warnings).toHaveLength(1)
  })

  it('turns an invalid date into null with a warning', () => {
    const run = mapDatalabRun({ ...datalabRunCompleted, created: 'yesterday' })
    expect(run.createdAt).toBeNull()
    expect(run.warnings).toEqual(['created is "yesterday", not a valid ISO 8601 date; it is left null.'])
  })
})

describe('PromptLayer run mappers', () => {
  it('maps a listed run with its pipeline', () => {
    const pipeline = promptlayerPipeline(5001, [promptlayerRunCompleted])
    const run = mapPromptLayerListedRun(promptlayerRunCompleted, pipeline)
    expect(run).toMatchObject({
      ref: 'promptlayer:5120',
      name: 'nightly 2026-03-02',
      suite: { kind: 'pipeline', id: '5001', name: 'support-bot regression 5001', ref: 'promptlayer:5001' },
      status: 'completed',
      progress: { total: 40, completed: 40, failed: 3 },
      score: 82.5,
      warnings: [],
    })
    expect(run.raw.from).toBe('listing')
    if (run.raw.from === 'listing') expect(run.raw.pipeline).not.toHaveProperty('runs')
  })

  it('maps a running listed run without a score', () => {
    const run = mapPromptLayerListedRun(promptlayerRunRunning, promptlayerPipeline(5001, []))
    expect(run).toMatchObject({ status: 'running', terminal: false, score: null, completedAt: null })
  })

  it('reports a score calculation error as a warning and a null score', () => {
    const failing = {
      ...promptlayerRunCompleted,
      score_calculation_error: 'division by zero in scoring code',
    }
    const run = mapPromptLayerListedRun(failing, promptlayerPipeline(5001, []))
    expect(run.score).toBeNull()
    expect(run.warnings).toEqual([
      'PromptLayer could not calculate the score: division by zero in scoring code',
    ])
  })

  it('maps a report with its score: metrics from the score details and the remaining columns', () => {
    const run = mapPromptLayerReport(promptlayerReport, promptlayerScore)
    expect(run).toMatchObject({ ref: 'promptlayer:5120', status: 'completed', score: 82.5 })
    // PromptLayer scores are 0..100 as its spec declares, so 82.5 is 0.825 normalised.
    expect(run.scoreScale).toEqual({ min: 0, max: 100, source: 'declared' })
    expect(run.normalizedScore).toBeCloseTo(0.825)
    expect(run.passRate).toBeNull()
    const scale = { min: 0, max: 100, source: 'declared' }
    expect(run.metrics).toEqual([
      {
        name: 'is polite',
        kind: 'numeric',
        value: 90,
        counts: { skipped: 0 },
        source: 'score.details',
        scale,
        normalizedValue: 0.9,
        passRate: null,
      },
      {
        name: 'cites source',
        kind: 'numeric',
        value: 75,
        counts: { skipped: 2 },
        source: 'score.details',
        scale,
        normalizedValue: 0.75,
        passRate: null,
      },
    ])
    expect(run.completedAt?.toISOString()).toBe('2026-03-02T02:07:41.902Z')
  })
})

describe('mapHumanloopRun', () => {
  it('maps a completed run with metrics from the evaluation stats', () => {
    const run = mapHumanloopRun(
      { evaluation: humanloopEvaluation, run: humanloopRunCompleted, stats: humanloopStats.run_stats[0] },
      'evr_7Kq2',
    )
    expect(run).toMatchObject({
      ref: 'humanloop:evr_7Kq2/run_A1',
      id: 'run_A1',
      name: 'Support answer (v12)',
      suite: { kind: 'evaluation', id: 'evr_7Kq2', name: 'Support answers', ref: 'humanloop:evr_7Kq2' },
      status: 'completed',
      vendorStatus: 'completed',
      progress: { total: 40, completed: 40, failed: null },
      score: null,
      url: 'https://app.humanloop.com/acme/evaluations/evr_7Kq2',
      warnings: [],
    })
    expect(run.metrics).toEqual([
      {
        name: 'Politeness',
        kind: 'boolean',
        value: 30 / 38,
        counts: { true: 30, false: 8, nulls: 1, errors: 1 },
        total: 38,
        source: 'evaluator_stats',
        scale: { min: 0, max: 1, source: 'computed' },
        normalizedValue: 30 / 38,
        passRate: 30 / 38,
      },
      {
        name: 'Accuracy',
        kind: 'numeric',
        value: 0.81,
        counts: { nulls: 0, errors: 0 },
        total: 40,
        source: 'evaluator_stats',
        // Humanloop declares no range for number evaluators: no scale is guessed from the values.
        scale: null,
        normalizedValue: null,
        passRate: null,
      },
      {
        name: 'Tone',
        kind: 'categorical',
        value: null,
        counts: { friendly: 31, neutral: 7, curt: 2 },
        total: 40,
        source: 'evaluator_stats',
        scale: null,
        normalizedValue: null,
        passRate: null,
      },
    ])
    // No headline score; the run's verdicts are its boolean evaluator's.
    expect(run.scoreScale).toBeNull()
    expect(run.passRate).toBeCloseTo(30 / 38)
  })

  it('maps a running run, and pending to queued', () => {
    expect(
      mapHumanloopRun({ evaluation: null, run: humanloopRunRunning, stats: null }, 'evr_7Kq2').status,
    ).toBe('running')
    const pending = mapHumanloopRun(
      { evaluation: null, run: { ...humanloopRunRunning, status: 'pending' }, stats: null },
      'e',
    )
    expect(pending).toMatchObject({ status: 'queued', ref: 'humanloop:e/run_B2' })
  })
})

describe('item mappers', () => {
  it('maps Datalab file results', () => {
    const items = datalabResults.file_results.map((result) => mapDatalabItem(result, 'datalab:4182'))
    expect(items.map((i) => [i.id, i.name, i.status, i.score])).toEqual([
      ['990011', 'invoice-2026-001.pdf', 'completed', 0.92],
      ['990012', 'scan-blurry.png', 'error', null],
    ])
  })

  it('maps PromptLayer rows: worst cell wins, dataset cells are the input', () => {
    const items = promptlayerRows.rows.map((row, index) =>
      mapPromptLayerItem(row, promptlayerRows.columns, index + 1, 'promptlayer:5120'),
    )
    expect(items.map((i) => [i.id, i.name, i.status])).toEqual([
      ['1', 'Where is my order?', 'passed'],
      ['2', 'Refund please', 'failed'],
      ['3', 'Hello?', 'error'],
    ])
    expect(items[0]?.input).toEqual({ question: 'Where is my order?' })
    expect(items[0]?.score).toBe(1)
    expect(items[1]?.score).toBe(0)
  })

  it('maps Humanloop logs', () => {
    const items = humanloopLogs.records.map((log) => mapHumanloopItem(log, 'humanloop:evr_7Kq2/run_A1'))
    expect(items.map((i) => [i.id, i.key, i.status, i.score])).toEqual([
      // A boolean (0..1) and a number on no declared scale are not averaged into an item score.
      ['log_1', 'dp_1', 'passed', null],
      ['log_2', 'dp_2', 'failed', 0],
    ])
    expect(items[0]?.judgements.map((j) => [j.kind, j.value, j.normalizedValue, j.passed])).toEqual([
      ['boolean', true, 1, true],
      ['numeric', 0.9, null, null],
    ])
    expect(items[1]?.scoreScale).toEqual({ min: 0, max: 1, source: 'computed' })
    expect(items[0]?.output).toBe('It shipped yesterday.')
  })
})

describe('parseVendorDate', () => {
  it.each([
    ['2026-03-02T09:31:47Z', '2026-03-02T09:31:47.000Z'],
    ['2026-03-02T09:31:47.123456', '2026-03-02T09:31:47.123Z'],
    ['2026-03-02T11:31:47+02:00', '2026-03-02T09:31:47.000Z'],
    ['2026-03-02T11:31:47+0200', '2026-03-02T09:31:47.000Z'],
    ['2026-03-02 09:31', '2026-03-02T09:31:00.000Z'],
    ['2026-03-02', '2026-03-02T00:00:00.000Z'],
    ['2026-03-02T01:00:00-05:30', '2026-03-02T06:30:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2026-12-31T24:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['0099-06-01T00:00:00Z', '0099-06-01T00:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    const warnings: string[] = []
    expect(parseVendorDate(text, 'created', warnings)?.toISOString()).toBe(iso)
    expect(warnings).toEqual([])
  })

  it.each([
    '2026-02-30',
    '2025-02-29',
    'March 2, 2026',
    '2026-13-01T00:00:00Z',
    '2026-03-02T24:30:00Z',
    '2026-03-02T09:60:00Z',
    '',
    1_700_000_000,
    {},
  ])('%j → null + warning', (value) => {
    const warnings: string[] = []
    expect(parseVendorDate(value, 'created', warnings)).toBeNull()
    expect(warnings).toHaveLength(1)
  })

  it('null stays null without a warning', () => {
    const warnings: string[] = []
    expect(parseVendorDate(null, 'created', warnings)).toBeNull()
    expect(warnings).toEqual([])
  })
})
