import type { BraintrustFunction, Dataset, Experiment, Project } from '@evalrun/braintrust'
import type { ListingWarn } from '../../core/paginate.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField, readId, readString } from '../../core/read-json.js'
import { startOption } from '../../core/start-option.js'
import type { StartOption } from '../../core/suite.js'

/**
 * What each listed object fills in a launch: a project or base experiment id as it is, a dataset or a function
 * inside a JSON file.
 */
export function mapBraintrustStartOptions(
  entry: unknown,
  what: 'project' | 'dataset' | 'function' | 'experiment',
  warn: ListingWarn,
): StartOption[] {
  const id = readId<Project | Dataset | BraintrustFunction | Experiment>(entry, 'id')
  const name = readString<Project | Dataset | BraintrustFunction | Experiment>(entry, 'name')
  const createdAt = parseVendorDate(readField<Project>(entry, 'created'), 'created', [])
  const quoted = JSON.stringify(id ?? '')
  const option = (field: string, kind: string, use: string | null, say: ListingWarn = warn) =>
    startOption({ field, kind, id, name, use, createdAt }, say)
  let options: Array<StartOption | null>
  switch (what) {
    case 'project':
      options = [option('projectId', 'project', null)]
      break
    case 'experiment':
      options = [option('baseExperimentId', 'experiment', null)]
      break
    case 'dataset':
      options = [option('data', 'dataset', `{ "dataset_id": ${quoted} }`)]
      break
    case 'function':
      // A saved function can be the task or one of the scorers (a missing id is said once).
      options = [
        option('task', 'function', `{ "function_id": ${quoted} }`),
        option('scores', 'function', `[{ "function_id": ${quoted} }]`, () => {}),
      ]
      break
  }
  return options.filter((option) => option !== null)
}
