import type { EvalItem, EvalJudgement, ScoreScale, Vendor } from './model.js'
import { normalizeOnScale, RATE_SCALE, sameRange } from './score-scale.js'

/** A judgement as a mapper builds it: a boolean's scale and verdict default; `normalizedValue` is derived. */
export type JudgementInput = Omit<EvalJudgement, 'normalizedValue' | 'scale' | 'passed'> &
  Partial<Pick<EvalJudgement, 'scale' | 'passed'>>

/**
 * An item as a mapper builds it. `score` and `scoreScale` are given only when the vendor scores the item itself;
 * otherwise `finishItem` derives them from the judgements.
 */
export type ItemInput<V extends Vendor> = Omit<
  EvalItem<V>,
  'normalizedScore' | 'judgements' | 'score' | 'scoreScale'
> & {
  score?: number | null
  scoreScale?: ScoreScale | null
  judgements: JudgementInput[]
}

/**
 * Completes an item the same way for every vendor: judgements get their normalised values, and an item the vendor
 * does not score gets the mean of its judgements only when they all share one known scale (a 0..10 rating and a
 * pass/fail are never averaged). Completed in place, like `finishRun`.
 */
export function finishItem<V extends Vendor>(item: ItemInput<V>): EvalItem<V> {
  const finished = item as unknown as EvalItem<V>
  for (const judgement of item.judgements) finishJudgement(judgement, item.warnings)
  if (item.score === undefined) {
    const derived = meanOnOneScale(finished.judgements)
    finished.score = derived?.score ?? null
    finished.scoreScale = derived?.scale ?? null
  } else {
    finished.score = item.score
    finished.scoreScale = item.scoreScale ?? null
  }
  finished.normalizedScore = normalizeOnScale(
    finished.score,
    finished.scoreScale,
    'The item score',
    item.warnings,
  )
  return finished
}

function finishJudgement(judgement: JudgementInput, warnings: string[]): void {
  const finished = judgement as EvalJudgement
  const { value } = judgement
  if (typeof value === 'boolean') {
    finished.scale = judgement.scale ?? RATE_SCALE
    finished.passed = judgement.passed ?? value
    finished.normalizedValue = value ? 1 : 0
    return
  }
  finished.scale = judgement.scale ?? null
  finished.passed = judgement.passed ?? null
  finished.normalizedValue =
    typeof value === 'number'
      ? normalizeOnScale(value, finished.scale, `Judgement "${judgement.name}"`, warnings)
      : null
}

function meanOnOneScale(judgements: EvalJudgement[]): { score: number; scale: ScoreScale } | null {
  let scale: ScoreScale | null = null
  let sum = 0
  let count = 0
  for (const judgement of judgements) {
    const value = typeof judgement.value === 'boolean' ? Number(judgement.value) : judgement.value
    if (typeof value !== 'number' || !Number.isFinite(value)) continue
    const own: ScoreScale | null = judgement.scale
    if (own === null) return null
    if (scale === null) scale = own
    else if (!sameRange(scale, own)) return null
    else if (scale.source !== own.source) scale = { min: own.min, max: own.max, source: 'computed' }
    sum += value
    count++
  }
  return scale === null || count === 0 ? null : { score: sum / count, scale }
}
