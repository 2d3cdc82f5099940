import { sharedScale } from './map-metrics.js'
import type { LangfuseJudgement, LangfuseScoreScale } from './types.js'

/** How a Langfuse run or item gets its one score, said in warnings and the README. */
export const LANGFUSE_SCORE_RULE =
  'the mean of its one numeric or boolean score name (a boolean as its share of true), or the share of true over several boolean names; none, or several names of which one is numeric: no score'

export interface Headline {
  score: number | null
  /** The scale `score` is on, when known. */
  scale: LangfuseScoreScale | null
  /** The numeric and boolean score names it was chosen from. */
  names: string[]
}

/**
 * The one score of a set of judgements. Scores of different names are never averaged unless all are verdicts
 * (booleans, one 0..1 scale): two numeric scores may be on scales nobody declared, and a mean of them would be a
 * number on no scale at all.
 */
export function headlineScore(judgements: readonly LangfuseJudgement[]): Headline {
  const scored = judgements.filter(
    (judgement) =>
      (judgement.kind === 'numeric' || judgement.kind === 'boolean') &&
      (typeof judgement.value === 'number' || typeof judgement.value === 'boolean'),
  )
  const names = [...new Set(scored.map((judgement) => judgement.name))]
  const kinds = new Set(scored.map((judgement) => `${judgement.kind}\u0000${judgement.name}`))
  const allBoolean = scored.every((judgement) => judgement.kind === 'boolean')
  if (scored.length === 0 || (kinds.size > 1 && !allBoolean)) return { score: null, scale: null, names }
  const sum = scored.reduce(
    (acc, { value }) => acc + (value === true ? 1 : value === false ? 0 : Number(value)),
    0,
  )
  return { score: sum / scored.length, scale: sharedScale(scored), names }
}
