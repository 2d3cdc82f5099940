import type { EvalRun } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { scoreOnOneScale, scoreSummary, scoreSummaryRow } from '../src/output/score-summary.js'

function run(vendor: string, overrides: Partial<EvalRun>): EvalRun {
  return {
    ref: `${vendor}:1`,
    vendor,
    id: '1',
    name: null,
    suite: { kind: 'pipeline', id: '1', name: null, ref: `${vendor}:1` },
    status: 'completed',
    vendorStatus: null,
    terminal: true,
    createdAt: null,
    startedAt: null,
    completedAt: null,
    progress: { total: null, completed: null, failed: null },
    score: null,
    scoreScale: null,
    normalizedScore: null,
    passRate: null,
    metrics: [],
    url: null,
    raw: {} as never,
    warnings: [],
    ...overrides,
  } as EvalRun
}

const percent = { min: 0, max: 100, source: 'declared' } as const
const unit = { min: 0, max: 1, source: 'declared' } as const

describe("the demo's score summary", () => {
  it('puts every mean on 0..1 where the scale is known, and marks a raw mean of no known scale', () => {
    const summary = scoreSummary([
      run('promptlayer', { score: 60, scoreScale: percent, normalizedScore: 0.6 }),
      run('promptlayer', { score: 71.6, scoreScale: percent, normalizedScore: 0.716 }),
      run('promptlayer', { status: 'failed', score: 10, scoreScale: percent, normalizedScore: 0.1 }),
      run('braintrust', { score: 0.7, scoreScale: unit, normalizedScore: 0.7 }),
      run('datalab', { score: 0.71 }),
      run('datalab', { score: 0.75 }),
      run('langfuse', { score: 0.8, scoreScale: unit, normalizedScore: 0.8 }),
      run('langfuse', { score: 4 }),
      run('humanloop', { passRate: 0.9 }),
    ])
    const rows = Object.fromEntries(summary.map((entry) => [entry.vendor, scoreSummaryRow(entry)]))
    // 65.8 on 0..100 is 0.658 beside the others' 0..1; a failed run's score is no part of the mean.
    expect(rows.promptlayer).toEqual(['promptlayer', '3', '2', '1', '0', '0.658', '—'])
    expect(rows.braintrust).toEqual(['braintrust', '1', '1', '0', '0', '0.700', '—'])
    expect(rows.datalab).toEqual(['datalab', '2', '2', '0', '0', '—', '0.730 raw'])
    // A vendor whose runs differ: each mean over its own runs, and how many they are.
    expect(rows.langfuse).toEqual(['langfuse', '2', '2', '0', '0', '0.800 (1 of 2)', '4.000 raw (1 of 2)'])
    expect(rows.humanloop).toEqual(['humanloop', '1', '1', '0', '0', '—', '—'])
  })

  it("says a started run's score on 0..1, its own scale beside it, or raw when no scale is known", () => {
    expect(scoreOnOneScale({ score: 70.37, scoreScale: percent, normalizedScore: 0.7037 })).toBe(
      '0.704 (70.37 on 0..100)',
    )
    expect(scoreOnOneScale({ score: 0.85, scoreScale: unit, normalizedScore: 0.85 })).toBe('0.850')
    expect(scoreOnOneScale({ score: 0.7517, scoreScale: null, normalizedScore: null })).toBe(
      '0.752 raw, scale unknown',
    )
    expect(scoreOnOneScale({ score: null, scoreScale: unit, normalizedScore: null })).toBe('—')
  })
})
