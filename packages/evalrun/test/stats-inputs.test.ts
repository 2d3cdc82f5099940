import { EvalrunInvalidInputError } from 'evalrun'
import { mcnemar, meanInterval, pairedDifference, wilsonInterval } from 'evalrun/stats'
import { describe, expect, it } from 'vitest'

function rejection(call: () => unknown): EvalrunInvalidInputError {
  try {
    call()
  } catch (error) {
    expect(error).toBeInstanceOf(EvalrunInvalidInputError)
    return error as EvalrunInvalidInputError
  }
  throw new Error('expected a rejection')
}

describe('evalrun/stats input checks name what was wrong and what was expected', () => {
  it.each([
    ['successes', () => wilsonInterval(11, 10), /at most n \(10\)/],
    ['successes', () => wilsonInterval(1.5, 10), /whole number/],
    ['n', () => wilsonInterval(0, 0), /number of trials/],
    ['level', () => wilsonInterval(1, 2, 95), /between 0 and 1/],
    ['values', () => meanInterval([1]), /at least 2/],
    ['values[1]', () => meanInterval([1, Number.NaN]), /finite number/],
    ['options.clusters', () => meanInterval([1, 2, 3], { clusters: ['a', 'b'] }), /one cluster id per value/],
    ['options.clusters', () => meanInterval([1, 2], { clusters: ['a', 'a'] }), /at least 2 distinct/],
    ['options.clusters[0]', () => meanInterval([1, 2], { clusters: [null as never, 'a'] }), /cluster id/],
    [
      'options.level',
      () =>
        pairedDifference(
          [
            [0, 1],
            [1, 1],
          ],
          { level: 0 },
        ),
      /between 0 and 1/,
    ],
    ['pairs[1]', () => pairedDifference([[0, 1], [1] as never]), /\[base, head\] pair/],
    ['pairs[0]', () => mcnemar([[1, 0] as never]), /booleans/],
  ])('%s', (field, call, expected) => {
    const error = rejection(call)
    expect(error.field).toBe(field)
    expect(error.expected).toMatch(expected)
  })

  it('gives a zero-width interval and p = 1 when nothing moved, and p = 1 with no discordant pairs', () => {
    const same = pairedDifference([
      [0.5, 0.5],
      [1, 1],
    ])
    expect(same).toMatchObject({ estimate: 0, standardError: 0, low: 0, high: 0, pValue: 1 })
    expect(mcnemar([[true, true]]).pValue).toBe(1)
  })

  it('with one cluster per value, the clustered interval is the plain one', () => {
    const values = [0.1, 0.4, 0.35, 0.8, 0.6]
    const plain = meanInterval(values)
    const clustered = meanInterval(values, { clusters: values.map((_, i) => i) })
    expect(clustered.standardError).toBeCloseTo(plain.standardError, 12)
    expect(clustered.high).toBeCloseTo(plain.high, 12)
  })
})
