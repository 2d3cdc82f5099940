import type {
  ColumnScore,
  DatasetRowCell,
  EvaluationRowCell,
  EvaluationRun,
  Evaluation as Pipeline,
  Report,
  ReportColumn,
  ReportColumnSummary,
  ReportScore,
  ScoreConfiguration,
  StatusCounts,
} from '@evalrun/promptlayer'
import { iso, progressOf } from '../../lifecycle.js'
import { MODELS, QUESTIONS, RUN_ADJECTIVES } from '../../names.js'
import { rngFor } from '../../prng.js'
import { mean, planRuns, round, SuiteHistory, suiteCreatedMs } from '../history.js'
import { PROMPTLAYER_PIPELINES, PROMPTLAYER_USERS } from './names.js'

export const WORKSPACE_ID = 1

/** 'ok' runs score normally; 'all_failed' runs fail every cell; 'score_error' runs finish but cannot be scored. */
export type PromptLayerOutcome = 'ok' | 'all_failed' | 'score_error'

export interface ExternalId {
  source: string
  external_id: string
}

export interface PromptLayerColumn {
  id: number
  name: string
  /** The kinds a pipeline can be created with, and DATASET for the dataset's own columns. */
  column_type: NonNullable<ReportColumnSummary['column_type']>
  /** Zero-based, dataset columns first. */
  position: number
  is_part_of_score: boolean
  configuration: Record<string, unknown>
}

export interface PromptLayerDataset {
  id: number
  groupId: number
  rows: number
  /** Offset into the question list, so datasets differ. */
  offset: number
}

export interface PromptLayerReport {
  id: number
  name: string
  comment: string | null
  isBlueprint: boolean
  deleted: boolean
  createdMs: number
  updatedMs: number
  userId: number
  folderId: number | null
  datasetId: number
  parentId: number | null
  tags: string[] | null
  scoreConfiguration: Required<ScoreConfiguration> | null
  externalIds: ExternalId[]
  /** A pipeline's columns; runs use their pipeline's. */
  columns: PromptLayerColumn[]
  outcome: PromptLayerOutcome
  quality: number
}

const BOOLEAN_TYPES = new Set(['LLM_ASSERTION', 'CONTAINS', 'REGEX', 'COMPARE', 'ASSERT_VALID', 'HUMAN'])
const NUMBER_TYPES = new Set([
  'COSINE_SIMILARITY',
  'ABSOLUTE_NUMERIC_DISTANCE',
  'COUNT',
  'MATH_OPERATOR',
  'MIN_MAX',
])
export const DATASET_COLUMNS = ['question', 'expected_answer']

export class PromptLayerModel {
  readonly reports = new Map<number, PromptLayerReport>()
  readonly datasets = new Map<number, PromptLayerDataset>()
  /** Runs of each pipeline, oldest first. */
  readonly runsOf = new Map<number, PromptLayerReport[]>()
  /** A pipeline's runs over one dataset, in order: its rows carry their cells over from run to run. */
  readonly history: SuiteHistory<PromptLayerReport>
  runTotal = 0
  private nextColumnId = 1
  private maxReportId = 0

  constructor(
    readonly seed: number,
    suites: number,
    runCount: number,
    nowMs: number,
  ) {
    this.history = new SuiteHistory(seed, 'promptlayer')
    for (let s = 0; s < suites; s++) this.seedPipeline(s, nowMs)
    const planned = planRuns(
      seed,
      'promptlayer',
      runCount,
      suites,
      nowMs,
      (suite) => this.datasetOf(this.reports.get(suite + 1)!).rows,
    )
    for (const plan of planned) {
      const random = plan.random
      const pipeline = this.reports.get(plan.suite + 1)!
      const roll = random.float()
      this.addRun(pipeline, {
        name: `${random.pick(RUN_ADJECTIVES)} ${random.pick(MODELS)} #${plan.order + 1}`,
        createdMs: plan.createdMs,
        userId: random.pick(PROMPTLAYER_USERS).id,
        datasetId: pipeline.datasetId,
        outcome: roll < 0.9 ? 'ok' : roll < 0.95 ? 'all_failed' : 'score_error',
        quality: 0.5 + random.float() * 0.45,
      })
    }
  }

