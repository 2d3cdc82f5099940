import type { BraintrustFunction, Dataset, Project } from '@evalrun/braintrust'
import type { ListingWarn } from '../../core/paginate.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField, readId, readString } from '../../core/read-json.js'
import { startOption } from '../../core/start-option.js'
import type { StartOption } from '../../core/suite.js'

/** What each listed object fills in a launch: the project id as it is, a dataset or a function inside a JSON file. */
export function mapBraintrustStartOptions(
  entry: unknown,
  what: 'project' | 'dataset' | 'function',
  warn: ListingWarn,
): StartOption[] {
  const id = readId<Project | Dataset | BraintrustFunction>(entry, 'id')
  const name = readString<Project | Dataset | BraintrustFunction>(entry, 'name')
  const createdAt = parseVendorDate(readField<Project>(entry, 'created'), 'created', [])
  const quoted = JSON.stringify(id ?? '')
  const options =
    what === 'project'
      ? [startOption({ field: 'projectId', kind: 'project', id, name, use: null, createdAt }, warn)]
      : what === 'dataset'
        ? [
            startOption(
              { field: 'data', kind: 'dataset', id, name, use: `{ "dataset_id": ${quoted} }`, createdAt },
              warn,
            ),
          ]
        : // A saved function can be the task or one of the scorers.
          [
            startOption(
              { field: 'task', kind: 'function', id, name, use: `{ "function_id": ${quoted} }`, createdAt },
              warn,
            ),
            startOption(
              {
                field: 'scores',
                kind: 'function',
                id,
                name,
                use: `[{ "function_id": ${quoted} }]`,
                createdAt,
              },
              () => {},
            ),
          ]
  return options.filter((option) => option !== null)
}
