import type { EvalItem, EvalRun } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { type GateCriteria, type GateCriterionNames, judgeRun, type ReadItems } from '../src/gate.js'

// Most reasons below are read as the CLI's `runs wait` words them (its flags); the config's keys are the default.
const flagNames: GateCriterionNames = {
  minScore: '--min-score',
  minPassRate: '--min-pass-rate',
  minMetric: '--min-metric',
}
const judge = (run: EvalRun, criteria: GateCriteria, read: ReadItems) =>
  judgeRun(run, criteria, read, { names: flagNames })

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
    const outcome = await judge(completedRun(), { ...none, minScore: 0.8 }, () => items([]))
    expect(outcome.verdict).toBe('failed')
    expect(outcome.reason).toBe('completed, but score 79 of 0..100 (0.790) is below --min-score 0.8')
    const met = await judge(completedRun(), { ...none, minScore: 0.79 }, () => items([]))
    expect(met.verdict).toBe('passed')
  })

  it('fails closed: zero items, no score, a read cut short, no verdicts', async () => {
    const zero = await judge(completedRun({ progress: { total: 0, completed: 0, failed: 0 } }), none, () =>
      items([]),
    )
    expect([zero.verdict, zero.reason]).toEqual(['failed', 'completed with zero items: nothing was judged'])

    const unscored = await judge(
      completedRun({ score: null, normalizedScore: null }),
      { ...none, minScore: 0.5 },
      () => items([]),
    )
    expect(unscored.verdict).toBe('failed')
    expect(unscored.reason).toContain('it has no score, so --min-score 0.5 cannot be met')

    const cutShort = await judge(completedRun(), { ...none, minPassRate: 0.5 }, () =>
      items(['passed', 'passed', 'failed'], 2),
    )
    expect(cutShort.verdict).toBe('unread')
    expect(cutShort.error).toBeInstanceOf(Error)
    expect(cutShort.reason).toContain('reading its results was cut short, so the gate cannot pass')

    const noVerdicts = await judge(completedRun(), { ...none, minPassRate: 0.5 }, () =>
      items(['completed', 'completed']),
    )
    expect(noVerdicts.reason).toContain('none of its 2 items has a pass/fail verdict')
    expect(noVerdicts.verdict).toBe('failed')
  })

  it('fails closed when the results listing stopped early, though every page read passed', async () => {
    const outcome = await judge(completedRun(), { ...none, minPassRate: 0.5 }, (onWarning) => {
      onWarning('OpenAI handed back cursor "x" a second time; listing stopped there.', { stoppedEarly: true })
      return items(['passed', 'passed'])
    })
    expect(outcome.verdict).toBe('failed')
    expect(outcome.reason).toBe(
      'reading its results stopped early, so the gate cannot pass: OpenAI handed back cursor "x" a second time; listing stopped there.',
    )
  })

  it('counts a pass rate over verdicts only, errored items in neither', async () => {
    const outcome = await judge(completedRun(), { ...none, minPassRate: 0.75 }, () =>
      items(['passed', 'passed', 'passed', 'failed', 'error']),
    )
    expect([outcome.verdict, outcome.reason]).toEqual([
      'passed',
      'completed, score 79 of 0..100 (0.790), pass rate 0.750',
    ])
  })

  it('prefers the run’s own pass rate to reading its items', async () => {
    const outcome = await judge(completedRun({ passRate: 0.5 }), { ...none, minPassRate: 0.6 }, () => {
      throw new Error('items must not be read')
    })
    expect(outcome.reason).toContain('pass rate 0.500 is below --min-pass-rate 0.6')
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
    const outcome = await judge(run, { ...none, minScore: 0.5 }, () => items([]))
    expect(outcome.verdict).toBe('not-judgeable')
    expect(outcome.reason).toBe(
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
    const outcome = await judge(
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
      verdict: 'not-judgeable',
      reason: '--min-metric cannot judge promptlayer:7: it has no metric "Nope" (it has "accuracy").',
    })
    expect(read).toBe(false)
  })

  it('fails a run that failed or was canceled whatever its score', async () => {
    expect((await judge(completedRun({ status: 'canceled' }), none, () => items([]))).reason).toBe(
      'was canceled',
    )
    const failed = await judge(
      completedRun({ status: 'failed', progress: { total: 4, completed: 4, failed: 3 } }),
      none,
      () => items([]),
    )
    expect(failed.reason).toBe('failed: 3 of 4 items failed')
  })
})

describe('judgeRun reasons', () => {
  it('name the config file’s keys by default', async () => {
    const outcome = await judgeRun(completedRun(), { ...none, minScore: 0.8 }, () => items([]))
    expect(outcome.reason).toBe('completed, but score 79 of 0..100 (0.790) is below minScore 0.8')
  })
})
