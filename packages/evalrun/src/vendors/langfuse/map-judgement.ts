import type { BooleanScore, Score } from '@evalrun/langfuse'
import type { JudgementInput } from '../../core/finish-item.js'
import { preview, readField, readString } from '../../core/read-json.js'
import { RATE_SCALE } from '../../core/score-scale.js'
import type { LangfuseScales } from './map-score-configs.js'

/** A Langfuse score as a judgement: its scale is always said (null: unknown), a boolean is its own verdict. */
export type LangfuseJudgement = JudgementInput & Required<Pick<JudgementInput, 'scale' | 'passed'>>

/**
 * One Langfuse score (`ScoreV3`) as a judgement, typed by its `dataType`: NUMERIC (a number, on its config's
 * scale if one bounds it), BOOLEAN (true/false, 0/1, a verdict), CATEGORICAL (a category). TEXT and CORRECTION
 * scores are free text: null, silently. Anything else is null with a warning. Never throws.
 */
export function mapLangfuseJudgement(
  score: unknown,
  scales: LangfuseScales,
  warnings: string[],
): LangfuseJudgement | null {
  const dataType = readString<Score>(score, 'dataType')
  const name = readString<Score>(score, 'name')
  const raw = readField<Score>(score, 'value')
  if (dataType === 'TEXT' || dataType === 'CORRECTION') return null
  if (name === null) {
    warnings.push(`A Langfuse ${dataType ?? 'score'} has no name; it is left out.`)
    return null
  }
  switch (dataType) {
    case 'NUMERIC': {
      const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null
      if (value === null) warnings.push(`Score ${JSON.stringify(name)} is ${preview(raw)}, not a number.`)
      return { name, kind: 'numeric', value, scale: scales.numeric(name), passed: null }
    }
    case 'BOOLEAN': {
      // The spec says boolean; Langfuse's older score APIs sent 1 and 0, read the same way.
      const value: BooleanScore['value'] | null =
        typeof raw === 'boolean' ? raw : raw === 1 ? true : raw === 0 ? false : null
      if (value === null)
        warnings.push(`Score ${JSON.stringify(name)} is ${preview(raw)}, not true or false.`)
      return { name, kind: 'boolean', value, scale: RATE_SCALE, passed: value }
    }
    case 'CATEGORICAL': {
      const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : null
      if (value === null) warnings.push(`Score ${JSON.stringify(name)} is ${preview(raw)}, not a category.`)
      return { name, kind: 'categorical', value, scale: null, passed: null }
    }
    default:
      warnings.push(
        `Score ${JSON.stringify(name)} has data type ${preview(readField<Score>(score, 'dataType'))}, which evalrun does not know; it is left out.`,
      )
      return null
  }
}
