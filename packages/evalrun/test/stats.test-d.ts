import {
  type McNemarTest,
  type MeanInterval,
  mcnemar,
  meanInterval,
  type PairedDifference,
  type ProportionInterval,
  pairedDifference,
  wilsonInterval,
} from 'evalrun/stats'
import { describe, expectTypeOf, it } from 'vitest'

describe('evalrun/stats types', () => {
  it('returns its documented shapes', () => {
    expectTypeOf(wilsonInterval(3, 10)).toEqualTypeOf<ProportionInterval>()
    expectTypeOf(wilsonInterval(3, 10).method).toEqualTypeOf<'wilson'>()
    expectTypeOf(meanInterval([1, 2], { clusters: ['a', 'b'] })).toEqualTypeOf<MeanInterval>()
    expectTypeOf(pairedDifference([[0, 1]])).toEqualTypeOf<PairedDifference>()
    expectTypeOf<PairedDifference>().toHaveProperty('minimumDetectableEffect').toEqualTypeOf<number>()
    expectTypeOf(mcnemar([[true, false]])).toEqualTypeOf<McNemarTest>()
  })

  it('takes pairs and cluster ids of the right types only', () => {
    // @ts-expect-error: mcnemar takes booleans
    mcnemar([[1, 0]])
    // @ts-expect-error: a cluster id is a string or a number
    meanInterval([1, 2], { clusters: [true, false] })
  })
})
