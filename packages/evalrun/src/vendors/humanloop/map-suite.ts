import type { Evaluation } from '@evalrun/humanloop'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import type { EvalSuite } from '../../core/suite.js'

/** A Humanloop evaluation as an `EvalSuite`: its runs are the evaluation's runs (`run.suite.ref` is the same ref). */
export function mapHumanloopSuite(evaluation: unknown): EvalSuite<'humanloop'> {
  const warnings: string[] = []
  const id = readId<Evaluation>(evaluation, 'id')
  if (id === null) warnings.push('The evaluation has no id: its suite ref is empty.')
  return {
    ref: `humanloop:${encodeRefPart(id ?? '')}`,
    vendor: 'humanloop',
    id: id ?? '',
    kind: 'evaluation',
    name: readString<Evaluation>(evaluation, 'name'),
    createdAt: parseVendorDate(readField<Evaluation>(evaluation, 'created_at'), 'created_at', warnings),
    url: readString<Evaluation>(evaluation, 'url'),
    raw: evaluation,
    warnings,
  }
}