  private seedPipeline(suite: number, nowMs: number): void {
    const random = rngFor(this.seed, 'promptlayer', 'pipeline', suite)
    const dataset: PromptLayerDataset = {
      id: 101 + suite,
      groupId: 201 + suite,
      rows: random.int(5, 30),
      offset: suite,
    }
    this.datasets.set(dataset.id, dataset)
    const base = PROMPTLAYER_PIPELINES[suite % PROMPTLAYER_PIPELINES.length]!
    const evalColumns: Array<Omit<PromptLayerColumn, 'id' | 'position'>> = [
      {
        name: 'Answer',
        column_type: 'PROMPT_TEMPLATE',
        is_part_of_score: false,
        configuration: { template: { name: 'support-answer' } },
      },
      {
        name: 'Correct',
        column_type: 'LLM_ASSERTION',
        is_part_of_score: true,
        configuration: { source: 'Answer', prompt: 'Is the answer correct?' },
      },
    ]
    if (suite % 3 === 1) {
      evalColumns.push({
        name: 'Cites source',
        column_type: 'CONTAINS',
        is_part_of_score: true,
        configuration: { source: 'Answer', value: 'http' },
      })
    }
    if (suite % 3 === 2) {
      evalColumns.push({
        name: 'Similarity',
        column_type: 'COSINE_SIMILARITY',
        is_part_of_score: false,
        configuration: { source1: 'Answer', source2: 'expected_answer' },
      })
    }
    const createdMs = suiteCreatedMs(nowMs, suite)
    this.addReport({
      id: suite + 1,
      name:
        suite < PROMPTLAYER_PIPELINES.length
          ? base
          : `${base} #${Math.floor(suite / PROMPTLAYER_PIPELINES.length) + 1}`,
      comment: null,
      isBlueprint: true,
      deleted: false,
      createdMs,
      updatedMs: createdMs,
      userId: PROMPTLAYER_USERS[suite % PROMPTLAYER_USERS.length]!.id,
      folderId: null,
      datasetId: dataset.id,
      parentId: null,
      tags: suite === 0 ? ['production'] : null,
      scoreConfiguration:
        suite % 3 === 2
          ? {
              code: 'return {"score": sum(r["Correct"] for r in data) / len(data) * 100}',
              code_language: 'PYTHON',
            }
          : null,
      externalIds: [],
      columns: this.makeColumns(evalColumns.map((column) => ({ ...column, position: null }))),
      outcome: 'ok',
      quality: 0,
    })
  }

  /** Dataset columns first, then the evaluation columns in order (by their 1-based position when given). */
  makeColumns(
    evalColumns: Array<Omit<PromptLayerColumn, 'id' | 'position'> & { position: number | null }>,
  ): PromptLayerColumn[] {
    const ordered = evalColumns
      .map((column, index) => ({ column, index }))
      .sort((a, b) => (a.column.position ?? 1e9) - (b.column.position ?? 1e9) || a.index - b.index)
    const datasetColumns = DATASET_COLUMNS.map((name) => ({
      name,
      column_type: 'DATASET' as const,
      is_part_of_score: false,
      configuration: { column: name },
    }))
    return [...datasetColumns, ...ordered.map(({ column }) => column)].map((column, position) => ({
      id: this.nextColumnId++,
      name: column.name,
      column_type: column.column_type,
      position,
      is_part_of_score: column.is_part_of_score,
      configuration: column.configuration,
    }))
  }

  addReport(report: PromptLayerReport): void {
    this.reports.set(report.id, report)
    this.maxReportId = Math.max(this.maxReportId, report.id)
  }

  nextReportId(): number {
    return this.maxReportId + 1
  }

