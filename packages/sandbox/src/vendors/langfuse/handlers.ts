import type { ScoreConfigsPage } from '@evalrun/langfuse'
import type { VendorResponse } from '../../http/vendor-app.js'
import type { ExperimentWindow, LangfuseExperiment, LangfuseModel } from './model.js'
import {
  afterCursor,
  allows,
  cursorOf,
  DEFAULT_LIMIT,
  EXPERIMENT_FIELDS,
  encodeCursor,
  fieldsOf,
  filterOf,
  ITEM_FIELDS,
  invalidRequest,
  issue,
  type LangfuseRequest,
  langfuseError,
  limitOf,
  list,
  MAX_LIMIT,
  MAX_SCORE_LIMIT,
  ok,
  timeOf,
} from './operation.js'
import { experimentView, itemView } from './views.js'

// Newest first by (clipped) start; an experiment is listed when an item of it started in the range.
export function listExperiments(
  model: LangfuseModel,
  { query, nowMs }: LangfuseRequest<'experiments_list'>,
): VendorResponse {
  const limit = limitOf(query, 'limit', MAX_LIMIT, DEFAULT_LIMIT)
  const scoreLimit = limitOf(query, 'scoreLimit', MAX_SCORE_LIMIT, MAX_SCORE_LIMIT)
  const fields = fieldsOf(query, EXPERIMENT_FIELDS, ['core'])
  const cursor = cursorOf(query)
  const filter = filterOf(query, ['id', 'name', 'datasetId'])
  const fromMs = timeOf(query, 'fromStartTime', 0)
  const toMs = timeOf(query, 'toStartTime', Number.POSITIVE_INFINITY)
  const [ids, names, datasetIds] = [list(query.id), list(query.name), list(query.datasetId)]
  const rows: Array<{
    startMs: number
    id: string
    experiment: LangfuseExperiment
    window: ExperimentWindow
  }> = []
  for (const experiment of model.experiments.values()) {
    if (
      !allows(ids, filter('id'), experiment.id) ||
      !allows(names, filter('name'), experiment.name) ||
      !allows(datasetIds, filter('datasetId'), experiment.datasetId)
    )
      continue
    const window = model.window(experiment, fromMs, toMs, nowMs)
    if (window !== null) rows.push({ startMs: window.startMs, id: experiment.id, experiment, window })
  }
  const remaining = afterCursor(rows, cursor)
  const page = remaining.slice(0, limit)
  const last = page.at(-1)
  return ok({
    data: page.map(({ experiment, window }) =>
      experimentView(model, experiment, window, fields, nowMs, scoreLimit),
    ),
    meta:
      remaining.length > limit && last
        ? { cursor: encodeCursor(last.startMs, last.id, model.traceId(last.experiment, 0), last.id) }
        : {},
  })
}

// Every item (root observation) of the matching experiments started in the range, newest first.
export function listExperimentItems(
  model: LangfuseModel,
  { query, nowMs }: LangfuseRequest<'experiments_listItems'>,
): VendorResponse {
  const limit = limitOf(query, 'limit', MAX_LIMIT, DEFAULT_LIMIT)
  const scoreLimit = limitOf(query, 'scoreLimit', MAX_SCORE_LIMIT, MAX_SCORE_LIMIT)
  const fields = fieldsOf(query, ITEM_FIELDS, ['core', 'dataset'])
  const cursor = cursorOf(query)
  const filter = filterOf(query, ['experimentId', 'experimentName', 'experimentItemId', 'datasetId'])
  const fromMs = timeOf(query, 'fromStartTime', 0)
  const toMs = timeOf(query, 'toStartTime', Number.POSITIVE_INFINITY)
  const [experimentIds, experimentNames, itemIds, datasetIds] = [
    list(query.experimentId),
    list(query.experimentName),
    list(query.experimentItemId),
    list(query.datasetId),
  ]
  const rows: Array<{ startMs: number; id: string; experiment: LangfuseExperiment; index: number }> = []
  for (const experiment of model.experiments.values()) {
    if (
      !allows(experimentIds, filter('experimentId'), experiment.id) ||
      !allows(experimentNames, filter('experimentName'), experiment.name) ||
      !allows(datasetIds, filter('datasetId'), experiment.datasetId)
    )
      continue
    const dataset = model.datasets.get(experiment.datasetId)!
    for (const index of model.itemsIn(experiment, fromMs, toMs, nowMs)) {
      if (!allows(itemIds, filter('experimentItemId'), dataset.itemIds[index]!)) continue
      rows.push({
        startMs: model.itemStartMs(experiment, index),
        id: model.observationId(experiment, index),
        experiment,
        index,
      })
    }
  }
  const remaining = afterCursor(rows, cursor)
  const page = remaining.slice(0, limit)
  const last = page.at(-1)
  return ok({
    data: page.map(({ experiment, index }) => itemView(model, experiment, index, fields, nowMs, scoreLimit)),
    meta:
      remaining.length > limit && last
        ? {
            cursor: encodeCursor(
              last.startMs,
              last.id,
              model.traceId(last.experiment, last.index),
              last.experiment.id,
            ),
          }
        : {},
  })
}

export function listScoreConfigs(
  model: LangfuseModel,
  { query }: LangfuseRequest<'scoreConfigs_get'>,
): VendorResponse {
  const limit = limitOf(query, 'limit', MAX_LIMIT, DEFAULT_LIMIT)
  const page = query.page === undefined || query.page === null ? 1 : Number(query.page)
  if (!Number.isInteger(page) || page < 1)
    return invalidRequest([issue('page', 'Number must be at least 1', 'too_small')])
  const totalItems = model.configs.length
  return ok({
    data: model.configs.slice((page - 1) * limit, page * limit),
    meta: { page, limit, totalItems, totalPages: Math.ceil(totalItems / limit) },
  } satisfies ScoreConfigsPage)
}

export function getScoreConfig(
  model: LangfuseModel,
  { params }: LangfuseRequest<'scoreConfigs_get-by-id'>,
): VendorResponse {
  const config = model.configs.find((candidate) => candidate.id === params.configId)
  return config
    ? ok(config)
    : langfuseError(
        404,
        `Score config ${params.configId} not found within authorized project`,
        'LangfuseNotFoundError',
      )
}
