import type { MeanInterval, ProportionInterval, RunStats } from 'evalrun/stats'

/** A run's intervals as lines: `pass rate 0.86, 95% CI 0.78–0.92, n = 120`. */
export function describeRunStats(stats: RunStats): string {
  const lines: string[] = []
  if (stats.passRate !== null) lines.push(`pass rate ${interval(stats.passRate)}`)
  if (stats.score !== null) lines.push(`score ${interval(stats.score)}`)
  for (const metric of stats.metrics) lines.push(`${metric.name} ${interval(metric)}`)
  if (lines.length === 0)
    return `no interval: ${stats.n} items, none with a verdict or a score on a known scale\n`
  if (!stats.complete) lines.push('(the item listing stopped early: these cover only the items read)')
  return `${lines.join('\n')}\n`
}

function interval(value: ProportionInterval | MeanInterval): string {
  const percent = `${Math.round(value.level * 1000) / 10}%`
  const clusters = 'clusters' in value && value.clusters < value.n ? ` in ${value.clusters} keys` : ''
  // Rates to 2 decimals, as they are usually read; means of scores to 3.
  const f = (x: number) => x.toFixed(value.method === 'wilson' ? 2 : 3)
  return `${f(value.estimate)}, ${percent} CI ${f(value.low)}–${f(value.high)}, n = ${value.n}${clusters}`
}