  addRun(
    pipeline: PromptLayerReport,
    run: Pick<PromptLayerReport, 'name' | 'createdMs' | 'userId' | 'datasetId' | 'outcome' | 'quality'>,
  ): PromptLayerReport {
    const report: PromptLayerReport = {
      ...run,
      id: this.nextReportId(),
      comment: null,
      isBlueprint: false,
      deleted: false,
      updatedMs: run.createdMs,
      folderId: pipeline.folderId,
      parentId: pipeline.id,
      tags: null,
      scoreConfiguration: pipeline.scoreConfiguration,
      externalIds: [],
      columns: [],
    }
    this.addReport(report)
    const runs = this.runsOf.get(pipeline.id) ?? []
    runs.push(report)
    this.runsOf.set(pipeline.id, runs)
    this.history.add(`pipeline ${pipeline.id} dataset ${report.datasetId}`, report)
    this.runTotal++
    return report
  }

  datasetOf(report: PromptLayerReport): PromptLayerDataset {
    return this.datasets.get(report.datasetId)!
  }

  columnsOf(report: PromptLayerReport): PromptLayerColumn[] {
    return report.parentId === null ? report.columns : this.reports.get(report.parentId)!.columns
  }

  evalColumnsOf(report: PromptLayerReport): PromptLayerColumn[] {
    return this.columnsOf(report).filter((column) => column.column_type !== 'DATASET')
  }

  progress(report: PromptLayerReport, nowMs: number) {
    return progressOf({ createdMs: report.createdMs, items: this.datasetOf(report).rows }, nowMs)
  }

  /**
   * One evaluation cell: a pure function of (seed, run, row, column) and whether its row is done yet. Its value
   * carries over from the pipeline's earlier runs unless this run drew the row afresh (`SuiteHistory`); a cell
   * failing is this run's.
   */
  cell(
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
    const random = rngFor(this.seed, 'promptlayer', 'cell', report.id, row, column.id)
    const failed = report.outcome === 'all_failed' || random.chance(0.04)
    if (failed) {
      return {
        type: 'eval' as const,
        status: 'FAILED',
        value: null,
        error_message: 'Provider error: upstream model timed out',
      } satisfies EvaluationRowCell
    }
    const drawn = this.history.draw(report, row, column.id)
    const { quality } = drawn.by
    let value: unknown
    if (BOOLEAN_TYPES.has(column.column_type)) value = drawn.random.chance(quality)
    else if (NUMBER_TYPES.has(column.column_type)) value = round(drawn.random.unitAround(quality, 0.2), 3)
    else
      value = `Answer ${row + 1}: ${drawn.random.pick(['Go to Settings', 'Contact support', 'Yes, within 14 days', 'See the docs'])}.`
    return { type: 'eval' as const, status: 'PASSED', value } satisfies EvaluationRowCell
  }

  datasetCells(report: PromptLayerReport, row: number) {
    const dataset = this.datasetOf(report)
    const question = QUESTIONS[(row + dataset.offset) % QUESTIONS.length]!
    return [
      { type: 'dataset' as const, value: question },
      { type: 'dataset' as const, value: `Reference answer for: ${question}` },
    ] satisfies DatasetRowCell[]
  }

  rowState(row: number, progress: { phase: string; done: number }): 'done' | 'running' | 'queued' {
    if (row < progress.done) return 'done'
    return progress.phase === 'running' && row === progress.done ? 'running' : 'queued'
  }

  statusCounts(report: PromptLayerReport, nowMs: number) {
    const counts = { COMPLETED: 0, FAILED: 0, QUEUED: 0, RUNNING: 0 } satisfies StatusCounts
    if (report.isBlueprint) return counts
    const progress = this.progress(report, nowMs)
    const columns = this.evalColumnsOf(report)
    const rows = this.datasetOf(report).rows
    for (let row = 0; row < rows; row++) {
      const state = this.rowState(row, progress)
      for (const column of columns) {
        if (state === 'queued') counts.QUEUED++
        else if (state === 'running') counts.RUNNING++
        else if (this.cell(report, row, column, 'done').status === 'FAILED') counts.FAILED++
        else counts.COMPLETED++
      }
    }
    return counts
  }

  status(report: PromptLayerReport, nowMs: number): 'RUNNING' | 'COMPLETED' {
    return report.isBlueprint || this.progress(report, nowMs).phase === 'done' ? 'COMPLETED' : 'RUNNING'
  }

