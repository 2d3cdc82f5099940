import type {
  GetReportResponse,
  GetReportScoreResponse,
  EvaluationRun as PromptLayerListedRun,
  Evaluation as PromptLayerPipeline,
  Report,
  RunReportResponse,
} from '@evalrun/promptlayer'
import { finishRun, type MetricInput } from '../../core/finish-run.js'
import type { EvalRun } from '../../core/model.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { asRecord, readField, readId, readString } from '../../core/read-json.js'
import { mapPromptLayerColumnMetrics, mapPromptLayerScore, PROMPTLAYER_SCALE } from './map-score.js'
import { mapPromptLayerStatus } from './map-status.js'
import type { PromptLayerRawRun } from './types.js'

type ListedRunStats = NonNullable<PromptLayerListedRun['stats']>
type ReportStats = NonNullable<GetReportResponse['stats']>
/** A run as `build` reads it: nested in a listing, or the `report` of `GET /reports/{id}`. */
type RunFields = PromptLayerListedRun | Report

/** What every run of one pipeline shares: see `mapPromptLayerListedRun`. */
export interface PromptLayerPipelineContext {
  /** The pipeline without its `runs`: each run would otherwise carry all of its siblings. */
  pipelineWithoutRuns: PromptLayerPipeline
  id: string | null
  name: string | null
}

/** Computed once per pipeline when listing, rather than once per run. */
export function promptLayerPipelineContext(pipeline: unknown): PromptLayerPipelineContext {
  const { runs: _runs, ...pipelineWithoutRuns } = (asRecord(pipeline) ?? {}) as PromptLayerPipeline
  return {
    pipelineWithoutRuns: pipelineWithoutRuns as PromptLayerPipeline,
    id: readId<PromptLayerPipeline>(pipeline, 'id'),
    name: readString<PromptLayerPipeline>(pipeline, 'name'),
  }
}

/**
 * A run as nested under its pipeline by `GET /api/public/v2/evaluations?include_runs=true`. Runs mapped with the
 * same `context` share its slim pipeline as `raw.pipeline`.
 */
export function mapPromptLayerListedRun(
  run: unknown,
  pipeline: unknown,
  context: PromptLayerPipelineContext = promptLayerPipelineContext(pipeline),
): EvalRun<'promptlayer'> {
  const stats = mapPromptLayerStatus(
    readField<PromptLayerListedRun>(run, 'status'),
    readField<ListedRunStats>(readField<PromptLayerListedRun>(run, 'stats'), 'status_counts'),
  )
  const warnings = [...stats.warnings]
  const { score, metrics } = mapPromptLayerScore(
    readField<PromptLayerListedRun>(run, 'score'),
    readField<PromptLayerListedRun>(run, 'score_calculation_error'),
    warnings,
  )
  const raw: PromptLayerRawRun = {
    from: 'listing',
    run: run as PromptLayerListedRun,
    pipeline: context.pipelineWithoutRuns,
  }
  return build({
    run,
    suiteId: readId<PromptLayerListedRun>(run, 'parent_report_id') ?? context.id,
    suiteName: context.name,
    stats,
    score,
    metrics,
    warnings,
    raw,
  })
}

/** A run read with `GET /reports/{id}`, and its `GET /reports/{id}/score` when that was read. */
export function mapPromptLayerReport(report: unknown, scoreResponse: unknown): EvalRun<'promptlayer'> {
  const body = readField<GetReportResponse>(report, 'report')
  const stats = mapPromptLayerStatus(
    readField<GetReportResponse>(report, 'status'),
    readField<ReportStats>(readField<GetReportResponse>(report, 'stats'), 'status_counts'),
  )
  const warnings = [...stats.warnings]
  const fromScore = mapPromptLayerScore(
    readField<GetReportScoreResponse>(scoreResponse, 'score'),
    readField<Report>(body, 'score_calculation_error'),
    warnings,
  )
  const metrics = [
    ...fromScore.metrics,
    ...mapPromptLayerColumnMetrics(readField<GetReportResponse>(report, 'report_columns'), fromScore.metrics),
  ]
  const raw: PromptLayerRawRun = {
    from: 'report',
    report: report as GetReportResponse,
    score: (scoreResponse ?? null) as GetReportScoreResponse | null,
  }
  return build({
    run: body,
    suiteId: readId<Report>(body, 'parent_report_id'),
    suiteName: null,
    stats,
    score: fromScore.score,
    metrics,
    warnings,
    raw,
  })
}

/** What `POST /reports/{id}/run` said, for when the new report cannot be read yet. */
export function mapPromptLayerStartedRun(
  started: unknown,
  pipelineId: string,
  reason: string,
): EvalRun<'promptlayer'> {
  const warnings = [`The run was started, but reading it back failed (${reason}); its state is unknown.`]
  return build({
    run: { id: readField<RunReportResponse>(started, 'report_id') },
    suiteId: pipelineId,
    suiteName: null,
    stats: { status: 'unknown', vendorStatus: null, warnings: [], progress: emptyProgress() },
    score: null,
    metrics: [],
    warnings,
    raw: { from: 'start', started: started as RunReportResponse },
  })
}

interface BuildInput {
  run: unknown
  suiteId: string | null
  suiteName: string | null
  stats: ReturnType<typeof mapPromptLayerStatus>
  score: number | null
  metrics: MetricInput[]
  warnings: string[]
  raw: PromptLayerRawRun
}

function build(input: BuildInput): EvalRun<'promptlayer'> {
  const { run, warnings } = input
  const id = readId<RunFields>(run, 'id')
  if (id === null) warnings.push('PromptLayer run has no id.')
  if (input.suiteId === null) warnings.push('PromptLayer run has no parent_report_id (pipeline).')
  const createdAt = parseVendorDate(readField<RunFields>(run, 'created_at'), 'created_at', warnings)
  const updatedAt = parseVendorDate(readField<RunFields>(run, 'updated_at'), 'updated_at', warnings)
  return finishRun<'promptlayer'>({
    ref: `promptlayer:${id ?? ''}`,
    vendor: 'promptlayer',
    id: id ?? '',
    name: readString<RunFields>(run, 'name'),
    suite: {
      kind: 'pipeline',
      id: input.suiteId ?? '',
      name: input.suiteName,
      ref: `promptlayer:${input.suiteId ?? ''}`,
    },
    status: input.stats.status,
    vendorStatus: input.stats.vendorStatus,
    createdAt,
    // PromptLayer starts a run when it creates it and records no separate start or end time.
    startedAt: createdAt,
    completedAt: input.stats.status === 'completed' || input.stats.status === 'failed' ? updatedAt : null,
    progress: input.stats.progress,
    score: input.score,
    scoreScale: PROMPTLAYER_SCALE,
    // A run's payload counts cells by execution state only; verdicts are the rows' boolean values (map-item.ts).
    passRate: null,
    metrics: input.metrics,
    url: null,
    raw: input.raw,
    warnings,
  })
}

function emptyProgress() {
  return { total: null, completed: null, failed: null }
}
