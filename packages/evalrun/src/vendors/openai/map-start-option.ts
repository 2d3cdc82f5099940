import type { Eval, OpenAIStoredFile } from '@evalrun/openai'
import type { ListingWarn } from '../../core/paginate.js'
import { readField, readId, readString } from '../../core/read-json.js'
import { startOption } from '../../core/start-option.js'
import type { StartOption } from '../../core/suite.js'
import { parseUnixSeconds } from './parse-unix-time.js'

/** An eval as what `--eval` takes, or a stored file as the source `--data-source`'s JSON can name. */
export function mapOpenAIStartOption(
  entry: unknown,
  what: 'eval' | 'file',
  warn: ListingWarn,
): StartOption | null {
  const id = readId<Eval | OpenAIStoredFile>(entry, 'id')
  const created = parseUnixSeconds(readField<Eval | OpenAIStoredFile>(entry, 'created_at'), 'created_at', [])
  if (what === 'eval') {
    return startOption(
      {
        field: 'evalId',
        kind: 'eval',
        id,
        name: readString<Eval>(entry, 'name'),
        use: null,
        createdAt: created,
      },
      warn,
    )
  }
  return startOption(
    {
      field: 'dataSource',
      kind: 'file',
      id,
      name: readString<OpenAIStoredFile>(entry, 'filename'),
      // The data source names the file as its source; the rest of it (type, model, messages) is the run's.
      use: `"source": { "type": "file_id", "id": ${JSON.stringify(id ?? '')} }`,
      createdAt: created,
    },
    warn,
  )
}
