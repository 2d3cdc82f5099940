import type { EvalItem, EvalRun } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { ExitCode } from '../src/exit-codes.js'
import { type GateCriteria, parseGateCriteria } from '../src/gate/gate-criteria.js'
import { judgeRun } from '../src/gate/judge-run.js'

/** A completed run as a mapper would give it; only what the gate reads matters here. */
function completedRun(overrides: Partial<EvalRun> = {}): EvalRun {
  return {
    ref: 'promptlayer:7',
    vendor: 'promptlayer',
    id: '7',
    name: null,
    suite: { kind: 'pipeline', id: '1', name: null, ref: 'promptlayer:1' },
    status: 'completed',
    vendorStatus: 'COMPLETED',
    terminal: true,
    createdAt: null,
    startedAt: null,
    completedAt: null,
    progress: { total: 10, completed: 10, failed: 0 },
    score: 79,
    scoreScale: { min: 0, max: 100, source: 'declared' },
    normalizedScore: 0.79,
    passRate: null,
    metrics: [],
    url: null,
    raw: {} as never,
    warnings: [],
    ...overrides,
  } as EvalRun
}

const none: GateCriteria = { minScore: null, minPassRate: null, minMetrics: [] }

async function* items(statuses: EvalItem['status'][], failAfter?: number): AsyncIterable<EvalItem> {
  for (const [index, status] of statuses.entries()) {
    if (index === failAfter) throw new Error('socket hang up')
    yield { status } as EvalItem
  }
}

