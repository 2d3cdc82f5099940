import type {
  CreateEvaluationPipelineResponse,
  EvaluationRowsResponse,
  ExternalIdErrorResponse,
  ListEvaluationsResponse,
} from '@evalrun/promptlayer'
import type { VendorResponse } from '../../http/vendor-app.js'
import { pageOf } from '../history.js'
import type { PromptLayerModel, PromptLayerReport } from './model.js'
import { PROMPTLAYER_USERS } from './names.js'
import {
  error,
  int,
  type PromptLayerRequest,
  promptLayerErrors,
  reportOf,
  workspaceCheck,
} from './operation.js'
import { cellOf, datasetCells, evaluationView, reportProgress, rowState } from './views.js'

// Lists pipelines (blueprints); their runs nest under `runs` (newest first) with include_runs=true.
// Default order: created_at desc, ties by id in the same direction.
export function listEvaluations(
  model: PromptLayerModel,
  { query, nowMs }: PromptLayerRequest<'listEvaluations'>,
): VendorResponse {
  const invalidWorkspace = workspaceCheck(query)
  if (invalidWorkspace) return invalidWorkspace
  const status = String(query.status ?? 'active')
  const name = query.name === undefined ? null : String(query.name).toLowerCase()
  const userId =
    query.created_by_email === undefined
      ? null
      : (PROMPTLAYER_USERS.find((user) => user.email === String(query.created_by_email).toLowerCase())?.id ??
        -1)
  const bound = (key: 'created_after' | 'created_before' | 'updated_after' | 'updated_before') =>
    query[key] === undefined ? null : Date.parse(String(query[key]))
  const [createdAfter, createdBefore, updatedAfter, updatedBefore] = [
    bound('created_after'),
    bound('created_before'),
    bound('updated_after'),
    bound('updated_before'),
  ]
  const external =
    query.external_source !== undefined && query.external_id !== undefined
      ? { source: String(query.external_source), id: String(query.external_id) }
      : null
  const pipelines = [...model.reports.values()].filter(
    (report) =>
      report.isBlueprint &&
      (status === 'all' || report.deleted === (status === 'deleted')) &&
      (name === null || report.name.toLowerCase().includes(name)) &&
      (userId === null || report.userId === userId) &&
      (createdAfter === null || report.createdMs >= createdAfter) &&
      (createdBefore === null || report.createdMs <= createdBefore) &&
      (updatedAfter === null || report.updatedMs >= updatedAfter) &&
      (updatedBefore === null || report.updatedMs <= updatedBefore) &&
      (external === null ||
        report.externalIds.some((ext) => ext.source === external.source && ext.external_id === external.id)),
  )
  const sortBy = String(query.sort_by ?? 'created_at')
  const direction = query.sort_order === 'asc' ? 1 : -1
  const key = (report: PromptLayerReport): number | string =>
    sortBy === 'name'
      ? report.name.toLowerCase()
      : sortBy === 'updated_at'
        ? report.updatedMs
        : sortBy === 'id'
          ? report.id
          : report.createdMs
  pipelines.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)]
    return (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id) * direction
  })
  const page = int(query.page ?? 1)
  const perPage = int(query.per_page ?? 10)
  const { slice, pages } = pageOf(pipelines, page, perPage)
  return {
    status: 200,
    body: {
      success: true,
      message: 'Evaluations retrieved successfully',
      evaluations: slice.map((report) => evaluationView(model, report, nowMs, query.include_runs === true)),
      page,
      per_page: perPage,
      total: pipelines.length,
      pages,
    } satisfies ListEvaluationsResponse,
  }
}

