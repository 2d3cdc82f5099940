import type { SuiteOutcome } from '../gate/gate-outcome.js'
import { formatProgress, formatRate, formatScoreOnScale } from './format-run.js'

/**
 * What a suite's verdict rests on, as indented lines (GitLab folds them under the verdict): the run judged, its
 * score on its scale, pass rate and items, the baseline and the drop, and the run's warnings.
 */
export function describeSuiteDetails(outcome: SuiteOutcome): string {
  const { run, baseline, drop } = outcome
  const fields: [string, string][] = []
  if (run === null) fields.push(['run', `${outcome.ref} (not read)`])
  else {
    fields.push(
      ['run', `${run.ref}${run.name ? ` (${run.name})` : ''}`],
      ['status', run.status],
      ['score', formatScoreOnScale(run)],
      ['pass rate', formatRate(run.passRate)],
      ['items', formatProgress(run)],
    )
    for (const metric of run.metrics) {
      const value = metric.value === null ? '—' : metric.value.toFixed(3)
      fields.push([
        `metric`,
        `${metric.name} ${value}${metric.scale ? ` (${metric.scale.min}..${metric.scale.max})` : ''}`,
      ])
    }
  }
  if (baseline !== null) fields.push(['baseline', baseline.ref])
  if (drop !== null) fields.push(['drop', drop.reason])
  fields.push(['verdict', outcome.line])
  for (const warning of run?.warnings ?? []) fields.push(['warning', warning])
  return fields.map(([label, value]) => `    ${label.padEnd(10)} ${value}\n`).join('')
}
