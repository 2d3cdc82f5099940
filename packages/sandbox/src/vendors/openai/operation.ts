import type { CreateEvalRunRequest, ListPage, OpenAIErrorResponse, operations } from '@evalrun/openai'
import type { OperationRequest } from '../../http/operation-handlers.js'
import type { Issue, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import type { OpenAIFile, OpenAIModel, OpenAIRow } from './model.js'

/** What a handler of OpenAI's operation `Id` is given. */
export type OpenAIRequest<Id extends keyof operations> = OperationRequest<operations[Id]>

export const MAX_LIMIT = 100

/** OpenAI's error body: `{error: {message, type, param, code}}`. */
export function openaiError(
  status: number,
  message: string,
  fields: { type?: string; param?: string | null; code?: string | null } = {},
): VendorResponse {
  return {
    status,
    body: {
      error: {
        message,
        type: fields.type ?? 'invalid_request_error',
        param: fields.param ?? null,
        code: fields.code ?? null,
      },
    } satisfies OpenAIErrorResponse,
  }
}

/** `['body', 'data_source', 'source']` → `data_source.source`; `['query', 'limit']` → `limit`. */
export const paramOf = (loc: Issue['loc']): string | null => {
  const rest = loc[0] === 'body' || loc[0] === 'query' || loc[0] === 'path' ? loc.slice(1) : loc
  return rest.length > 0 ? rest.join('.') : null
}

export const openaiErrors: VendorErrors = {
  unauthorized: () =>
    openaiError(
      401,
      'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
      { code: 'invalid_api_key' },
    ),
  notFound: (message) => openaiError(404, message),
  invalid: (issues) =>
    openaiError(
      400,
      issues.map((issue) => `Invalid '${paramOf(issue.loc) ?? 'body'}': ${issue.msg}.`).join(' '),
      { param: issues[0] ? paramOf(issues[0].loc) : null },
    ),
  malformedJson: (message) =>
    openaiError(
      400,
      `We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.) ${message}`,
    ),
  generic: (status, message) =>
    status === 429
      ? openaiError(status, message, { type: 'requests', code: 'rate_limit_exceeded' })
      : status >= 500
        ? openaiError(status, message, { type: 'server_error' })
        : openaiError(status, message),
}

export const ok = (body: unknown, status = 200): VendorResponse => ({ status, body })

/**
 * One page of a cursor listing, as OpenAI pages: `items` in ascending order, read in `order`, starting after the
 * item whose id is `after` (its position in the whole listing, so a filter that drops it does not lose the
 * place), keeping those that pass `keep`. An `after` that names nothing in the listing is a 400.
 */
export function cursorPage<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  query: Record<string, unknown>,
  keep: (item: T) => boolean = () => true,
): { page: T[]; body: Omit<ListPage<unknown>, 'data'> } | VendorResponse {
  const limit = Number(query.limit ?? 20)
  if (limit < 1 || limit > MAX_LIMIT) {
    return openaiError(
      400,
      `Invalid 'limit': integer ${limit < 1 ? 'below minimum value' : 'above maximum value'}. Expected a value between 1 and ${MAX_LIMIT}, but got ${limit} instead.`,
      { param: 'limit', code: limit < 1 ? 'integer_below_min_value' : 'integer_above_max_value' },
    )
  }
  const ordered = query.order === 'desc' ? [...items].reverse() : [...items]
  let start = 0
  if (query.after !== undefined) {
    const position = ordered.findIndex((item) => idOf(item) === String(query.after))
    if (position < 0) {
      return openaiError(400, `Invalid 'after': no object with id '${String(query.after)}' in this list.`, {
        param: 'after',
      })
    }
    start = position + 1
  }
  const page: T[] = []
  let hasMore = false
  for (let index = start; index < ordered.length; index++) {
    const item = ordered[index]!
    if (!keep(item)) continue
    if (page.length === limit) {
      hasMore = true
      break
    }
    page.push(item)
  }
  return {
    page,
    body: {
      object: 'list',
      // Required strings in the spec, so an empty page answers '' for both.
      first_id: page.length > 0 ? idOf(page[0]!) : '',
      last_id: page.length > 0 ? idOf(page.at(-1)!) : '',
      has_more: hasMore,
    },
  }
}

export const isPage = <T>(
  value: { page: T[]; body: Omit<ListPage<unknown>, 'data'> } | VendorResponse,
): value is { page: T[]; body: Omit<ListPage<unknown>, 'data'> } => 'page' in value

/** How many rows a data source holds, and the rows themselves when they are inline. */
export function rowsOf(
  dataSource: CreateEvalRunRequest['data_source'],
  files: Map<string, OpenAIFile>,
): { rows: OpenAIRow[] | null; file: OpenAIFile | null; items: number } | VendorResponse {
  const source = dataSource.source
  switch (source.type) {
    case 'file_content':
      return { rows: source.content, file: null, items: source.content.length }
    case 'file_id': {
      const file = files.get(source.id)
      if (!file) {
        return openaiError(400, `No such File object: ${source.id}`, {
          param: 'data_source.source.id',
          code: 'file_not_found',
        })
      }
      return { rows: null, file, items: file.items }
    }
    default: {
      // Stored completions or responses: as many as `limit` asks (default 20), matched from the logs.
      const limit = 'limit' in source && typeof source.limit === 'number' ? source.limit : 20
      return { rows: null, file: null, items: Math.max(0, Math.min(limit, 200)) }
    }
  }
}

export const evalOf = (model: OpenAIModel, params: { eval_id?: string }) =>
  model.evals.get(params.eval_id ?? '')
export const runOf = (model: OpenAIModel, params: { eval_id?: string; run_id?: string }) => {
  const run = model.runs.get(params.run_id ?? '')
  return run && run.evalId === params.eval_id ? run : undefined
}
export const noEval = (params: { eval_id?: string }) =>
  openaiError(404, `Eval with id '${params.eval_id}' not found.`, { param: 'eval_id' })
export const noRun = (params: { run_id?: string }) =>
  openaiError(404, `Eval run with id '${params.run_id}' not found.`, { param: 'run_id' })
