import type { ComparedItem, RunComparison } from 'evalrun'
import { type AnnotationLocation, annotation } from './github-commands.js'

/** GitHub shows 10 error and 10 warning annotations per step; more would be lost, so evalrun says how many more. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10

/** A gate's verdict on one run or suite, as the annotations need it. */
export interface AnnotatedVerdict {
  /** What was judged: `datalab:1 datalab:6` (suite and run) or a run ref. */
  subject: string
  passed: boolean
  reason: string
  /** The config entry of the suite (`evalrun check`), so that GitHub shows the annotation on that line. */
  location?: AnnotationLocation | null
}

/**
 * `::error` for each failed gate, then `::warning` for the worst regressed items of the comparisons (largest drop
 * first), each level bounded: past the bound one last annotation counts the rest.
 */
export function gateAnnotations(
  verdicts: readonly AnnotatedVerdict[],
  comparisons: readonly RunComparison[],
  max = MAX_ANNOTATIONS_PER_LEVEL,
): string {
  const errors = verdicts
    .filter((verdict) => !verdict.passed)
    .map((verdict) => ({
      title: `evalrun: ${verdict.subject} failed`,
      message: verdict.reason,
      location: verdict.location ?? null,
    }))
  const regressions = worstRegressions(comparisons).map(({ comparison, item }) => ({
    title: `evalrun: regression in ${comparison.head.suite.ref}`,
    message: describeRegression(comparison, item),
  }))
  return [
    ...bounded(errors, max, 'more gates failed').map((a) =>
      annotation('error', a.title, a.message, a.location ?? null),
    ),
    ...bounded(regressions, max, 'more items regressed').map((a) =>
      annotation('warning', a.title, a.message),
    ),
  ].join('')
}

interface Annotation {
  title: string
  message: string
  location?: AnnotationLocation | null
}

function bounded(all: Annotation[], max: number, more: string): Annotation[] {
  if (all.length <= max) return all
  const shown = all.slice(0, max - 1)
  const rest = all.length - shown.length
  return [...shown, { title: `evalrun: ${rest} ${more}`, message: `${rest} ${more}: see the step summary.` }]
}

/** Regressed items of every comparison, largest drop first; items without a number of drop last. */
function worstRegressions(comparisons: readonly RunComparison[]) {
  const all = comparisons.flatMap((comparison) =>
    comparison.items.filter((item) => item.change === 'regressed').map((item) => ({ comparison, item })),
  )
  return all.sort((a, b) => (a.item.scoreDelta ?? 0) - (b.item.scoreDelta ?? 0))
}

function describeRegression(comparison: RunComparison, item: ComparedItem): string {
  const side = (s: ComparedItem['base']) =>
    s === null ? 'absent' : `${s.status}${s.score === null ? '' : ` ${formatNumber(s.score)}`}`
  const delta = item.scoreDelta === null ? '' : ` (${formatNumber(item.scoreDelta)})`
  return `item ${item.key}: ${side(item.base)} in ${comparison.base.ref} → ${side(item.head)} in ${comparison.head.ref}${delta}`
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3)
}