  /** Score of each scored column over its finished, non-failed cells (0..100), or null when there are none. */
  columnScores(report: PromptLayerReport, nowMs: number) {
    const progress = this.progress(report, nowMs)
    return this.evalColumnsOf(report)
      .filter((column) => column.is_part_of_score)
      .map((column) => {
        const values: number[] = []
        let skipped = 0
        for (let row = 0; row < progress.done; row++) {
          const cell = this.cell(report, row, column, 'done')
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

  score(report: PromptLayerReport, nowMs: number) {
    const custom = report.scoreConfiguration !== null
    const none = (message: string) => ({
      overall_score: null,
      score_type: 'none' as const,
      has_custom_scoring: custom,
      details: { message },
      error: message,
    })
    if (report.outcome === 'score_error' && this.progress(report, nowMs).phase === 'done') {
      return none('Score calculation failed: custom scoring code raised ZeroDivisionError')
    }
    if (report.outcome === 'all_failed' && this.progress(report, nowMs).done > 0) {
      return none('Every cell failed; there is nothing to score')
    }
    const columns = this.columnScores(report, nowMs)
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

  tagsObject(report: PromptLayerReport): Record<string, true> | null {
    return report.tags === null ? null : Object.fromEntries(report.tags.map((tag) => [tag, true]))
  }

  /** The `score` object stored on a run report: the overall score once the run is done. */
  storedScore(report: PromptLayerReport, nowMs: number) {
    if (report.isBlueprint || this.progress(report, nowMs).phase !== 'done') return null
    const { overall_score, score_type } = this.score(report, nowMs)
    return { overall_score, score_type } satisfies Pick<ReportScore, 'overall_score' | 'score_type'>
  }

  scoreMatrix(report: PromptLayerReport, nowMs: number) {
    if (report.isBlueprint || report.scoreConfiguration === null) return null
    const score = this.score(report, nowMs)
    return 'matrix' in score.details ? score.details.matrix : null
  }

  commonFields(report: PromptLayerReport) {
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
      tags: this.tagsObject(report),
      deleted: report.deleted,
      parent_report_id: report.parentId,
      score_configuration: report.scoreConfiguration,
    } satisfies Pipeline
  }

  evaluationView(report: PromptLayerReport, nowMs: number, includeRuns: boolean) {
    return {
      ...this.commonFields(report),
      external_ids: report.externalIds,
      ...(includeRuns
        ? { runs: [...(this.runsOf.get(report.id) ?? [])].reverse().map((run) => this.runView(run, nowMs)) }
        : {}),
    } satisfies Pipeline
  }

  runView(run: PromptLayerReport, nowMs: number) {
    const done = this.progress(run, nowMs).phase === 'done'
    return {
      ...this.commonFields(run),
      score: this.storedScore(run, nowMs),
      score_matrix: this.scoreMatrix(run, nowMs),
      score_calculation_error: done ? this.score(run, nowMs).error : null,
      status: this.status(run, nowMs),
      stats: { status_counts: this.statusCounts(run, nowMs) },
    } satisfies EvaluationRun
  }

  reportView(report: PromptLayerReport, nowMs: number) {
    const done = !report.isBlueprint && this.progress(report, nowMs).phase === 'done'
    return {
      id: report.id,
      name: report.name,
      comment: report.comment,
      is_blueprint: report.isBlueprint,
      deleted: report.deleted,
      created_at: iso(report.createdMs),
      updated_at: iso(report.updatedMs),
      score: this.storedScore(report, nowMs),
      score_configuration: report.scoreConfiguration,
      score_matrix: this.scoreMatrix(report, nowMs),
      score_calculation_error: done ? this.score(report, nowMs).error : null,
      parent_report_id: report.parentId,
      dataset_id: report.datasetId,
      user_id: report.userId,
      workspace_id: WORKSPACE_ID,
      prompt_registry_id: null,
      prompt_version_number: null,
    } satisfies Report
  }

  reportColumnsView(report: PromptLayerReport, nowMs: number) {
    const scores = report.isBlueprint ? [] : this.columnScores(report, nowMs)
    return this.columnsOf(report).map(
      (column) =>
        ({
          ...column,
          report_id: report.id,
          score: scores.find((score) => score.column_name === column.name)?.score ?? null,
        }) satisfies ReportColumn,
    )
  }
}
