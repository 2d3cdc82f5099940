import type { CreateEvalRunRequest, ListPage, OpenAIErrorResponse } from '@evalrun/openai'
import type { Issue, OperationInput, VendorApp, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import { type OpenAIFile, OpenAIModel, type OpenAIRow } from './model.js'

const MAX_LIMIT = 100

/** OpenAI's error body: `{error: {message, type, param, code}}`. */
function openaiError(
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
const paramOf = (loc: Issue['loc']): string | null => {
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

const ok = (body: unknown, status = 200): VendorResponse => ({ status, body })

/**
 * One page of a cursor listing, as OpenAI pages: `items` in ascending order, read in `order`, starting after the
 * item whose id is `after` (its position in the whole listing, so a filter that drops it does not lose the
 * place), keeping those that pass `keep`. An `after` that names nothing in the listing is a 400.
 */
function cursorPage<T>(
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

const isPage = <T>(
  value: { page: T[]; body: Omit<ListPage<unknown>, 'data'> } | VendorResponse,
): value is { page: T[]; body: Omit<ListPage<unknown>, 'data'> } => 'page' in value

/** How many rows a data source holds, and the rows themselves when they are inline. */
function rowsOf(
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

export function createOpenAIApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: OpenAIModel } {
  const model = new OpenAIModel(seed, suites, runs, nowMs)
  const evalOf = (params: Record<string, string>) => model.evals.get(params.eval_id ?? '')
  const runOf = (params: Record<string, string>) => {
    const run = model.runs.get(params.run_id ?? '')
    return run && run.evalId === params.eval_id ? run : undefined
  }
  const noEval = (params: Record<string, string>) =>
    openaiError(404, `Eval with id '${params.eval_id}' not found.`, { param: 'eval_id' })
  const noRun = (params: Record<string, string>) =>
    openaiError(404, `Eval run with id '${params.run_id}' not found.`, { param: 'run_id' })

  const handlers: Record<string, (input: OperationInput) => VendorResponse> = {
    // Evals are never updated in the sandbox, so `order_by: updated_at` orders as created_at does.
    listEvals: ({ query }) => {
      const all = [...model.evals.values()].sort((a, b) => a.createdMs - b.createdMs || a.seq - b.seq)
      const listed = cursorPage(all, (evaluation) => evaluation.id, query)
      if (!isPage(listed)) return listed
      return ok({ ...listed.body, data: listed.page.map((evaluation) => model.evalView(evaluation)) })
    },

    getEval: ({ params }) => {
      const evaluation = evalOf(params)
      return evaluation ? ok(model.evalView(evaluation)) : noEval(params)
    },

    getEvalRuns: ({ params, query, nowMs }) => {
      const evaluation = evalOf(params)
      if (!evaluation) return noEval(params)
      const status = query.status === undefined ? null : String(query.status)
      const listed = cursorPage(
        model.runsOf(evaluation),
        (run) => run.id,
        query,
        (run) => status === null || model.status(run, nowMs) === status,
      )
      if (!isPage(listed)) return listed
      return ok({ ...listed.body, data: listed.page.map((run) => model.runView(run, nowMs)) })
    },

    createEvalRun: ({ params, body, nowMs }) => {
      const evaluation = evalOf(params)
      if (!evaluation) return noEval(params)
      const request = body as CreateEvalRunRequest
      const found = rowsOf(request.data_source, model.files)
      if (!('items' in found)) return found
      const runModel =
        'model' in request.data_source && request.data_source.model
          ? request.data_source.model
          : 'gpt-4o-mini'
      const count = model.runsOf(evaluation).length
      const run = model.addRun({
        evalId: evaluation.id,
        name: request.name ?? `${runModel} run ${count + 1}`,
        model: runModel,
        createdMs: nowMs,
        dataSource: request.data_source,
        rows: found.rows,
        file: found.file,
        items: found.items,
        quality: 0.5 + rngFor(seed, 'openai', 'started-run', evaluation.id, count).float() * 0.45,
        metadata: request.metadata ?? {},
      })
      return ok(model.runView(run, nowMs), 201)
    },

    getEvalRun: ({ params, nowMs }) => {
      if (!evalOf(params)) return noEval(params)
      const run = runOf(params)
      return run ? ok(model.runView(run, nowMs)) : noRun(params)
    },

    // Only a queued or in-progress run can be canceled; a finished one is a 400.
    cancelEvalRun: ({ params, nowMs }) => {
      if (!evalOf(params)) return noEval(params)
      const run = runOf(params)
      if (!run) return noRun(params)
      const status = model.status(run, nowMs)
      if (status !== 'queued' && status !== 'in_progress') {
        return openaiError(400, `Run ${run.id} is ${status} and cannot be canceled.`, {
          code: 'run_not_cancelable',
        })
      }
      run.canceledAtMs = nowMs
      return ok(model.runView(run, nowMs))
    },

    // The items finished so far, in the order they finished (asc) or the reverse.
    getEvalRunOutputItems: ({ params, query, nowMs }) => {
      if (!evalOf(params)) return noEval(params)
      const run = runOf(params)
      if (!run) return noRun(params)
      const indexes = Array.from({ length: model.progress(run, nowMs).done }, (_, index) => index)
      const status = query.status === undefined ? null : String(query.status)
      const listed = cursorPage(
        indexes,
        (index) => model.outputItemId(run, index),
        query,
        (index) => status === null || model.outcome(run, index).status === status,
      )
      if (!isPage(listed)) return listed
      return ok({ ...listed.body, data: listed.page.map((index) => model.outputItemView(run, index)) })
    },

    getEvalRunOutputItem: ({ params, nowMs }) => {
      if (!evalOf(params)) return noEval(params)
      const run = runOf(params)
      if (!run) return noRun(params)
      const index = model.outputItemIndex(run, params.output_item_id ?? '', nowMs)
      return index === null
        ? openaiError(404, `Output item with id '${params.output_item_id}' not found.`, {
            param: 'output_item_id',
          })
        : ok(model.outputItemView(run, index))
    },
  }

  return {
    vendor: 'openai',
    prefix: '/openai/v1',
    security: { scheme: 'ApiKeyAuth', header: 'authorization', bearer: true },
    handlers,
    errors: openaiErrors,
    runCount: () => model.runs.size,
    model,
  }
}
