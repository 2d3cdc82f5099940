import { EvalrunInvalidInputError } from '../core/errors.js'
import { checkArray, checkFinite, checkLevel } from './check.js'
import { tQuantile } from './distributions.js'
import type { IntervalOptions, MeanInterval } from './types.js'

/**
 * The mean of `values` with a Student-t interval: standard error sd/√n and n − 1 degrees of freedom; with
 * `clusters`, the cluster-robust standard error √(C/(C−1) · Σ_c (Σ_{i∈c} (x_i − x̄))²) / n and C − 1 degrees of
 * freedom, so that correlated items (trials of one case) do not count as independent ones.
 */
export function meanInterval(values: readonly number[], options: IntervalOptions = {}): MeanInterval {
  const { level = 0.95, clusters } = checkOptions(options)
  checkLevel(level, 'options.level')
  checkArray(values, 'values', 2, 'the values to average')
  values.forEach((value, i) => {
    checkFinite(value, `values[${i}]`)
  })
  checkClusters(clusters, values.length)
  return intervalOf(values, level, clusters)
}

/** `meanInterval` on values already checked. */
export function intervalOf(
  values: readonly number[],
  level: number,
  clusters: readonly (string | number)[] | undefined,
): MeanInterval {
  const n = values.length
  let sum = 0
  for (const value of values) sum += value
  const estimate = sum / n
  let standardError: number
  let groups = n
  if (clusters === undefined) {
    let squares = 0
    for (const value of values) squares += (value - estimate) ** 2
    standardError = Math.sqrt(squares / (n - 1) / n)
  } else {
    const residuals = clusterResiduals(values, estimate, clusters)
    groups = residuals.size
    if (groups < 2) {
      throw new EvalrunInvalidInputError({
        field: 'options.clusters',
        value: `${groups} cluster`,
        expected: 'at least 2 distinct cluster ids: one cluster leaves no degrees of freedom',
      })
    }
    let squares = 0
    for (const residual of residuals.values()) squares += residual * residual
    standardError = Math.sqrt((groups / (groups - 1)) * squares) / n
  }
  const degreesOfFreedom = groups - 1
  const half = tQuantile(1 - (1 - level) / 2, degreesOfFreedom) * standardError
  return {
    estimate,
    standardError,
    low: estimate - half,
    high: estimate + half,
    level,
    n,
    method: clusters === undefined ? 't' : 'cluster-robust t',
    degreesOfFreedom,
    clusters: groups,
  }
}

/** Per cluster id, the sum of its values' residuals. */
function clusterResiduals(
  values: readonly number[],
  mean: number,
  clusters: readonly (string | number)[],
): Map<string | number, number> {
  const sums = new Map<string | number, number>()
  values.forEach((value, i) => {
    const id = clusters[i] as string | number
    sums.set(id, (sums.get(id) ?? 0) + (value - mean))
  })
  return sums
}

function checkOptions(options: IntervalOptions): IntervalOptions {
  if (typeof options !== 'object' || options === null) {
    throw new EvalrunInvalidInputError({
      field: 'options',
      value: options,
      expected: 'an options object ({ level?, clusters? })',
    })
  }
  return options
}

/** Checks `clusters` against the number of values: one string or number id per value. */
export function checkClusters(clusters: unknown, n: number): void {
  if (clusters === undefined) return
  if (!Array.isArray(clusters) || clusters.length !== n) {
    throw new EvalrunInvalidInputError({
      field: 'options.clusters',
      value: Array.isArray(clusters) ? `an array of ${clusters.length}` : clusters,
      expected: `one cluster id per value (${n})`,
    })
  }
  clusters.forEach((id, i) => {
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      throw new EvalrunInvalidInputError({
        field: `options.clusters[${i}]`,
        value: id,
        expected: 'a cluster id: a string or a finite number',
      })
    }
  })
}
