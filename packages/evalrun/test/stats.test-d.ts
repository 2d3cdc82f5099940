import type { EvalrunRuns, RunComparison } from 'evalrun'
import type * as stats from 'evalrun/stats'
import type {
  CompareStats,
  ComparisonSignificance,
  MeasureSignificance,
  PassRateSignificance,
  RunStats,
  RunStatsFunctions,
} from 'evalrun/stats'
import {
  judgeDrop,
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

  it('gives comparisons a significance and the client a stats method, typed by what evalrun/stats returns', () => {
    expectTypeOf<RunComparison['significance']>().toEqualTypeOf<ComparisonSignificance | null>()
    expectTypeOf<ComparisonSignificance['passRate']>().toEqualTypeOf<PassRateSignificance | null>()
    expectTypeOf<PassRateSignificance['mcnemar']>().toEqualTypeOf<McNemarTest>()
    expectTypeOf<MeasureSignificance['verdict']>().toEqualTypeOf<
      'regressed' | 'improved' | 'no detectable change'
    >()
    expectTypeOf<EvalrunRuns['stats']>().returns.resolves.toEqualTypeOf<RunStats>()
    expectTypeOf<RunStats['passRate']>().toEqualTypeOf<ProportionInterval | null>()
    expectTypeOf<typeof stats>().toMatchTypeOf<CompareStats & RunStatsFunctions>()
    expectTypeOf(judgeDrop).returns.toHaveProperty('measure').toEqualTypeOf<'pass rate' | 'score' | null>()
  })
})
