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
import type { AdapterListQuery, EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunInvalidInputError, EvalrunNotSupportedError } from '../../core/errors.js'
import type { EvalRun } from '../../core/model.js'
import { type ListingWarn, listIn, numberedPaging, paginate } from '../../core/paginate.js'
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
import { SeenOperations, type TablesContext } from './tables-context.js'
import { listTablesItems, listTablesRuns } from './tables-list.js'
import { getTablesRun } from './tables-read.js'
import { isSheetSuiteId, isTablesRunId, parseSheetSuiteId, parseTablesRunId } from './tables-ref.js'
import { cancelTablesRun, startTablesRun } from './tables-write.js'
import { validatePromptLayerStart } from './validate-start.js'

/** PromptLayer's largest page. */
const PAGE_SIZE = 100
/** Pipelines per list page: each carries all of its runs, so pages stay small to keep responses small. */
const PIPELINE_PAGE_SIZE = 20

/**
 * PromptLayer, on two APIs told apart by the ref. Tables (`tables/…` refs, `sheet/…` suites): a run is one
 * recalculation operation on a sheet, scored by the scorecard calculation that follows it (tables-*.ts). Legacy
 * evaluation reports (integer refs): a pipeline is a blueprint report, each run a report whose `parent_report_id`
 * is the pipeline; a report run cannot be cancelled.
 */
export function createPromptLayerAdapter(client: PromptLayerClient): EvalrunAdapter<'promptlayer'> {
  const retry = retryPolicyOf(client)
  const tables: TablesContext = { client, retry, seen: new SeenOperations() }
  async function getRun(id: string, signal: AbortSignal): Promise<EvalRun<'promptlayer'>> {
    if (isTablesRunId(id)) return getTablesRun(tables, parseTablesRunId(id), signal)
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
    ...promptLayerCatalog(client, tables),

    checkListQuery(query) {
      if (query.suiteId === null) return
      if (isSheetSuiteId(query.suiteId)) parseSheetSuiteId(query.suiteId)
      else integerId('suite', query.suiteId)
    },

    async *listRuns(query, signal) {
      if (query.suiteId !== null && isSheetSuiteId(query.suiteId)) {
        yield* listTablesRuns(tables, parseSheetSuiteId(query.suiteId), query.warn, signal)
        return
      }
      yield* listLegacyRuns(query, signal)
      if (query.suiteId === null) yield* listTablesRuns(tables, null, query.warn, signal)
    },

    getRun,

    async startRun(input, signal) {
      const fields = typeof input === 'object' && input !== null ? input : {}
      if ('tableId' in fields) return startTablesRun(tables, input, signal)
      if ('pipelineId' in fields) return startLegacyRun(input, signal)
      throw new EvalrunInvalidInputError({
        field: 'input',
        value: input,
        expected: 'a Tables start (tableId and sheetId) or a legacy pipeline start (pipelineId and name)',
      })
    },

    async cancelRun(id, signal) {
      if (isTablesRunId(id)) return cancelTablesRun(tables, parseTablesRunId(id), signal)
      integerId('ref', id)
      throw new EvalrunNotSupportedError({
        vendor: 'promptlayer',
        operation: 'cancel',
        // The legacy report API has no cancel; Tables runs (`promptlayer:tables/…`) can be cancelled.
        message: 'cancel is not supported by PromptLayer: its API has no way to stop a run.',
      })
    },

    async *listItems(id, signal, warn = () => {}) {
      if (isTablesRunId(id)) {
        yield* listTablesItems(tables, parseTablesRunId(id), warn, signal)
        return
      }
      yield* listLegacyItems(id, signal, warn)
    },
  }

  async function* listLegacyRuns(query: AdapterListQuery, signal: AbortSignal) {
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
  }

  async function startLegacyRun(input: unknown, signal: AbortSignal) {
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
  }

  async function* listLegacyItems(id: string, signal: AbortSignal, warn: ListingWarn) {
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
