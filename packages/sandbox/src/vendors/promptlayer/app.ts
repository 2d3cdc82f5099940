import type {
  CreateEvaluationPipelineRequest,
  CreateEvaluationPipelineResponse,
  DeleteReportResponse,
  EvaluationRowsResponse,
  ExternalIdErrorResponse,
  GetReportResponse,
  GetReportScoreResponse,
  ListEvaluationsResponse,
  RenameReportResponse,
  RunReportResponse,
} from '@evalrun/promptlayer'
import type { Issue, OperationInput, VendorApp, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import { pageOf } from '../history.js'
import { PromptLayerModel, type PromptLayerReport, WORKSPACE_ID } from './model.js'
import { PROMPTLAYER_USERS } from './names.js'

const issueText = (issues: Issue[]) =>
  issues.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; ')

/** PromptLayer answers errors with `ErrorResponse` (`{success: false, message, error?}`) on every status. */
export const promptLayerErrors: VendorErrors = {
  unauthorized: () => ({
    status: 401,
    body: { success: false, message: 'Invalid API key', error: 'unauthorized' },
  }),
  notFound: (message) => ({ status: 404, body: { success: false, message, error: 'not_found' } }),
  invalid: (issues) => ({
    status: 422,
    body: { success: false, message: `Validation failed: ${issueText(issues)}`, error: 'validation_error' },
  }),
  malformedJson: (message) => ({
    status: 400,
    body: { success: false, message: `Invalid JSON body: ${message}`, error: 'invalid_json' },
  }),
  generic: (status, message) => ({ status, body: { success: false, message } }),
}

const error = (status: number, message: string): VendorResponse => ({
  status,
  body: { success: false, message },
})
const int = (value: unknown): number => Number(value)

export function createPromptLayerApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: PromptLayerModel } {
  const model = new PromptLayerModel(seed, suites, runs, nowMs)
  const workspaceCheck = (query: Record<string, unknown>): VendorResponse | null =>
    query.workspace_id !== undefined && int(query.workspace_id) !== WORKSPACE_ID
      ? error(400, 'Invalid workspace_id')
      : null
  const reportOr404 = (id: unknown): PromptLayerReport | null => model.reports.get(int(id)) ?? null

  const handlers: Record<string, (input: OperationInput) => VendorResponse> = {
    // Lists pipelines (blueprints); their runs nest under `runs` (newest first) with include_runs=true.
    // Default order: created_at desc, ties by id in the same direction.
    listEvaluations: ({ query, nowMs }) => {
      const invalidWorkspace = workspaceCheck(query)
      if (invalidWorkspace) return invalidWorkspace
      const status = String(query.status ?? 'active')
      const name = query.name === undefined ? null : String(query.name).toLowerCase()
      const userId =
        query.created_by_email === undefined
          ? null
          : (PROMPTLAYER_USERS.find((user) => user.email === String(query.created_by_email).toLowerCase())
              ?.id ?? -1)
      const bound = (key: string) => (query[key] === undefined ? null : Date.parse(String(query[key])))
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
            report.externalIds.some(
              (ext) => ext.source === external.source && ext.external_id === external.id,
            )),
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
          evaluations: slice.map((report) =>
            model.evaluationView(report, nowMs, query.include_runs === true),
          ),
          page,
          per_page: perPage,
          total: pipelines.length,
          pages,
        } satisfies ListEvaluationsResponse,
      }
    },

    // Rows of a run (dataset cells, then one cell per evaluation column). For a pipeline, only its dataset.
    getEvaluationRows: ({ params, query, nowMs }) => {
      const invalidWorkspace = workspaceCheck(query)
      if (invalidWorkspace) return invalidWorkspace
      const report = reportOr404(params.evaluation_id)
      if (!report) return promptLayerErrors.notFound('Evaluation not found')
      const columns = report.isBlueprint
        ? model.columnsOf(report).filter((c) => c.column_type === 'DATASET')
        : model.columnsOf(report)
      const evalColumns = columns.filter((column) => column.column_type !== 'DATASET')
      const progress = model.progress(report, nowMs)
      const total = model.datasetOf(report).rows
      const page = int(query.page ?? 1)
      const perPage = int(query.per_page ?? 10)
      const rows = []
      for (let row = (page - 1) * perPage; row < Math.min(total, page * perPage); row++) {
        const state = model.rowState(row, progress)
        rows.push([
          ...model.datasetCells(report, row),
          ...evalColumns.map((column) => model.cell(report, row, column, state)),
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
    },

    createEvaluationPipeline: ({ body, nowMs }) => {
      // The server validated the body against the spec before this handler runs.
      const request = body as CreateEvaluationPipelineRequest
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
    },

    runReport: ({ params, body, nowMs }) => {
      const request = body as { name: string; dataset_id?: number | null; refresh_dataset?: boolean | null }
      const pipeline = reportOr404(params.report_id)
      if (!pipeline) return error(404, 'Report not found')
      if (!pipeline.isBlueprint) return error(403, 'Can only run evaluation pipeline reports')
      if (pipeline.deleted) return error(400, 'Evaluation pipeline is archived')
      const datasetId = request.dataset_id ?? pipeline.datasetId
      if (!model.datasets.has(datasetId)) return error(404, 'Dataset not found')
      if (request.refresh_dataset === true)
        return error(403, 'Dataset refresh not allowed: the dataset is not dynamic')
      const random = rngFor(seed, 'promptlayer', 'started-run', model.nextReportId())
      const roll = random.float()
      const run = model.addRun(pipeline, {
        name: request.name,
        createdMs: nowMs,
        userId: pipeline.userId,
        datasetId,
        outcome: roll < 0.9 ? 'ok' : roll < 0.95 ? 'all_failed' : 'score_error',
        quality: 0.5 + random.float() * 0.45,
      })
      return { status: 201, body: { success: true, report_id: run.id } satisfies RunReportResponse }
    },

    getReport: ({ params, nowMs }) => {
      const report = reportOr404(params.report_id)
      if (!report) return error(404, 'Report not found or not accessible')
      return {
        status: 200,
        body: {
          success: true,
          message: 'Report retrieved successfully',
          report: model.reportView(report, nowMs),
          status: model.status(report, nowMs),
          stats: { status_counts: model.statusCounts(report, nowMs) },
          report_columns: model.reportColumnsView(report, nowMs),
        } satisfies GetReportResponse,
      }
    },

    // Archives; archived reports stay readable and are listed with status=deleted.
    deleteReport: ({ params, nowMs }) => {
      const report = reportOr404(params.report_id)
      if (!report) return error(404, 'Report not found')
      report.deleted = true
      report.updatedMs = nowMs
      return {
        status: 200,
        body: { success: true, message: 'Report archived successfully' } satisfies DeleteReportResponse,
      }
    },

    getReportScore: ({ params, nowMs }) => {
      const report = reportOr404(params.report_id)
      if (!report) return error(404, 'Report not found')
      if (report.isBlueprint) return error(400, 'Blueprint reports do not have scores')
      const { error: _error, ...score } = model.score(report, nowMs)
      return {
        status: 200,
        body: {
          success: true,
          message: 'Score retrieved successfully',
          score,
        } satisfies GetReportScoreResponse,
      }
    },

    renameReport: ({ params, body, nowMs }) => {
      const request = body as { name?: string | null; tags?: string[] | null }
      const report = reportOr404(params.report_id)
      if (!report) return error(404, 'Report not found')
      if (request.name == null && request.tags == null) return error(400, 'Provide a name or tags')
      if (request.name != null) report.name = request.name
      if (request.tags != null) report.tags = request.tags.length === 0 ? null : [...request.tags]
      report.updatedMs = nowMs
      return {
        status: 200,
        body: {
          success: true,
          report: {
            id: report.id,
            name: report.name,
            tags: report.tags ?? [],
            score_configuration: report.scoreConfiguration,
          },
        } satisfies RenameReportResponse,
      }
    },
  }

  return {
    vendor: 'promptlayer',
    prefix: '/promptlayer',
    security: { scheme: 'ApiKeyAuth', header: 'x-api-key' },
    handlers,
    errors: promptLayerErrors,
    runCount: () => model.runTotal,
    model,
  }
}
