import { retryPolicyOf } from '@evalrun/http/internal'
import {
  type ListEvaluationsResponse,
  type PromptLayerClient,
  type Evaluation as PromptLayerPipeline,
  request,
  type Table,
} from '@evalrun/promptlayer'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { type ListingWarn, listIn, numberedPaging, paginate } from '../../core/paginate.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readCount, readField, readId, readString } from '../../core/read-json.js'
import { suiteStartOption } from '../../core/start-option.js'
import { mapSheetSuite } from './map-sheet-suite.js'
import { mapPromptLayerSuite } from './map-suite.js'
import type { TablesContext } from './tables-context.js'
import { listSheets } from './tables-list.js'

/** PromptLayer's largest page: pipelines are listed without their runs here, so pages stay small anyway. */
const PAGE_SIZE = 100

/**
 * PromptLayer's suites and what its start flags take: the evaluation pipelines (blueprint reports, `--pipeline`),
 * then the Tables sheets (`--sheet`, each with the `--table` it is in).
 */
export function promptLayerCatalog(
  client: PromptLayerClient,
  tables: TablesContext,
): Pick<EvalrunAdapter<'promptlayer'>, 'listSuites' | 'listStartOptions'> {
  const retry = retryPolicyOf(client)
  /** The pipelines, newest first; batch runs listed beside them at the top level are left out. */
  async function* pipelines(warn: ListingWarn, signal: AbortSignal) {
    const listed = paginate({
      vendor: 'PromptLayer',
      retry,
      operation: 'GET /api/public/v2/evaluations',
      entries: 'evaluation pipelines',
      paging: numberedPaging((page) => readCount<ListEvaluationsResponse>(page, 'pages')),
      read: (page) =>
        request(client, 'GET', '/api/public/v2/evaluations', {
          params: { query: { page, per_page: PAGE_SIZE, sort_by: 'created_at', sort_order: 'desc' } },
          signal,
        }),
      list: listIn<ListEvaluationsResponse>('evaluations'),
      key: (pipeline) => readId<PromptLayerPipeline>(pipeline, 'id'),
      warn,
      signal,
    })
    for await (const pipeline of listed) {
      if (readField<PromptLayerPipeline>(pipeline, 'is_blueprint') !== false) yield pipeline
    }
  }

  return {
    async *listSuites(query, signal) {
      for await (const pipeline of pipelines(query.warn, signal)) yield mapPromptLayerSuite(pipeline)
      for await (const { table, sheet, address } of listSheets(tables, 'sheets', query.warn, signal)) {
        yield mapSheetSuite(table, sheet, address)
      }
    },

    async *listStartOptions(query, signal) {
      for await (const pipeline of pipelines(query.warn, signal)) {
        const option = suiteStartOption(mapPromptLayerSuite(pipeline), 'pipelineId', query.warn)
        if (option !== null) yield option
      }
      const tablesSeen = new Set<string>()
      for await (const { table, sheet, address } of listSheets(tables, 'sheets', query.warn, signal)) {
        const suite = mapSheetSuite(table, sheet, address)
        if (!tablesSeen.has(address.tableId)) {
          tablesSeen.add(address.tableId)
          const name = readString<Table>(table, 'title')
          const createdAt = parseVendorDate(readField<Table>(table, 'created_at'), 'created_at', [])
          yield { field: 'tableId', kind: 'table', id: address.tableId, name, use: null, createdAt }
        }
        // A sheet is started with its table: `--table <tableId> --sheet <sheetId>`.
        const use = `--table ${address.tableId} --sheet ${address.sheetId}`
        yield {
          field: 'sheetId',
          kind: 'sheet',
          id: address.sheetId,
          name: suite.name,
          use,
          createdAt: suite.createdAt,
        }
      }
    },
  }
}
