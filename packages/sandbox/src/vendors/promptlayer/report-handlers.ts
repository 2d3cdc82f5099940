import type {
  DeleteReportResponse,
  GetReportResponse,
  GetReportScoreResponse,
  RenameReportResponse,
  RunReportResponse,
} from '@evalrun/promptlayer'
import type { VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import type { PromptLayerModel } from './model.js'
import { error, type PromptLayerRequest, reportOf } from './operation.js'
import { reportColumnsView, reportView, scoreOf, statusCounts, statusOf } from './views.js'

export function runReport(
  model: PromptLayerModel,
  { params, body, nowMs }: PromptLayerRequest<'runReport'>,
): VendorResponse {
  const request = body
  const pipeline = reportOf(model, params.report_id)
  if (!pipeline) return error(404, 'Report not found')
  if (!pipeline.isBlueprint) return error(403, 'Can only run evaluation pipeline reports')
  if (pipeline.deleted) return error(400, 'Evaluation pipeline is archived')
  const datasetId = request.dataset_id ?? pipeline.datasetId
  if (!model.datasets.has(datasetId)) return error(404, 'Dataset not found')
  if (request.refresh_dataset === true)
    return error(403, 'Dataset refresh not allowed: the dataset is not dynamic')
  const random = rngFor(model.seed, 'promptlayer', 'started-run', model.nextReportId())
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
}

export function getReport(
  model: PromptLayerModel,
  { params, nowMs }: PromptLayerRequest<'getReport'>,
): VendorResponse {
  const report = reportOf(model, params.report_id)
  if (!report) return error(404, 'Report not found or not accessible')
  return {
    status: 200,
    body: {
      success: true,
      message: 'Report retrieved successfully',
      report: reportView(model, report, nowMs),
      status: statusOf(model, report, nowMs),
      stats: { status_counts: statusCounts(model, report, nowMs) },
      report_columns: reportColumnsView(model, report, nowMs),
    } satisfies GetReportResponse,
  }
}

// Archives; archived reports stay readable and are listed with status=deleted.
export function deleteReport(
  model: PromptLayerModel,
  { params, nowMs }: PromptLayerRequest<'deleteReport'>,
): VendorResponse {
  const report = reportOf(model, params.report_id)
  if (!report) return error(404, 'Report not found')
  report.deleted = true
  report.updatedMs = nowMs
  return {
    status: 200,
    body: { success: true, message: 'Report archived successfully' } satisfies DeleteReportResponse,
  }
}

export function getReportScore(
  model: PromptLayerModel,
  { params, nowMs }: PromptLayerRequest<'getReportScore'>,
): VendorResponse {
  const report = reportOf(model, params.report_id)
  if (!report) return error(404, 'Report not found')
  if (report.isBlueprint) return error(400, 'Blueprint reports do not have scores')
  const { error: _error, ...score } = scoreOf(model, report, nowMs)
  return {
    status: 200,
    body: {
      success: true,
      message: 'Score retrieved successfully',
      score,
    } satisfies GetReportScoreResponse,
  }
}

export function renameReport(
  model: PromptLayerModel,
  { params, body, nowMs }: PromptLayerRequest<'renameReport'>,
): VendorResponse {
  const request = body
  const report = reportOf(model, params.report_id)
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
}
