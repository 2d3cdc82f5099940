import { readFileSync } from 'node:fs'
import { mcnemar, meanInterval, pairedDifference, wilsonInterval } from 'evalrun/stats'
import { describe, expect, it } from 'vitest'

// Recorded by SciPy and statsmodels: see the provenance in the file and fixtures/stats-reference.py.
const reference = JSON.parse(
  readFileSync(new URL('./fixtures/stats-reference.json', import.meta.url), 'utf8'),
) as {
  wilson: { successes: number; n: number; level: number; low: number; high: number }[]
  means: {
    label: string
    values: number[]
    level: number
    estimate: number
    standardError: number
    low: number
    high: number
  }[]
  clusteredMeans: {
    label: string
    values: number[]
    clusters: number[]
    level: number
    estimate: number
    standardError: number
    low: number
    high: number
  }[]
  paired: PairedCase[]
  clusteredPaired: (PairedCase & { clusters: number[] })[]
  mcnemar: { improved: number; regressed: number; pValue: number }[]
}

interface PairedCase {
  label: string
  pairs: [number, number][]
  level: number
  estimate: number
  standardError: number
  low: number
  high: number
  pValue: number
  minimumDetectableEffect: number
}

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 7)

describe('evalrun/stats against SciPy and statsmodels', () => {
  it.each(reference.wilson)(
    'wilsonInterval($successes, $n, $level)',
    ({ successes, n, level, low, high }) => {
      const interval = wilsonInterval(successes, n, level)
      close(interval.low, low)
      close(interval.high, high)
      expect(interval).toMatchObject({ estimate: successes / n, level, n, method: 'wilson' })
    },
  )

  it.each(reference.means)(
    'meanInterval: $label',
    ({ values, level, estimate, standardError, low, high }) => {
      const interval = meanInterval(values, { level })
      close(interval.estimate, estimate)
      close(interval.standardError, standardError)
      close(interval.low, low)
      close(interval.high, high)
      expect(interval).toMatchObject({ n: values.length, degreesOfFreedom: values.length - 1, method: 't' })
    },
  )

  it.each(reference.clusteredMeans)('meanInterval with clusters: $label', (fixture) => {
    const interval = meanInterval(fixture.values, { level: fixture.level, clusters: fixture.clusters })
    close(interval.estimate, fixture.estimate)
    close(interval.standardError, fixture.standardError)
    close(interval.low, fixture.low)
    close(interval.high, fixture.high)
    const clusters = new Set(fixture.clusters).size
    expect(interval).toMatchObject({ clusters, degreesOfFreedom: clusters - 1, method: 'cluster-robust t' })
  })

  const pairedCases = [
    ...reference.paired.map((fixture) => ({ ...fixture, clusters: undefined })),
    ...reference.clusteredPaired,
  ]
  it.each(pairedCases)('pairedDifference: $label', (fixture) => {
    const result = pairedDifference(fixture.pairs, { level: fixture.level, clusters: fixture.clusters })
    for (const field of ['estimate', 'standardError', 'low', 'high', 'minimumDetectableEffect'] as const) {
      close(result[field], fixture[field])
    }
    // p-values to 6 significant digits, however small.
    expect(result.pValue / fixture.pValue).toBeCloseTo(1, 5)
  })

  it.each(reference.mcnemar)('mcnemar: $improved improved, $regressed regressed', (fixture) => {
    const pairs: [boolean, boolean][] = [
      ...Array.from({ length: fixture.improved }, (): [boolean, boolean] => [false, true]),
      ...Array.from({ length: fixture.regressed }, (): [boolean, boolean] => [true, false]),
      [true, true],
      [false, false],
    ]
    const result = mcnemar(pairs)
    expect(result).toMatchObject({ improved: fixture.improved, regressed: fixture.regressed })
    expect(result.pValue / fixture.pValue).toBeCloseTo(1, 6)
  })
})
