import { retryPolicyOf } from '@evalrun/http/internal'
import { type Dataset, type DatasetsPage, type LangfuseClient, request } from '@evalrun/langfuse'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { listIn, numberedPaging, paginate } from '../../core/paginate.js'
import { readCount, readField, readId } from '../../core/read-json.js'
import { mapLangfuseSuite } from './map-suite.js'

/** Langfuse's largest page. */
const PAGE_SIZE = 100

/** Langfuse's suites: the project's datasets (its experiments run in the user's code, so there is nothing to start). */
export function langfuseCatalog(client: LangfuseClient): Pick<EvalrunAdapter<'langfuse'>, 'listSuites'> {
  const retry = retryPolicyOf(client)
  return {
    async *listSuites(query, signal) {
      const datasets = paginate({
        vendor: 'Langfuse',
        retry,
        operation: 'GET /api/public/v2/datasets',
        entries: 'datasets',
        paging: numberedPaging((page) =>
          readCount<DatasetsPage['meta']>(readField<DatasetsPage>(page, 'meta'), 'totalPages'),
        ),
        read: (page) =>
          request(client, 'GET', '/api/public/v2/datasets', {
            params: { query: { page, limit: PAGE_SIZE } },
            signal,
          }),
        list: listIn<DatasetsPage>('data'),
        key: (dataset) => readId<Dataset>(dataset, 'id'),
        warn: query.warn,
        signal,
      })
      for await (const dataset of datasets) yield mapLangfuseSuite(dataset)
    },
  }
}
