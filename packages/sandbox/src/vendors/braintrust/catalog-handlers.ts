import type { VendorResponse } from '../../http/vendor-app.js'
import { datasetView, projectView, taskFunctionView } from './catalog-views.js'
import { eventsPage } from './handlers.js'
import type { BraintrustModel, BraintrustProject } from './model.js'
import {
  type BraintrustRequest,
  DEFAULT_FETCH_LIMIT,
  experimentOf,
  many,
  noExperiment,
  ok,
  page,
} from './operation.js'

// The lists a start reads its ids from (projects, datasets, saved functions), and the GET form of event fetch.

/** Projects newest first, as Braintrust lists them. */
function projectsNewestFirst(model: BraintrustModel): BraintrustProject[] {
  return [...model.projects.values()].sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)
}

export function listProjects(
  model: BraintrustModel,
  { query }: BraintrustRequest<'getProject'>,
): VendorResponse {
  const ids = many(query.ids)
  const listed = page(
    projectsNewestFirst(model),
    query,
    (project) =>
      (ids === null || ids.includes(project.id)) &&
      (query.project_name === undefined || project.name === query.project_name),
    null,
  )
  if (!Array.isArray(listed)) return listed
  return ok({ objects: listed.map((project) => projectView(model, project)) })
}

export function listDatasets(
  model: BraintrustModel,
  { query }: BraintrustRequest<'getDataset'>,
): VendorResponse {
  const ids = many(query.ids)
  const datasets = projectsNewestFirst(model).map((project) => project.dataset)
  const listed = page(
    datasets,
    query,
    (dataset) =>
      (ids === null || ids.includes(dataset.id)) &&
      (query.dataset_name === undefined || dataset.name === query.dataset_name) &&
      (query.project_id === undefined || dataset.projectId === query.project_id) &&
      (query.project_name === undefined ||
        model.projects.get(dataset.projectId)?.name === query.project_name),
    null,
  )
  if (!Array.isArray(listed)) return listed
  return ok({ objects: listed.map((dataset) => datasetView(model, dataset)) })
}

export function listFunctions(
  model: BraintrustModel,
  { query }: BraintrustRequest<'getFunction'>,
): VendorResponse {
  const ids = many(query.ids)
  const functions = projectsNewestFirst(model).map((project) => taskFunctionView(model, project))
  const listed = page(
    functions,
    query,
    (saved) =>
      (ids === null || ids.includes(saved.id)) &&
      (query.function_name === undefined || saved.name === query.function_name) &&
      (query.slug === undefined || saved.slug === query.slug) &&
      (query.project_id === undefined || saved.project_id === query.project_id) &&
      (query.project_name === undefined || model.projects.get(saved.project_id)?.name === query.project_name),
    null,
  )
  if (!Array.isArray(listed)) return listed
  return ok({ objects: listed })
}

/** The GET form of fetch: the first `limit` traces (it takes no cursor; the POST form pages on). */
export function fetchExperimentEventsByGet(
  model: BraintrustModel,
  { params, query, nowMs }: BraintrustRequest<'getExperimentIdFetch'>,
): VendorResponse {
  const experiment = experimentOf(model, params)
  if (!experiment) return noExperiment(params.experiment_id)
  const limit = query.limit ?? DEFAULT_FETCH_LIMIT
  return ok(eventsPage(model, experiment, limit, 0, nowMs))
}
