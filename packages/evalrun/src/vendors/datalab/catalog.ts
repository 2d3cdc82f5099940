import {
  type DatalabClient,
  type EvalBatchRun,
  type EvalBatchRunList,
  type EvalRubric,
  type EvalRubricList,
  request,
} from '@evalrun/datalab'
import { retryPolicyOf } from '@evalrun/http/internal'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { type ListingWarn, listIn, offsetPaging, paginate } from '../../core/paginate.js'
import { readCount, readId } from '../../core/read-json.js'
import { suiteStartOption } from '../../core/start-option.js'
import type { EvalSuite } from '../../core/suite.js'
import { mapDatalabRubricOption } from './map-start-option.js'
import { mapDatalabSuite } from './map-suite.js'

/** Datalab's largest page for batch runs and rubrics. */
const PAGE_SIZE = 200

/**
 * Datalab's suites and what its start flags take. Its API lists batch runs and rubrics but not collections, so
 * the collections are those the batch runs name (each once): a collection no run has used yet is not listed.
 */
export function datalabCatalog(
  client: DatalabClient,
): Pick<EvalrunAdapter<'datalab'>, 'listSuites' | 'listStartOptions'> {
  const retry = retryPolicyOf(client)

  async function* collections(warn: ListingWarn, signal: AbortSignal): AsyncGenerator<EvalSuite<'datalab'>> {
    const runs = paginate({
      vendor: 'Datalab',
      retry,
      operation: 'GET /api/v1/eval_batch_runs',
      entries: 'batch runs',
      paging: offsetPaging((page) => readCount<EvalBatchRunList>(page, 'total')),
      read: (offset) =>
        request(client, 'GET', '/api/v1/eval_batch_runs', {
          params: { query: { limit: PAGE_SIZE, offset } },
          signal,
        }),
      list: listIn<EvalBatchRunList>('batch_runs'),
      key: (run) => readId<EvalBatchRun>(run, 'id'),
      warn,
      signal,
    })
    const seen = new Set<string>()
    for await (const run of runs) {
      const suite = mapDatalabSuite(run)
      if (suite === null || seen.has(suite.id)) continue
      seen.add(suite.id)
      yield suite
    }
  }

  return {
    listSuites: (query, signal) => collections(query.warn, signal),

    async *listStartOptions(query, signal) {
      for await (const suite of collections(query.warn, signal)) {
        const option = suiteStartOption(suite, 'collectionId', query.warn)
        if (option !== null) yield option
      }
      const rubrics = paginate({
        vendor: 'Datalab',
        retry,
        operation: 'GET /api/v1/eval_rubrics',
        entries: 'rubrics',
        paging: offsetPaging((page) => readCount<EvalRubricList>(page, 'total')),
        read: (offset) =>
          request(client, 'GET', '/api/v1/eval_rubrics', {
            params: { query: { limit: PAGE_SIZE, offset } },
            signal,
          }),
        list: listIn<EvalRubricList>('rubrics'),
        key: (rubric) => readId<EvalRubric>(rubric, 'id'),
        warn: query.warn,
        signal,
      })
      for await (const rubric of rubrics) {
        const option = mapDatalabRubricOption(rubric, query.warn)
        if (option !== null) yield option
      }
    },
  }
}
