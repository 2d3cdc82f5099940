import type { ScoreScale } from '../../core/model.js'
import { sameRange } from '../../core/score-scale.js'
import type { LangfuseJudgement } from './map-judgement.js'
import { sharedScale } from './map-metrics.js'

/** How a Langfuse run gets its one score from its experiment-level scores, said in warnings and the README. */
export const LANGFUSE_SCORE_RULE =
  'one numeric or boolean score name: its mean (a boolean: its share of true); several: the mean of their means when all are on one known scale (bounds from a score config, 0..1 for booleans); otherwise no score'

export interface Headline {
  score: number | null
  /** The scale `score` is on, when known. */
  scale: ScoreScale | null
  /** The numeric and boolean score names it was chosen from. */
  names: string[]
}

/**
 * The one score of an experiment's scores, by `LANGFUSE_SCORE_RULE`. Scores of different names are averaged
 * only when they are on one known scale: a mean of a 0..1 score and a score nobody bounded would be a number on
 * no scale at all. (An item's score is `finishItem`'s, the same for every vendor.)
 */
export function headlineScore(judgements: readonly LangfuseJudgement[]): Headline {
  const groups = new Map<string, LangfuseJudgement[]>()
  for (const judgement of judgements) {
    if (judgement.kind === 'categorical' || judgement.value === null) continue
    const key = `${judgement.kind}\u0000${judgement.name}`
    groups.set(key, [...(groups.get(key) ?? []), judgement])
  }
  const names = [...new Set([...groups.values()].map((group) => (group[0] as LangfuseJudgement).name))]
  if (groups.size === 0) return { score: null, scale: null, names }
  const means = [...groups.values()].map((group) => ({
    value:
      group.reduce((sum, { value }) => sum + (value === true ? 1 : value === false ? 0 : Number(value)), 0) /
      group.length,
    scale: sharedScale(group),
  }))
  if (means.length === 1)
    return { score: (means[0] as (typeof means)[number]).value, scale: means[0]?.scale ?? null, names }
  const scale = means[0]?.scale ?? null
  const oneScale =
    scale !== null && means.every((mean) => mean.scale !== null && sameRange(mean.scale, scale))
  if (!oneScale) return { score: null, scale: null, names }
  return { score: means.reduce((sum, mean) => sum + mean.value, 0) / means.length, scale, names }
}
