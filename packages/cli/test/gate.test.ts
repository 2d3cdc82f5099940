import { EvalrunWaitDeadlineError } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { ExitCode } from '../src/exit-codes.js'
import { parseGateCriteria } from '../src/gate/gate-criteria.js'
import { exitCodeOf } from '../src/gate/gate-outcome.js'

describe('exitCodeOf', () => {
  it('maps the library’s verdicts to exit codes, an unread verdict by the error that kept it unread', () => {
    expect(exitCodeOf({ verdict: 'passed' })).toBe(ExitCode.ok)
    expect(exitCodeOf({ verdict: 'failed' })).toBe(ExitCode.gateFailed)
    expect(exitCodeOf({ verdict: 'not-judgeable' })).toBe(ExitCode.usage)
    expect(exitCodeOf({ verdict: 'unread' })).toBe(ExitCode.api)
    expect(exitCodeOf({ verdict: 'unread', error: new Error('socket hang up') })).toBe(ExitCode.api)
    const deadline = new EvalrunWaitDeadlineError({
      ref: 'datalab:1',
      timeoutMs: 10,
      lastRun: null,
      message: 'gave up',
    })
    expect(exitCodeOf({ verdict: 'unread', error: deadline })).toBe(ExitCode.timeout)
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
