import type { JudgementInput } from '../../core/finish-item.js'
import type { ScoreScale } from '../../core/model.js'
import { preview, readField, readString } from '../../core/read-json.js'
import type { PhoenixExportAnnotation } from './export-records.js'

/** Scales the user declared for Phoenix evaluation scores, by evaluation name (Phoenix declares none). */
export type PhoenixScales = ReadonlyMap<string, ScoreScale>

/** A Phoenix evaluation as judgements, and whether the evaluator failed on it. */
export interface MappedEvaluation {
  name: string | null
  judgements: JudgementInput[]
  /** The evaluator's `error`, when it failed. */
  error: string | null
}

/**
 * One annotation of the experiment JSON export as judgements: its `score` numeric (on the scale the user declared
 * for its name, else none: Phoenix gives a score no range), its `label` categorical, under the evaluation's name,
 * or `<name> label` beside a score. Neither makes a verdict: Phoenix defines no pass threshold. An annotation
 * whose evaluator failed (`error`) gives none. Accepts any value; never throws.
 */
export function mapPhoenixEvaluation(
  annotation: unknown,
  scales: PhoenixScales,
  warnings: string[],
): MappedEvaluation {
  const name = readString<PhoenixExportAnnotation>(annotation, 'name')
  if (name === null) {
    warnings.push('A Phoenix evaluation has no name; it is left out.')
    return { name, judgements: [], error: null }
  }
  const error = readString<PhoenixExportAnnotation>(annotation, 'error')
  if (error !== null) return { name, judgements: [], error }
  const judgements: JudgementInput[] = []
  const score = readField<PhoenixExportAnnotation>(annotation, 'score')
  if (typeof score === 'number' && Number.isFinite(score)) {
    judgements.push({ name, kind: 'numeric', value: score, scale: scales.get(name) ?? null, passed: null })
  } else if (score !== null && score !== undefined) {
    warnings.push(
      `Evaluation ${JSON.stringify(name)} has score ${preview(score)}, not a number; it is left out.`,
    )
  }
  const label = readString<PhoenixExportAnnotation>(annotation, 'label')
  if (label !== null) {
    const labelName = judgements.length > 0 ? `${name} label` : name
    judgements.push({ name: labelName, kind: 'categorical', value: label, scale: null, passed: null })
  }
  return { name, judgements, error: null }
}
