import {
  type BatchRunResults,
  type DatalabClient,
  type EvalBatchRun,
  type EvalBatchRunList,
  request,
} from '@evalrun/datalab'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import { createPageGuard } from '../../core/page-guard.js'
import { readArray, readCount, readField } from '../../core/read-json.js'
import { parseIntegerId } from '../../core/ref.js'
import { mapDatalabItem } from './map-item.js'
import { mapDatalabRun } from './map-run.js'
import { validateDatalabStart } from './validate-start.js'

/** Datalab's largest page for batch runs. */
const PAGE_SIZE = 200

/** Datalab eval batch runs. Datalab has no cancel endpoint, so `cancelRun` is absent. */
export function createDatalabAdapter(client: DatalabClient): EvalrunAdapter<'datalab'> {
  return {
    specificationVersion: 'v2',
    vendor: 'datalab',
    displayName: 'Datalab',

    checkListQuery(query) {
      if (query.suiteId !== null) integerId('suite', query.suiteId, 'a collection id')
    },

    async *listRuns(query, signal) {
      const collectionId = query.suiteId === null ? undefined : Number(query.suiteId)
      // limit/offset, in Datalab's own (undocumented) order. New runs created meanwhile shift later pages: the
      // core's dedupe drops the runs seen twice.
      const guard = createPageGuard('Datalab', query.warn)
      for (let offset = 0; ; ) {
        const page = await request(client, 'GET', '/api/v1/eval_batch_runs', {
          params: { query: { limit: PAGE_SIZE, offset, collection_id: collectionId } },
          signal,
        })
        const runs = readArray<EvalBatchRunList>(page, 'batch_runs')
        const total = readCount<EvalBatchRunList>(page, 'total')
        const count = runs.length
        if (!guard.freshPage(runs.map((run) => String(readField<EvalBatchRun>(run, 'id'))))) return
        for (let index = 0; index < count; index++) {
          const run = runs[index]
          // Dropped from the page: the run's `raw` keeps it for as long as the consumer keeps the run.
          runs[index] = undefined
          yield mapDatalabRun(run)
        }
        offset += count
        if (count === 0 || (total !== null && offset >= total) || !guard.mayContinue()) return
      }
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

    async *listItems(id, signal) {
      const runId = integerId('ref', id, 'a batch run id')
      // Not paginated: Datalab returns every file's result at once.
      const results = await request(client, 'GET', '/api/v1/eval_batch_runs/{run_id}/results', {
        params: { path: { run_id: runId } },
        signal,
      })
      for (const result of readArray<BatchRunResults>(results, 'file_results'))
        yield mapDatalabItem(result, `datalab:${id}`)
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
