import type { Dataset, DatasetsPage } from '@evalrun/langfuse'
import type { VendorResponse } from '../../http/vendor-app.js'
import { iso, type LangfuseDataset, type LangfuseModel, PROJECT_ID } from './model.js'
import {
  DEFAULT_LIMIT,
  invalidRequest,
  issue,
  type LangfuseRequest,
  limitOf,
  MAX_LIMIT,
  ok,
} from './operation.js'

/** The project's datasets, newest first, paged by number as Langfuse pages its v2 lists. */
export function listDatasets(
  model: LangfuseModel,
  { query }: LangfuseRequest<'datasets_list'>,
): VendorResponse {
  const limit = limitOf(query, 'limit', MAX_LIMIT, DEFAULT_LIMIT)
  const page = query.page === undefined || query.page === null ? 1 : Number(query.page)
  if (!Number.isInteger(page) || page < 1)
    return invalidRequest([issue('page', 'Number must be at least 1', 'too_small')])
  const all = [...model.datasets.values()].sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)
  return ok({
    data: all.slice((page - 1) * limit, page * limit).map(datasetView),
    meta: { page, limit, totalItems: all.length, totalPages: Math.ceil(all.length / limit) },
  } satisfies DatasetsPage)
}

function datasetView(dataset: LangfuseDataset): Dataset {
  return {
    id: dataset.id,
    name: dataset.name,
    description: `${dataset.itemIds.length} items`,
    metadata: null,
    inputSchema: null,
    expectedOutputSchema: null,
    projectId: PROJECT_ID,
    createdAt: iso(dataset.createdMs),
    updatedAt: iso(dataset.createdMs),
  }
}
