import type { Dataset } from '@evalrun/langfuse'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import type { EvalSuite } from '../../core/suite.js'

/** A Langfuse dataset as an `EvalSuite`: its experiments are its runs (`run.suite.ref` is the same ref). */
export function mapLangfuseSuite(dataset: unknown): EvalSuite<'langfuse'> {
  const warnings: string[] = []
  const id = readId<Dataset>(dataset, 'id')
  if (id === null) warnings.push('The dataset has no id: its suite ref is empty.')
  return {
    ref: `langfuse:${encodeRefPart(id ?? '')}`,
    vendor: 'langfuse',
    id: id ?? '',
    kind: 'dataset',
    name: readString<Dataset>(dataset, 'name'),
    createdAt: parseVendorDate(readField<Dataset>(dataset, 'createdAt'), 'createdAt', warnings),
    url: null,
    raw: dataset,
    warnings,
  }
}
