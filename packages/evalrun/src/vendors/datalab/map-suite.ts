import type { EvalBatchRun } from '@evalrun/datalab'
import { readId } from '../../core/read-json.js'
import type { EvalSuite } from '../../core/suite.js'

/**
 * The collection a Datalab batch run evaluated, as an `EvalSuite`, or null for a run that names none. Datalab
 * has no list of collections: they are found through their batch runs, so a collection without runs is not
 * listed, and its name and creation time are not known.
 */
export function mapDatalabSuite(run: unknown): EvalSuite<'datalab'> | null {
  const id = readId<EvalBatchRun>(run, 'collection_id')
  if (id === null) return null
  return {
    ref: `datalab:${id}`,
    vendor: 'datalab',
    id,
    kind: 'collection',
    name: null,
    createdAt: null,
    url: null,
    raw: run,
    warnings: [
      'Found through its batch runs (Datalab has no list of collections): its name and creation time are not known.',
    ],
  }
}
