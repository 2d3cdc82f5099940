import type { EvalRubric } from '@evalrun/datalab'
import type { ListingWarn } from '../../core/paginate.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readBoolean, readField, readId, readString } from '../../core/read-json.js'
import { startOption } from '../../core/start-option.js'
import type { StartOption } from '../../core/suite.js'

/** A rubric as what `--rubric` takes; an archived one is said so in its name, as it may no longer be meant. */
export function mapDatalabRubricOption(rubric: unknown, warn: ListingWarn): StartOption | null {
  const name = readString<EvalRubric>(rubric, 'name')
  const archived = readBoolean<EvalRubric>(rubric, 'archived') === true
  return startOption(
    {
      field: 'rubricId',
      kind: 'rubric',
      id: readId<EvalRubric>(rubric, 'id'),
      name: archived ? `${name ?? ''} (archived)`.trim() : name,
      use: null,
      createdAt: parseVendorDate(readField<EvalRubric>(rubric, 'created'), 'created', []),
    },
    warn,
  )
}