// Rows of a run (dataset cells, then one cell per evaluation column). For a pipeline, only its dataset.
export function getEvaluationRows(
  model: PromptLayerModel,
  { params, query, nowMs }: PromptLayerRequest<'getEvaluationRows'>,
): VendorResponse {
  const invalidWorkspace = workspaceCheck(query)
  if (invalidWorkspace) return invalidWorkspace
  const report = reportOf(model, params.evaluation_id)
  if (!report) return promptLayerErrors.notFound('Evaluation not found')
  const columns = report.isBlueprint
    ? model.columnsOf(report).filter((c) => c.column_type === 'DATASET')
    : model.columnsOf(report)
  const evalColumns = columns.filter((column) => column.column_type !== 'DATASET')
  const progress = reportProgress(model, report, nowMs)
  const total = model.datasetOf(report).rows
  const page = int(query.page ?? 1)
  const perPage = int(query.per_page ?? 10)
  const rows = []
  for (let row = (page - 1) * perPage; row < Math.min(total, page * perPage); row++) {
    const state = rowState(row, progress)
    rows.push([
      ...datasetCells(model, report, row),
      ...evalColumns.map((column) => cellOf(model, report, row, column, state)),
    ])
  }
  return {
    status: 200,
    body: {
      success: true,
      message: 'Rows retrieved successfully',
      columns: columns.map((column) => column.name),
      rows,
      page,
      per_page: perPage,
      pages: Math.max(1, Math.ceil(total / perPage)),
      total,
    } satisfies EvaluationRowsResponse,
  }
}
export function createEvaluationPipeline(
  model: PromptLayerModel,
  { body, nowMs }: PromptLayerRequest<'createEvaluationPipeline'>,
): VendorResponse {
  // The server validated the body against the spec before this handler runs.
  const request = body
  const dataset = [...model.datasets.values()].find(
    (candidate) => candidate.groupId === request.dataset_group_id,
  )
  if (!dataset) return error(404, 'Dataset group not found')
  const externalIds = request.external_ids ?? []
  for (const ext of externalIds) {
    const owner = [...model.reports.values()].find((report) =>
      report.externalIds.some(
        (taken) => taken.source === ext.source && taken.external_id === ext.external_id,
      ),
    )
    if (owner) {
      return {
        status: 409,
        body: {
          success: false,
          message: `External ID ${ext.source}/${ext.external_id} is already attached to report ${owner.id}`,
        } satisfies ExternalIdErrorResponse,
      }
    }
  }
  const names = new Set<string>()
  for (const column of request.columns ?? []) {
    if (names.has(column.name)) return error(400, `Duplicate column name: ${column.name}`)
    names.add(column.name)
  }
  const id = model.nextReportId()
  const pipeline: PromptLayerReport = {
    id,
    name: request.name ?? `Evaluation pipeline ${id}`,
    comment: null,
    isBlueprint: true,
    deleted: false,
    createdMs: nowMs,
    updatedMs: nowMs,
    userId: PROMPTLAYER_USERS[0]!.id,
    folderId: request.folder_id ?? null,
    datasetId: dataset.id,
    parentId: null,
    tags: null,
    scoreConfiguration: request.score_configuration
      ? {
          code: request.score_configuration.code,
          code_language: request.score_configuration.code_language ?? 'PYTHON',
        }
      : null,
    externalIds: externalIds.map((ext) => ({ source: ext.source, external_id: ext.external_id })),
    columns: model.makeColumns(
      (request.columns ?? []).map((column) => ({
        name: column.name,
        column_type: column.column_type,
        configuration: column.configuration,
        is_part_of_score: column.is_part_of_score ?? false,
        position: column.position ?? null,
      })),
    ),
    outcome: 'ok',
    quality: 0,
  }
  model.addReport(pipeline)
  return {
    status: 201,
    body: {
      success: true,
      report_id: id,
      report_columns: pipeline.columns.map(
        ({ id: columnId, name, column_type, position, configuration }) => ({
          id: columnId,
          name,
          column_type,
          position,
          configuration,
        }),
      ),
      external_ids: pipeline.externalIds,
    } satisfies CreateEvaluationPipelineResponse,
  }
}
