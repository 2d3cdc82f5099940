import {
  type BatchRunResults,
  type DatalabClient,
  type EvalBatchRun,
  type EvalBatchRunList,
  request,
} from '@evalrun/datalab'
import { retryPolicyOf } from '@evalrun/http/internal'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import { listIn, offsetPaging, onePage, paginate } from '../../core/paginate.js'
import { readCount, readId } from '../../core/read-json.js'
import { parseIntegerId } from '../../core/ref.js'
import { datalabCatalog } from './catalog.js'
import { mapDatalabItem } from './map-item.js'
import { mapDatalabRun } from './map-run.js'
import { validateDatalabStart } from './validate-start.js'

/** Datalab's largest page for batch runs. */
const PAGE_SIZE = 200

/** Datalab eval batch runs. Datalab has no cancel endpoint, so `cancelRun` is absent. */
export function createDatalabAdapter(client: DatalabClient): EvalrunAdapter<'datalab'> {
  const retry = retryPolicyOf(client)
  return {
    specificationVersion: 'v2',
    vendor: 'datalab',
    displayName: 'Datalab',
    ...datalabCatalog(client),

    checkListQuery(query) {
      if (query.suiteId !== null) integerId('suite', query.suiteId, 'a collection id')
    },

    async *listRuns(query, signal) {
      const collectionId = query.suiteId === null ? undefined : Number(query.suiteId)
      // limit/offset, in Datalab's own (undocumented) order. New runs created meanwhile shift later pages: the
      // paginator drops the runs seen twice.
      const runs = paginate({
        vendor: 'Datalab',
        retry,
        operation: 'GET /api/v1/eval_batch_runs',
        entries: 'batch runs',
        paging: offsetPaging((page) => readCount<EvalBatchRunList>(page, 'total')),
        read: (offset) =>
          request(client, 'GET', '/api/v1/eval_batch_runs', {
            params: { query: { limit: PAGE_SIZE, offset, collection_id: collectionId } },
            signal,
          }),
        list: listIn<EvalBatchRunList>('batch_runs'),
        key: (run) => readId<EvalBatchRun>(run, 'id'),
        warn: query.warn,
        signal,
      })
      for await (const run of runs) yield mapDatalabRun(run)
    },

    async getRun(id, signal) {
      const runId = integerId('ref', id, 'a batch run id')
      const run = await request(client, 'GET', '/api/v1/eval_batch_runs/{run_id}', {
        params: { path: { run_id: runId } },
        signal,
      })
      return mapDatalabRun(run)
    },

    async startRun(input, signal) {
      const body = validateDatalabStart(input)
      return mapDatalabRun(await request(client, 'POST', '/api/v1/eval_batch_runs', { body, signal }))
    },

    async *listItems(id, signal, warn = () => {}) {
      const runId = integerId('ref', id, 'a batch run id')
      // Not paginated: Datalab returns every file's result at once.
      const results = paginate({
        vendor: 'Datalab',
        retry,
        operation: 'GET /api/v1/eval_batch_runs/{run_id}/results',
        entries: 'file results',
        paging: onePage,
        read: () =>
          request(client, 'GET', '/api/v1/eval_batch_runs/{run_id}/results', {
            params: { path: { run_id: runId } },
            signal,
          }),
        list: listIn<BatchRunResults>('file_results'),
        warn,
        signal,
      })
      for await (const result of results) yield mapDatalabItem(result, `datalab:${id}`)
    },
  }
}

function integerId(field: string, id: string, what: string): number {
  const parsed = parseIntegerId(id)
  if (parsed === null) {
    throw new EvalrunInvalidInputError({
      field,
      value: `datalab:${id}`,
      expected: `'datalab:<n>' with ${what}`,
    })
  }
  return parsed
}
