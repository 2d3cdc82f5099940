import type { MetricInput } from '../../core/finish-run.js'
import type { ScoreScale } from '../../core/model.js'
import { sameRange } from '../../core/score-scale.js'
import type { LangfuseJudgement } from './map-judgement.js'

/** Where run metrics come from: the scores Langfuse attaches to the experiment itself. */
export const LANGFUSE_METRIC_SOURCE = 'experiment scores'

/**
 * A metric per score name and kind, in the order they first appear: numeric scores give their mean (on their
 * config's scale when every one of them has it), boolean ones their share of `true` (with true/false counts: a
 * pass rate), categorical ones counts per category. Only scores with a value count.
 */
export function mapLangfuseMetrics(judgements: readonly LangfuseJudgement[]): MetricInput[] {
  const groups = new Map<string, LangfuseJudgement[]>()
  for (const judgement of judgements) {
    if (judgement.value === null) continue
    const key = `${judgement.kind}\u0000${judgement.name}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [judgement])
    else group.push(judgement)
  }
  return [...groups.values()].map((group) => metricOf(group))
}

function metricOf(group: LangfuseJudgement[]): MetricInput {
  const { name, kind } = group[0] as LangfuseJudgement
  const total = group.length
  if (kind === 'categorical') {
    const counts: Record<string, number> = {}
    for (const { value } of group) counts[String(value)] = (counts[String(value)] ?? 0) + 1
    return { name, kind, value: null, scale: null, counts, total, source: LANGFUSE_METRIC_SOURCE }
  }
  if (kind === 'boolean') {
    const yes = group.filter((judgement) => judgement.value === true).length
    return {
      name,
      kind,
      value: yes / total,
      counts: { true: yes, false: total - yes },
      total,
      source: LANGFUSE_METRIC_SOURCE,
    }
  }
  const sum = group.reduce((acc, judgement) => acc + (judgement.value as number), 0)
  return { name, kind, value: sum / total, scale: sharedScale(group), total, source: LANGFUSE_METRIC_SOURCE }
}

/** The scale the judgements of one name share, or null when they do not share a known one. */
export function sharedScale(judgements: readonly LangfuseJudgement[]): ScoreScale | null {
  const first = judgements[0]?.scale ?? null
  if (first === null) return null
  return judgements.every(({ scale }) => scale !== null && sameRange(scale, first)) ? first : null
}
