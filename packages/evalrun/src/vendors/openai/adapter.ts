import { EvalrunError } from '@evalrun/http'
import { retryPolicyOf } from '@evalrun/http/internal'
import {
  type Eval,
  type EvalList,
  type EvalRunOutputItem,
  type OpenAIClient,
  type EvalRun as OpenAIEvalRun,
  type OpenAIStoredFile,
  request,
} from '@evalrun/openai'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import type { EvalRun } from '../../core/model.js'
import { cursorPaging, type ListingWarn, listIn, paginate } from '../../core/paginate.js'
import { readArray, readBoolean, readId } from '../../core/read-json.js'
import { decodeRefPart, decodeSuiteRunId, encodeRefPart } from '../../core/ref.js'
import { mapOpenAIItem } from './map-item.js'
import { mapOpenAIRun } from './map-run.js'
import { mapOpenAIStartOption } from './map-start-option.js'
import { mapOpenAISuite } from './map-suite.js'
import { validateOpenAIStart } from './validate-start.js'

/** OpenAI's largest page. */
const PAGE_SIZE = 100
/** Files per page: fewer than the 10,000 allowed, so that one page stays a modest response. */
const FILE_PAGE_SIZE = 1_000

/**
 * OpenAI eval runs. A run belongs to an eval and is read through it (`/evals/{eval_id}/runs/{run_id}`), so refs
 * carry both: `openai:<evalId>/<runId>`. Lists page by cursor (`after` = the page's `last_id`).
 */
