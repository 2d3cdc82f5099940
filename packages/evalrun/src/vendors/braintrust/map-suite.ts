import type { Project } from '@evalrun/braintrust'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import type { EvalSuite } from '../../core/suite.js'

/** A Braintrust project as an `EvalSuite`: its experiments are its runs (`run.suite.ref` is the same ref). */
export function mapBraintrustSuite(project: unknown): EvalSuite<'braintrust'> {
  const warnings: string[] = []
  const id = readId<Project>(project, 'id')
  if (id === null) warnings.push('The project has no id: its suite ref is empty.')
  return {
    ref: `braintrust:${encodeRefPart(id ?? '')}`,
    vendor: 'braintrust',
    id: id ?? '',
    kind: 'project',
    name: readString<Project>(project, 'name'),
    createdAt: parseVendorDate(readField<Project>(project, 'created'), 'created', warnings),
    // The list gives no page address (summaries give one per experiment).
    url: null,
    raw: project,
    warnings,
  }
}
