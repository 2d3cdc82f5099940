import type { Dataset } from '@evalrun/phoenix'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import type { EvalSuite } from '../../core/suite.js'

/** A Phoenix dataset as an `EvalSuite`: its experiments are its runs (`run.suite.ref` is the same ref). */
export function mapPhoenixSuite(dataset: unknown): EvalSuite<'phoenix'> {
  const warnings: string[] = []
  const id = readId<Dataset>(dataset, 'id')
  if (id === null) warnings.push('The dataset has no id: its suite ref is empty.')
  return {
    ref: `phoenix:${encodeRefPart(id ?? '')}`,
    vendor: 'phoenix',
    id: id ?? '',
    kind: 'dataset',
    name: readString<Dataset>(dataset, 'name'),
    createdAt: parseVendorDate(readField<Dataset>(dataset, 'created_at'), 'created_at', warnings),
    url: null,
    raw: dataset,
    warnings,
  }
}