export function createOpenAIAdapter(client: OpenAIClient): EvalrunAdapter<'openai'> {
  const retry = retryPolicyOf(client)
  /** One cursor list (`after` = the page's `last_id`, or its last entry's id), newest first unless `order` says. */
  function cursorList(
    operation: string,
    entries: string,
    read: (after: string | undefined) => Promise<unknown>,
    warn: ListingWarn,
    signal: AbortSignal,
  ) {
    return paginate({
      vendor: 'OpenAI',
      retry,
      operation,
      entries,
      paging: cursorPaging(
        (page) =>
          readId<EvalList>(page, 'last_id') ??
          readId<Eval | OpenAIEvalRun | EvalRunOutputItem | OpenAIStoredFile>(
            readArray<EvalList>(page, 'data').at(-1),
            'id',
          ),
        (page) => readBoolean<EvalList>(page, 'has_more'),
      ),
      read,
      list: listIn<EvalList>('data'),
      key: (entry) => readId<Eval | OpenAIEvalRun | EvalRunOutputItem | OpenAIStoredFile>(entry, 'id'),
      warn,
      signal,
    })
  }

  /** Runs of one eval, newest first, stopping at the first run older than `since`. */
  async function* runsOf(
    evaluation: unknown,
    evalId: string,
    since: Date | null,
    warn: ListingWarn,
    signal: AbortSignal,
  ) {
    const read = (after: string | undefined) =>
      request(client, 'GET', '/evals/{eval_id}/runs', {
        params: {
          path: { eval_id: evalId },
          query: { limit: PAGE_SIZE, order: 'desc', ...(after ? { after } : {}) },
        },
        signal,
      })
    for await (const run of cursorList('GET /evals/{eval_id}/runs', 'runs', read, warn, signal)) {
      const mapped = mapOpenAIRun(run, evaluation, evalId)
      yield mapped
      if (since !== null && mapped.createdAt !== null && mapped.createdAt < since) return
    }
  }

  async function getEval(
    evalId: string,
    signal: AbortSignal,
  ): Promise<{ evaluation: unknown; problem: string | null }> {
    try {
      return {
        evaluation: await request(client, 'GET', '/evals/{eval_id}', {
          params: { path: { eval_id: evalId } },
          signal,
        }),
        problem: null,
      }
    } catch (error) {
      // The eval only names the suite: failing to read it is a warning on the run, not a failure.
      if (signal.aborted || !EvalrunError.isInstance(error)) throw error
      return { evaluation: null, problem: error.message }
    }
  }

  function withEval(run: unknown, found: { evaluation: unknown; problem: string | null }, evalId: string) {
    const mapped = mapOpenAIRun(run, found.evaluation, evalId)
    if (found.problem !== null)
      mapped.warnings.push(`The eval could not be read (${found.problem}); its name is missing.`)
    return mapped
  }

  /** Every eval, newest first. */
  function evals(warn: ListingWarn, signal: AbortSignal) {
    const read = (after: string | undefined) =>
      request(client, 'GET', '/evals', {
        params: { query: { limit: PAGE_SIZE, order: 'desc', ...(after ? { after } : {}) } },
        signal,
      })
    return cursorList('GET /evals', 'evals', read, warn, signal)
  }

  async function getRun(id: string, signal: AbortSignal): Promise<EvalRun<'openai'>> {
    const { evalId, runId } = splitId(id)
    const [run, found] = await Promise.all([
      request(client, 'GET', '/evals/{eval_id}/runs/{run_id}', {
        params: { path: { eval_id: evalId, run_id: runId } },
        signal,
      }),
      getEval(evalId, signal),
    ])
    return withEval(run, found, evalId)
  }

  return {
    specificationVersion: 'v2',
    vendor: 'openai',
    displayName: 'OpenAI',

    checkListQuery(query) {
      if (query.suiteId !== null && decodeRefPart(query.suiteId) === null) {
        throw new EvalrunInvalidInputError({
          field: 'suite',
          value: `openai:${query.suiteId}`,
          expected: "'openai:<evalId>'",
        })
      }
    },

    async *listRuns(query, signal) {
      if (query.suiteId !== null) {
        const evalId = decodeRefPart(query.suiteId) ?? query.suiteId
        const found = await getEval(evalId, signal)
        for await (const run of runsOf(found.evaluation, evalId, query.since, query.warn, signal)) {
          if (found.problem !== null)
            run.warnings.push(`The eval could not be read (${found.problem}); its name is missing.`)
          yield run
        }
        return
      }
      // Evals newest first, then each eval's runs: an old eval can have new runs, so every eval is read.
      for await (const evaluation of evals(query.warn, signal)) {
        const evalId = readId<Eval>(evaluation, 'id')
        if (evalId !== null) yield* runsOf(evaluation, evalId, query.since, query.warn, signal)
      }
    },

    getRun,

    async *listSuites(query, signal) {
      for await (const evaluation of evals(query.warn, signal)) yield mapOpenAISuite(evaluation)
    },

    async *listStartOptions(query, signal) {
      for await (const evaluation of evals(query.warn, signal)) {
        const option = mapOpenAIStartOption(evaluation, 'eval', query.warn)
        if (option !== null) yield option
      }
      // Files newest first; the default page is the largest (10,000), so one request usually holds them all.
      const read = (after: string | undefined) =>
        request(client, 'GET', '/files', {
          params: { query: { limit: FILE_PAGE_SIZE, order: 'desc', ...(after ? { after } : {}) } },
          signal,
        })
      for await (const file of cursorList('GET /files', 'files', read, query.warn, signal)) {
        const option = mapOpenAIStartOption(file, 'file', query.warn)
        if (option !== null) yield option
      }
    },

    async startRun(input, signal) {
      const { evalId, body } = validateOpenAIStart(input)
      const [run, found] = await Promise.all([
        request(client, 'POST', '/evals/{eval_id}/runs', {
          params: { path: { eval_id: evalId } },
          body,
          signal,
        }),
        getEval(evalId, signal),
      ])
      return withEval(run, found, evalId)
    },

    async cancelRun(id, signal) {
      const { evalId, runId } = splitId(id)
      const [run, found] = await Promise.all([
        request(client, 'POST', '/evals/{eval_id}/runs/{run_id}', {
          params: { path: { eval_id: evalId, run_id: runId } },
          signal,
        }),
        getEval(evalId, signal),
      ])
      return withEval(run, found, evalId)
    },

    async *listItems(id, signal, warn = () => {}) {
      const { evalId, runId } = splitId(id)
      const runRef = `openai:${encodeRefPart(evalId)}/${encodeRefPart(runId)}`
      const read = (after: string | undefined) =>
        request(client, 'GET', '/evals/{eval_id}/runs/{run_id}/output_items', {
          params: {
            path: { eval_id: evalId, run_id: runId },
            query: { limit: PAGE_SIZE, order: 'asc', ...(after ? { after } : {}) },
          },
          signal,
        })
      const items = cursorList(
        'GET /evals/{eval_id}/runs/{run_id}/output_items',
        'output items',
        read,
        warn,
        signal,
      )
      for await (const item of items) yield mapOpenAIItem(item, runRef)
    },
  }
}

function splitId(id: string): { evalId: string; runId: string } {
  const [evalId, runId] = decodeSuiteRunId('openai', id, 'openai:<evalId>/<runId>')
  return { evalId, runId }
}
