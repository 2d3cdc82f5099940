import { describe, expect, it } from 'vitest'
import { finishItem } from '../src/core/finish-item.js'
import { normalizeOnScale, passRateOf } from '../src/core/score-scale.js'
import { mapDatalabItem } from '../src/vendors/datalab/map-item.js'
import { mapDatalabRun } from '../src/vendors/datalab/map-run.js'
import { mapHumanloopItem } from '../src/vendors/humanloop/map-item.js'
import { mapOpenAIItem } from '../src/vendors/openai/map-item.js'
import { mapPromptLayerItem } from '../src/vendors/promptlayer/map-item.js'
import { mapPromptLayerListedRun } from '../src/vendors/promptlayer/map-run.js'
import { datalabResults, datalabRunCompleted } from './fixtures/datalab.js'
import { humanloopLogs } from './fixtures/humanloop.js'
import { openaiItem } from './fixtures/openai.js'
import { promptlayerPipeline, promptlayerRows, promptlayerRunCompleted } from './fixtures/promptlayer.js'

describe('normalizeOnScale', () => {
  it('moves a value onto 0..1 by its scale', () => {
    expect(normalizeOnScale(79, { min: 0, max: 100, source: 'declared' }, 'The score')).toBeCloseTo(0.79)
    expect(normalizeOnScale(3, { min: 1, max: 5, source: 'config' }, 'The score')).toBe(0.5)
  })

  it('gives null for an unknown value or scale, and for a value outside its scale, with a warning', () => {
    const warnings: string[] = []
    expect(normalizeOnScale(null, { min: 0, max: 1, source: 'declared' }, 'The score', warnings)).toBeNull()
    expect(normalizeOnScale(0.5, null, 'The score', warnings)).toBeNull()
    expect(warnings).toEqual([])
    expect(normalizeOnScale(120, { min: 0, max: 100, source: 'declared' }, 'The score', warnings)).toBeNull()
    expect(warnings).toEqual(['The score 120 lies outside its scale 0..100; it is not normalised.'])
  })

  it('counts a pass rate over judged verdicts only', () => {
    expect(passRateOf(3, 1)).toBe(0.75)
    expect(passRateOf(0, 0)).toBeNull()
  })
})

describe('finishItem', () => {
  const base = {
    runRef: 'x:1',
    vendor: 'datalab',
    id: '1',
    key: 'k',
    name: null,
    status: 'completed',
  } as const
  const item = (judgements: Parameters<typeof finishItem>[0]['judgements']) =>
    finishItem({ ...base, vendorStatus: null, judgements, raw: {} as never, warnings: [] })

  it('averages judgements only when they share one known scale', () => {
    const tenScale = { min: 0, max: 10, source: 'config' } as const
    const same = item([
      { name: 'a', kind: 'numeric', value: 6, scale: tenScale },
      { name: 'b', kind: 'numeric', value: 8, scale: tenScale },
    ])
    expect([same.score, same.scoreScale, same.normalizedScore]).toEqual([7, tenScale, 0.7])
    const mixed = item([
      { name: 'rating', kind: 'numeric', value: 8, scale: tenScale },
      { name: 'correct', kind: 'boolean', value: true },
    ])
    expect([mixed.score, mixed.scoreScale, mixed.normalizedScore]).toEqual([null, null, null])
    // Each judgement still keeps its own scale and normalised value.
    expect(mixed.judgements.map((j) => [j.normalizedValue, j.passed])).toEqual([
      [0.8, null],
      [1, true],
    ])
    const unknown = item([{ name: 'a', kind: 'numeric', value: 3 }])
    expect(unknown.score).toBeNull()
  })

  it('keeps a score the vendor gives, with its scale', () => {
    const given = finishItem({
      ...base,
      vendorStatus: null,
      score: 0.4,
      scoreScale: { min: 0, max: 1, source: 'declared' },
      judgements: [{ name: 'rating', kind: 'numeric', value: 9 }],
      raw: {} as never,
      warnings: [],
    })
    expect([given.score, given.normalizedScore]).toEqual([0.4, 0.4])
  })
})

describe('scales per vendor', () => {
  it('reads a PromptLayer score on its declared 0..100 scale: 79 is 0.79, under a 0.8 gate', () => {
    const run = mapPromptLayerListedRun(
      { ...promptlayerRunCompleted, score: { overall_score: 79, score_type: 'single_column' } },
      promptlayerPipeline,
    )
    expect(run.score).toBe(79)
    expect(run.scoreScale).toEqual({ min: 0, max: 100, source: 'declared' })
    expect(run.normalizedScore).toBeCloseTo(0.79)
  })

  it('claims no scale for Datalab, which documents none', () => {
    const run = mapDatalabRun(datalabRunCompleted)
    expect(run.score).not.toBeNull()
    expect([run.scoreScale, run.normalizedScore, run.passRate]).toEqual([null, null, null])
    expect(run.metrics[0]).toMatchObject({ scale: null, normalizedValue: null })
  })
})

describe('item keys', () => {
  it('keys a Datalab item by its file, the same in every run of the collection', () => {
    const items = datalabResults.file_results.map((file) => mapDatalabItem(file, 'datalab:4182'))
    expect(items.map((item) => item.key)).toEqual(['invoice-2026-001.pdf', 'scan-blurry.png'])
    expect(items[0]?.judgements).toEqual([
      {
        name: 'eval_score',
        kind: 'numeric',
        value: 0.92,
        scale: null,
        normalizedValue: null,
        passed: null,
      },
    ])
  })

  it('keys a PromptLayer item by its dataset row; only assertion and score cells are judgements', () => {
    const items = promptlayerRows.rows.map((cells, index) =>
      mapPromptLayerItem(cells, promptlayerRows.columns, index + 1, 'promptlayer:5120'),
    )
    expect(items.map((item) => [item.key, item.score])).toEqual([
      ['row 1', 1],
      ['row 2', 0],
      ['row 3', null],
    ])
    expect(items[1]?.judgements.map((j) => [j.name, j.value, j.passed])).toEqual([
      ['is polite', false, false],
    ])
  })

  it('keys a Humanloop item by its datapoint, naming judgements as the run names its metrics', () => {
    const [first] = humanloopLogs.records
    const evaluatorLog = { ...first?.evaluator_logs[0], evaluator: { path: 'Evaluators/Relevance' } }
    const item = mapHumanloopItem({ ...first, evaluator_logs: [evaluatorLog] }, 'humanloop:e/r')
    expect(item.key).toBe('dp_1')
    expect(item.judgements.map((j) => j.name)).toEqual(['Relevance'])
  })

  it('keys an OpenAI item by its data source item, with each grader a judgement', () => {
    const item = mapOpenAIItem(openaiItem('outputitem_1', 'fail', 7), 'openai:eval_1/run_1')
    expect(item.key).toBe('7')
    expect(item.judgements.length).toBeGreaterThan(0)
    expect(item.judgements.every((j) => j.passed !== null)).toBe(true)
    expect(item.scoreScale).toEqual({ min: 0, max: 1, source: 'computed' })
  })
})
