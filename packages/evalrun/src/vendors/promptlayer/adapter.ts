import { retryPolicyOf } from '@evalrun/http/internal'
import {
  type EvaluationRowsResponse,
  type GetReportResponse,
  type ListEvaluationsResponse,
  type PromptLayerClient,
  type Evaluation as PromptLayerPipeline,
  type RunReportResponse,
  request,
} from '@evalrun/promptlayer'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import type { EvalRun } from '../../core/model.js'
import { listIn, numberedPaging, paginate } from '../../core/paginate.js'
import { readArray, readCount, readField, readId } from '../../core/read-json.js'
import { parseIntegerId } from '../../core/ref.js'
import { promptLayerCatalog } from './catalog.js'
import { mapPromptLayerItem } from './map-item.js'
import {
  mapPromptLayerListedRun,
  mapPromptLayerReport,
  mapPromptLayerStartedRun,
  promptLayerPipelineContext,
} from './map-run.js'
import { validatePromptLayerStart } from './validate-start.js'

/** PromptLayer's largest page. */
const PAGE_SIZE = 100
/** Pipelines per list page: each carries all of its runs, so pages stay small to keep responses small. */
const PIPELINE_PAGE_SIZE = 20

/**
 * PromptLayer's (legacy) evaluation reports: a pipeline is a blueprint report, each run a report whose
 * `parent_report_id` is the pipeline. PromptLayer has no way to cancel a report run.
 */
export function createPromptLayerAdapter(client: PromptLayerClient): EvalrunAdapter<'promptlayer'> {
  const retry = retryPolicyOf(client)
  async function getRun(id: string, signal: AbortSignal): Promise<EvalRun<'promptlayer'>> {
    const reportId = integerId('ref', id)
    const report = await request(client, 'GET', '/reports/{report_id}', {
      params: { path: { report_id: reportId } },
      signal,
    })
    // The score exists only once the run is done; asking earlier gets an error, not a score.
    if (readField<GetReportResponse>(report, 'status') !== 'COMPLETED')
      return mapPromptLayerReport(report, null)
    const score = await client.GET('/reports/{report_id}/score', {
      params: { path: { report_id: reportId } },
      signal,
    })
    if (score.response.ok) return mapPromptLayerReport(report, score.data)
    const run = mapPromptLayerReport(report, null)
    run.warnings.push(
      `PromptLayer answered ${score.response.status} to GET /reports/{report_id}/score; score is null.`,
    )
    return run
  }

  return {
    specificationVersion: 'v2',
    vendor: 'promptlayer',
    displayName: 'PromptLayer',
    ...promptLayerCatalog(client),

    checkListQuery(query) {
      if (query.suiteId !== null) integerId('suite', query.suiteId)
    },

    async *listRuns(query, signal) {
      const pipelineId = query.suiteId === null ? null : Number(query.suiteId)
      // Pipelines newest first, each with its runs nested (`include_runs`). PromptLayer cannot filter the list
      // by id, so a suite is found by reading the pages.
      const pipelines = paginate({
        vendor: 'PromptLayer',
        retry,
        operation: 'GET /api/public/v2/evaluations',
        entries: 'evaluation pipelines',
        paging: numberedPaging((page) => readCount<ListEvaluationsResponse>(page, 'pages')),
        read: (page) =>
          request(client, 'GET', '/api/public/v2/evaluations', {
            params: {
              query: {
                include_runs: true,
                page,
                per_page: PIPELINE_PAGE_SIZE,
                sort_by: 'created_at',
                sort_order: 'desc',
              },
            },
            signal,
          }),
        list: listIn<ListEvaluationsResponse>('evaluations'),
        key: (pipeline) => readId<PromptLayerPipeline>(pipeline, 'id'),
        warn: query.warn,
        signal,
      })
      for await (const pipeline of pipelines) {
        // Batch runs may also be listed at the top level; they are taken from under their pipeline instead,
        // where they carry their status and counts.
        if (readField<PromptLayerPipeline>(pipeline, 'is_blueprint') === false) continue
        if (pipelineId !== null && readField<PromptLayerPipeline>(pipeline, 'id') !== pipelineId) continue
        // One slim copy of the pipeline (without `runs`) for all of its runs, not one per run.
        const context = promptLayerPipelineContext(pipeline)
        const runs = readArray<PromptLayerPipeline>(pipeline, 'runs')
        for (let index = 0; index < runs.length; index++) {
          const run = runs[index]
          // Dropped from the page: the run's `raw` keeps it for as long as the consumer keeps the run.
          runs[index] = undefined
          yield mapPromptLayerListedRun(run, pipeline, context)
        }
      }
    },

    getRun,

    async startRun(input, signal) {
      const { pipelineId, body } = validatePromptLayerStart(input)
      const started = await request(client, 'POST', '/reports/{report_id}/run', {
        params: { path: { report_id: pipelineId } },
        body,
        signal,
      })
      const reportId = readField<RunReportResponse>(started, 'report_id')
      try {
        return await getRun(String(reportId), signal)
      } catch (error) {
        // The run exists now: report what is known rather than lose its id to a failed read-back.
        if (signal.aborted) throw error
        const reason = error instanceof Error ? error.message : String(error)
        return mapPromptLayerStartedRun(started, String(pipelineId), reason)
      }
    },

    async *listItems(id, signal, warn = () => {}) {
      const evaluationId = integerId('ref', id)
      // Each page repeats the columns; a row is read against the columns of its own page.
      let columns: unknown = null
      const rows = paginate({
        vendor: 'PromptLayer',
        retry,
        operation: 'GET /api/public/v2/evaluations/{evaluation_id}/rows',
        entries: 'rows',
        paging: numberedPaging((page) => readCount<EvaluationRowsResponse>(page, 'pages')),
        read: async (page) => {
          const body = await request(client, 'GET', '/api/public/v2/evaluations/{evaluation_id}/rows', {
            params: { path: { evaluation_id: evaluationId }, query: { page, per_page: PAGE_SIZE } },
            signal,
          })
          columns = readField<EvaluationRowsResponse>(body, 'columns')
          return body
        },
        list: listIn<EvaluationRowsResponse>('rows'),
        warn,
        signal,
      })
      let row = 0
      for await (const cells of rows) yield mapPromptLayerItem(cells, columns, ++row, `promptlayer:${id}`)
    },
  }
}

function integerId(field: string, id: string): number {
  const parsed = parseIntegerId(id)
  if (parsed === null) {
    throw new EvalrunInvalidInputError({
      field,
      value: `promptlayer:${id}`,
      expected: "'promptlayer:<report id>'",
    })
  }
  return parsed
}
