import { retryPolicyOf } from '@evalrun/http/internal'
import {
  type ListEvaluationsResponse,
  type PromptLayerClient,
  type Evaluation as PromptLayerPipeline,
  request,
} from '@evalrun/promptlayer'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { type ListingWarn, listIn, numberedPaging, paginate } from '../../core/paginate.js'
import { readCount, readField, readId } from '../../core/read-json.js'
import { startOption } from '../../core/start-option.js'
import { mapPromptLayerSuite } from './map-suite.js'

/** PromptLayer's largest page: pipelines are listed without their runs here, so pages stay small anyway. */
const PAGE_SIZE = 100

/** PromptLayer's suites and what `--pipeline` takes: the evaluation pipelines (blueprint reports). */
export function promptLayerCatalog(
  client: PromptLayerClient,
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
    },
  }
}
