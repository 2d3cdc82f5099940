import type { FileList, OpenAIStoredFile } from '@evalrun/openai'
import type { VendorResponse } from '../../http/vendor-app.js'
import type { OpenAIEval, OpenAIModel } from './model.js'
import { type OpenAIRequest, ok, openaiError } from './operation.js'

/** `GET /files`'s default and largest page (its spec: "between 1 and 10,000, and the default is 10,000"). */
const MAX_FILE_LIMIT = 10_000

/**
 * The stored files: each eval's seeded JSONL file of test cases (purpose `evals`' nearest in the spec's enum,
 * `user_data`). Newest first unless `order=asc`; `after` continues from a file id, as OpenAI pages.
 */
export function listFiles(model: OpenAIModel, { query }: OpenAIRequest<'listFiles'>): VendorResponse {
  const limit = Number(query.limit ?? MAX_FILE_LIMIT)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FILE_LIMIT) {
    return openaiError(
      400,
      `Invalid 'limit': expected an integer between 1 and ${MAX_FILE_LIMIT}, but got ${String(query.limit)} instead.`,
      { param: 'limit', code: limit < 1 ? 'integer_below_min_value' : 'integer_above_max_value' },
    )
  }
  const oldestFirst = [...model.evals.values()].sort((a, b) => a.createdMs - b.createdMs || a.seq - b.seq)
  const all = (query.order === 'asc' ? oldestFirst : oldestFirst.reverse())
    .map(fileView)
    .filter((file) => query.purpose === undefined || file.purpose === query.purpose)
  let start = 0
  if (query.after !== undefined) {
    start = all.findIndex((file) => file.id === query.after) + 1
    if (start === 0) {
      return openaiError(400, `Invalid 'after': no file with id '${query.after}' in this list.`, {
        param: 'after',
      })
    }
  }
  const data = all.slice(start, start + limit)
  return ok({
    object: 'list',
    data,
    first_id: data[0]?.id ?? '',
    last_id: data.at(-1)?.id ?? '',
    has_more: start + limit < all.length,
  } satisfies FileList)
}

function fileView(evaluation: OpenAIEval): OpenAIStoredFile {
  const slug = evaluation.name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-')
  return {
    id: evaluation.file.id,
    object: 'file',
    bytes: evaluation.file.items * 180,
    // Uploaded a minute before its eval was created.
    created_at: Math.floor((evaluation.createdMs - 60_000) / 1000),
    filename: `${slug}.jsonl`,
    purpose: 'user_data',
    status: 'processed',
  }
}
