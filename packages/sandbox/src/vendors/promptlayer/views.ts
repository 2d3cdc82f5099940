import type {
  ColumnScore,
  DatasetRowCell,
  EvaluationRowCell,
  EvaluationRun,
  Evaluation as Pipeline,
  Report,
  ReportColumn,
  ReportScore,
  StatusCounts,
} from '@evalrun/promptlayer'
import { iso, progressOf } from '../../lifecycle.js'
import { QUESTIONS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { mean, round } from '../history.js'
import {
  BOOLEAN_TYPES,
  NUMBER_TYPES,
  type PromptLayerColumn,
  type PromptLayerModel,
  type PromptLayerReport,
  WORKSPACE_ID,
} from './model.js'

// How PromptLayer's state answers: its JSON, computed from the seeded plan and the sandbox clock.

export function reportProgress(model: PromptLayerModel, report: PromptLayerReport, nowMs: number) {
  return progressOf({ createdMs: report.createdMs, items: model.datasetOf(report).rows }, nowMs)
}

/**
 * One evaluation cell: a pure function of (seed, run, row, column) and whether its row is done yet. Its value
 * carries over from the pipeline's earlier runs unless this run drew the row afresh (`SuiteHistory`); a cell
 * failing is this run's.
 */
export function cellOf(
  model: PromptLayerModel,
  report: PromptLayerReport,
  row: number,
  column: PromptLayerColumn,
  rowState: 'done' | 'running' | 'queued',
) {
  if (rowState !== 'done')
    return {
      type: 'eval' as const,
      status: rowState === 'running' ? 'RUNNING' : 'QUEUED',
      value: null,
    } satisfies EvaluationRowCell
  const random = rngFor(model.seed, 'promptlayer', 'cell', report.id, row, column.id)
  const failed = report.outcome === 'all_failed' || random.chance(0.04)
  if (failed) {
    return {
      type: 'eval' as const,
      status: 'FAILED',
      value: null,
      error_message: 'Provider error: upstream model timed out',
    } satisfies EvaluationRowCell
  }
  const drawn = model.history.draw(report, row, column.id)
  const { quality } = drawn.by
  let value: unknown
  if (BOOLEAN_TYPES.has(column.column_type)) value = drawn.random.chance(quality)
  else if (NUMBER_TYPES.has(column.column_type)) value = round(drawn.random.unitAround(quality, 0.2), 3)
  else
    value = `Answer ${row + 1}: ${drawn.random.pick(['Go to Settings', 'Contact support', 'Yes, within 14 days', 'See the docs'])}.`
  return { type: 'eval' as const, status: 'PASSED', value } satisfies EvaluationRowCell
}

export function datasetCells(model: PromptLayerModel, report: PromptLayerReport, row: number) {
  const dataset = model.datasetOf(report)
  const question = QUESTIONS[(row + dataset.offset) % QUESTIONS.length]!
  return [
    { type: 'dataset' as const, value: question },
    { type: 'dataset' as const, value: `Reference answer for: ${question}` },
  ] satisfies DatasetRowCell[]
}

export function rowState(
  row: number,
  progress: { phase: string; done: number },
): 'done' | 'running' | 'queued' {
  if (row < progress.done) return 'done'
  return progress.phase === 'running' && row === progress.done ? 'running' : 'queued'
}

export function statusCounts(model: PromptLayerModel, report: PromptLayerReport, nowMs: number) {
  const counts = { COMPLETED: 0, FAILED: 0, QUEUED: 0, RUNNING: 0 } satisfies StatusCounts
  if (report.isBlueprint) return counts
  const progress = reportProgress(model, report, nowMs)
  const columns = model.evalColumnsOf(report)
  const rows = model.datasetOf(report).rows
  for (let row = 0; row < rows; row++) {
    const state = rowState(row, progress)
    for (const column of columns) {
      if (state === 'queued') counts.QUEUED++
      else if (state === 'running') counts.RUNNING++
      else if (cellOf(model, report, row, column, 'done').status === 'FAILED') counts.FAILED++
      else counts.COMPLETED++
    }
  }
  return counts
}

export function statusOf(
  model: PromptLayerModel,
  report: PromptLayerReport,
  nowMs: number,
): 'RUNNING' | 'COMPLETED' {
  return report.isBlueprint || reportProgress(model, report, nowMs).phase === 'done' ? 'COMPLETED' : 'RUNNING'
}

/** Score of each scored column over its finished, non-failed cells (0..100), or null when there are none. */
export function columnScores(model: PromptLayerModel, report: PromptLayerReport, nowMs: number) {
  const progress = reportProgress(model, report, nowMs)
  return model
    .evalColumnsOf(report)
    .filter((column) => column.is_part_of_score)
    .map((column) => {
      const values: number[] = []
      let skipped = 0
      for (let row = 0; row < progress.done; row++) {
        const cell = cellOf(model, report, row, column, 'done')
        if (cell.status !== 'PASSED') skipped++
        else values.push(typeof cell.value === 'boolean' ? (cell.value ? 1 : 0) : Number(cell.value))
      }
      const average = mean(values)
      return {
        column_name: column.name,
        score: average === null ? null : round(average * 100, 2),
        score_type: BOOLEAN_TYPES.has(column.column_type) ? 'boolean' : 'number',
        num_skipped: skipped,
      } satisfies ColumnScore
    })
}

export function scoreOf(model: PromptLayerModel, report: PromptLayerReport, nowMs: number) {
  const custom = report.scoreConfiguration !== null
  const none = (message: string) => ({
    overall_score: null,
    score_type: 'none' as const,
    has_custom_scoring: custom,
    details: { message },
    error: message,
  })
  if (report.outcome === 'score_error' && reportProgress(model, report, nowMs).phase === 'done') {
    return none('Score calculation failed: custom scoring code raised ZeroDivisionError')
  }
  if (report.outcome === 'all_failed' && reportProgress(model, report, nowMs).done > 0) {
    return none('Every cell failed; there is nothing to score')
  }
  const columns = columnScores(model, report, nowMs)
  const scored = columns.map((column) => column.score).filter((score): score is number => score !== null)
  const overall = mean(scored)
  const overallScore = overall === null ? null : round(overall, 2)
  if (custom) {
    return {
      overall_score: overallScore,
      score_type: 'custom' as const,
      has_custom_scoring: true,
      details: {
        matrix: [['column', 'score'], ...columns.map((column) => [column.column_name, column.score])],
        configuration: report.scoreConfiguration,
      },
      error: null,
    }
  }
  if (columns.length === 0) return { ...none('No column is part of the score'), error: null }
  if (columns.length === 1) {
    return {
      overall_score: overallScore,
      score_type: 'single_column' as const,
      has_custom_scoring: false,
      details: columns[0]!,
      error: null,
    }
  }
  return {
    overall_score: overallScore,
    score_type: 'multi_column' as const,
    has_custom_scoring: false,
    details: { columns },
    error: null,
  }
}

export function tagsObject(report: PromptLayerReport): Record<string, true> | null {
  return report.tags === null ? null : Object.fromEntries(report.tags.map((tag) => [tag, true]))
}

/** The `score` object stored on a run report: the overall score once the run is done. */
export function storedScore(model: PromptLayerModel, report: PromptLayerReport, nowMs: number) {
  if (report.isBlueprint || reportProgress(model, report, nowMs).phase !== 'done') return null
  const { overall_score, score_type } = scoreOf(model, report, nowMs)
  return { overall_score, score_type } satisfies Pick<ReportScore, 'overall_score' | 'score_type'>
}

export function scoreMatrix(model: PromptLayerModel, report: PromptLayerReport, nowMs: number) {
  if (report.isBlueprint || report.scoreConfiguration === null) return null
  const score = scoreOf(model, report, nowMs)
  return 'matrix' in score.details ? score.details.matrix : null
}

export function commonFields(report: PromptLayerReport) {
  return {
    id: report.id,
    name: report.name,
    comment: report.comment,
    created_at: iso(report.createdMs),
    updated_at: iso(report.updatedMs),
    workspace_id: WORKSPACE_ID,
    folder_id: report.folderId,
    user_id: report.userId,
    dataset_id: report.datasetId,
    is_blueprint: report.isBlueprint,
    tags: tagsObject(report),
    deleted: report.deleted,
    parent_report_id: report.parentId,
    score_configuration: report.scoreConfiguration,
  } satisfies Pipeline
}

export function evaluationView(
  model: PromptLayerModel,
  report: PromptLayerReport,
  nowMs: number,
  includeRuns: boolean,
) {
  return {
    ...commonFields(report),
    external_ids: report.externalIds,
    ...(includeRuns
      ? { runs: [...(model.runsOf.get(report.id) ?? [])].reverse().map((run) => runView(model, run, nowMs)) }
      : {}),
  } satisfies Pipeline
}

export function runView(model: PromptLayerModel, run: PromptLayerReport, nowMs: number) {
  const done = reportProgress(model, run, nowMs).phase === 'done'
  return {
    ...commonFields(run),
    score: storedScore(model, run, nowMs),
    score_matrix: scoreMatrix(model, run, nowMs),
    score_calculation_error: done ? scoreOf(model, run, nowMs).error : null,
    status: statusOf(model, run, nowMs),
    stats: { status_counts: statusCounts(model, run, nowMs) },
  } satisfies EvaluationRun
}

export function reportView(model: PromptLayerModel, report: PromptLayerReport, nowMs: number) {
  const done = !report.isBlueprint && reportProgress(model, report, nowMs).phase === 'done'
  return {
    id: report.id,
    name: report.name,
    comment: report.comment,
    is_blueprint: report.isBlueprint,
    deleted: report.deleted,
    created_at: iso(report.createdMs),
    updated_at: iso(report.updatedMs),
    score: storedScore(model, report, nowMs),
    score_configuration: report.scoreConfiguration,
    score_matrix: scoreMatrix(model, report, nowMs),
    score_calculation_error: done ? scoreOf(model, report, nowMs).error : null,
    parent_report_id: report.parentId,
    dataset_id: report.datasetId,
    user_id: report.userId,
    workspace_id: WORKSPACE_ID,
    prompt_registry_id: null,
    prompt_version_number: null,
  } satisfies Report
}

export function reportColumnsView(model: PromptLayerModel, report: PromptLayerReport, nowMs: number) {
  const scores = report.isBlueprint ? [] : columnScores(model, report, nowMs)
  return model.columnsOf(report).map(
    (column) =>
      ({
        ...column,
        report_id: report.id,
        score: scores.find((score) => score.column_name === column.name)?.score ?? null,
      }) satisfies ReportColumn,
  )
}