describe('judgeRun', () => {
  it('fails a PromptLayer run that scored 79 of 100 under --min-score 0.8 (the README example)', async () => {
    const outcome = await judgeRun(completedRun(), { ...none, minScore: 0.8 }, () => items([]))
    expect(outcome.exitCode).toBe(ExitCode.gateFailed)
    expect(outcome.line).toBe('completed, but score 79 of 0..100 (0.790) is below --min-score 0.8')
    const met = await judgeRun(completedRun(), { ...none, minScore: 0.79 }, () => items([]))
    expect(met.exitCode).toBe(ExitCode.ok)
  })

  it('fails closed: zero items, no score, a read cut short, no verdicts', async () => {
    const zero = await judgeRun(completedRun({ progress: { total: 0, completed: 0, failed: 0 } }), none, () =>
      items([]),
    )
    expect([zero.exitCode, zero.line]).toEqual([
      ExitCode.gateFailed,
      'completed with zero items: nothing was judged',
    ])

    const unscored = await judgeRun(
      completedRun({ score: null, normalizedScore: null }),
      { ...none, minScore: 0.5 },
      () => items([]),
    )
    expect(unscored.exitCode).toBe(ExitCode.gateFailed)
    expect(unscored.line).toContain('it has no score, so --min-score 0.5 cannot be met')

    const cutShort = await judgeRun(completedRun(), { ...none, minPassRate: 0.5 }, () =>
      items(['passed', 'passed', 'failed'], 2),
    )
    expect(cutShort.exitCode).not.toBe(ExitCode.ok)
    expect(cutShort.line).toContain('reading its results was cut short, so the gate cannot pass')

    const noVerdicts = await judgeRun(completedRun(), { ...none, minPassRate: 0.5 }, () =>
      items(['completed', 'completed']),
    )
    expect(noVerdicts.line).toContain('none of its 2 items has a pass/fail verdict')
    expect(noVerdicts.exitCode).toBe(ExitCode.gateFailed)
  })

  it('fails closed when the results listing stopped early, though every page read passed', async () => {
    const outcome = await judgeRun(completedRun(), { ...none, minPassRate: 0.5 }, (onWarning) => {
      onWarning('OpenAI handed back cursor "x" a second time; listing stopped there.', { stoppedEarly: true })
      return items(['passed', 'passed'])
    })
    expect(outcome.exitCode).toBe(ExitCode.gateFailed)
    expect(outcome.line).toBe(
      'reading its results stopped early, so the gate cannot pass: OpenAI handed back cursor "x" a second time; listing stopped there.',
    )
  })

  it('counts a pass rate over verdicts only, errored items in neither', async () => {
    const outcome = await judgeRun(completedRun(), { ...none, minPassRate: 0.75 }, () =>
      items(['passed', 'passed', 'passed', 'failed', 'error']),
    )
    expect([outcome.exitCode, outcome.line]).toEqual([
      ExitCode.ok,
      'completed, score 79 of 0..100 (0.790), pass rate 0.750',
    ])
  })

  it('prefers the run’s own pass rate to reading its items', async () => {
    const outcome = await judgeRun(completedRun({ passRate: 0.5 }), { ...none, minPassRate: 0.6 }, () => {
      throw new Error('items must not be read')
    })
    expect(outcome.line).toContain('pass rate 0.500 is below --min-pass-rate 0.6')
  })

  it('is a usage error to ask --min-score of a run with no declared scale', async () => {
    const run = completedRun({
      ref: 'datalab:4',
      vendor: 'datalab',
      score: 0.9,
      scoreScale: null,
      normalizedScore: null,
      metrics: [
        {
          name: 'avg_score',
          kind: 'numeric',
          value: 0.9,
          scale: null,
          normalizedValue: null,
          passRate: null,
          source: 'avg_score',
        },
      ],
    })
    const outcome = await judgeRun(run, { ...none, minScore: 0.5 }, () => items([]))
    expect(outcome.exitCode).toBe(ExitCode.usage)
    expect(outcome.line).toBe(
      '--min-score cannot judge datalab:4: its score 0.900 is on a scale datalab does not declare, so it has no ' +
        `normalised score. Use --min-metric "avg_score=<value on datalab's own scale>" instead.`,
    )
  })

  it('is a usage error to ask --min-metric of a metric the run lacks, before reading its items', async () => {
    const run = completedRun({
      metrics: [
        {
          name: 'accuracy',
          kind: 'numeric',
          value: 0.9,
          scale: null,
          normalizedValue: null,
          passRate: null,
          source: 'accuracy',
        },
      ],
    })
    let read = false
    const outcome = await judgeRun(
      run,
      {
        ...none,
        minPassRate: 0.5,
        minMetrics: [
          { name: 'accuracy', value: 0.5 },
          { name: 'Nope', value: 1 },
        ],
      },
      () => {
        read = true
        return items(['passed'])
      },
    )
    expect(outcome).toMatchObject({
      exitCode: ExitCode.usage,
      line: '--min-metric cannot judge promptlayer:7: it has no metric "Nope" (it has "accuracy").',
    })
    expect(read).toBe(false)
  })

  it('fails a run that failed or was canceled whatever its score', async () => {
    expect((await judgeRun(completedRun({ status: 'canceled' }), none, () => items([]))).line).toBe(
      'was canceled',
    )
    const failed = await judgeRun(
      completedRun({ status: 'failed', progress: { total: 4, completed: 4, failed: 3 } }),
      none,
      () => items([]),
    )
    expect(failed.line).toBe('failed: 3 of 4 items failed')
  })
})

describe('parseGateCriteria', () => {
  it('reads thresholds, with metric names that contain "="', () => {
    expect(
      parseGateCriteria({ minScore: '0.8', minPassRate: '1', minMetric: ['a=b=0.5', 'rating=7'] }),
    ).toEqual({
      minScore: 0.8,
      minPassRate: 1,
      minMetrics: [
        { name: 'a=b', value: 0.5 },
        { name: 'rating', value: 7 },
      ],
    })
  })

  it.each([
    [{ minScore: '80' }, '--min-score "80": expected a number from 0 to 1'],
    [{ minPassRate: '-0.1' }, '--min-pass-rate "-0.1": expected a number from 0 to 1'],
    [{ minMetric: ['=0.5'] }, '--min-metric "=0.5": expected <metric name>=<value>'],
    [{ minMetric: ['rating=high'] }, '--min-metric rating "high": expected a number'],
  ])('rejects %j', (flags, message) => {
    expect(() => parseGateCriteria(flags)).toThrow(message)
  })
})
