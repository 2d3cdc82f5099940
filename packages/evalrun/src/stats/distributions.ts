import jStat from 'jstat'

// The distributions behind the intervals and tests, from jStat: no hand-written numerics.

/** The p-quantile of Student's t with `dof` degrees of freedom. */
export function tQuantile(p: number, dof: number): number {
  return jStat.studentt.inv(p, dof)
}

/** P(T ≤ x) for Student's t with `dof` degrees of freedom. */
export function tCdf(x: number, dof: number): number {
  return jStat.studentt.cdf(x, dof)
}

/** The p-quantile of the standard normal distribution. */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1)
}

/** P(X ≤ k) for X ~ Binomial(n, p), as the regularized incomplete beta I_{1−p}(n − k, k + 1). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0
  if (k >= n) return 1
  return jStat.ibeta(1 - p, n - k, k + 1)
}
