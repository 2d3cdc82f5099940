import { retryPolicyOf } from '@evalrun/http/internal'
import {
  type ListEvaluationsResponse,
  type PromptLayerClient,
  type Evaluation as PromptLayerPipeline,
  request,
  type Sheet,
} from '@evalrun/promptlayer'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { type ListingWarn, listIn, numberedPaging, paginate } from '../../core/paginate.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readCount, readField, readId } from '../../core/read-json.js'
import { startOption } from '../../core/start-option.js'
import { mapPromptLayerSuite } from './map-suite.js'
import { mapTablesSuite } from './map-tables-suite.js'
import type { TablesContext } from './tables-context.js'
import { listSheets } from './tables-sheets.js'

/** PromptLayer's largest page: pipelines are listed without their runs here, so pages stay small anyway. */
const PAGE_SIZE = 100

/**
 * PromptLayer's suites and what its start flags take: the legacy evaluation pipelines (blueprint reports, for
 * `--pipeline`), then the Tables sheets (for `--table` and `--sheet`), over at most MAX_TABLES_LISTED tables.
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
      for await (const sheet of listSheets(tables, 'sheets', query.warn, signal)) yield mapTablesSuite(sheet)
    },

    async *listStartOptions(query, signal) {
      for await (const pipeline of pipelines(query.warn, signal)) {
        const suite = mapPromptLayerSuite(pipeline)
        const option = startOption(
          {
            field: 'pipelineId',
            kind: 'pipeline',
            id: suite.id === '' ? null : suite.id,
            name: suite.name,
            use: null,
            createdAt: suite.createdAt,
          },
          query.warn,
        )
        if (option !== null) yield option
      }
      // A sheet is named by its table and itself: `--sheet` takes the sheet id, with `--table` its table's.
      for await (const { address, name, sheet } of listSheets(tables, 'sheets', query.warn, signal)) {
        yield {
          field: 'sheetId',
          kind: 'sheet',
          id: address.sheetId,
          name: `${name} (--table ${address.tableId})`,
          use: null,
          createdAt: parseVendorDate(readField<Sheet>(sheet, 'created_at'), 'created_at', []),
        }
      }
    },
  }
}
