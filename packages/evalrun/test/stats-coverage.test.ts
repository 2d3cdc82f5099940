import { meanInterval, wilsonInterval } from 'evalrun/stats'
import { describe, expect, it } from 'vitest'
import { normalFrom, seededRandom } from './helpers/seeded-random.js'

// Coverage of 95% intervals in 2,000 simulated runs each, seeded so that every run of the test sees the same draws.
const RUNS = 2_000
const LEVEL = 0.95
const Z = 1.959963984540054

describe('coverage of 95% intervals in 2,000 simulated runs', () => {
  it('Wilson at n = 30, p = 0.9 covers at least 93% (the normal approximation far less)', () => {
    const uniform = seededRandom(30)
    let wilson = 0
    let wald = 0
    for (let run = 0; run < RUNS; run++) {
      let successes = 0
      for (let i = 0; i < 30; i++) if (uniform() < 0.9) successes++
      const interval = wilsonInterval(successes, 30, LEVEL)
      if (interval.low <= 0.9 && 0.9 <= interval.high) wilson++
      const p = successes / 30
      const half = Z * Math.sqrt((p * (1 - p)) / 30)
      if (p - half <= 0.9 && 0.9 <= p + half) wald++
    }
    expect(wilson / RUNS).toBeGreaterThanOrEqual(0.93)
    expect(wald / RUNS).toBeLessThan(0.93)
  })

  it('a clustered mean (clusters of 5 correlated items) covers at least 93% (the unclustered interval less)', () => {
    const normal = normalFrom(seededRandom(5))
    const truth = 0.7
    let clustered = 0
    let naive = 0
    for (let run = 0; run < RUNS; run++) {
      const values: number[] = []
      const clusters: number[] = []
      for (let cluster = 0; cluster < 20; cluster++) {
        // Items of one cluster share most of their deviation: intra-cluster correlation 0.8.
        const shared = normal() * 0.2
        for (let item = 0; item < 5; item++) {
          values.push(truth + shared + normal() * 0.1)
          clusters.push(cluster)
        }
      }
      const robust = meanInterval(values, { level: LEVEL, clusters })
      if (robust.low <= truth && truth <= robust.high) clustered++
      const plain = meanInterval(values, { level: LEVEL })
      if (plain.low <= truth && truth <= plain.high) naive++
    }
    expect(clustered / RUNS).toBeGreaterThanOrEqual(0.93)
    expect(naive / RUNS).toBeLessThan(0.85)
  })
})
