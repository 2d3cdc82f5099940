import type { ReportColumnSummary, ScoreConfiguration } from '@evalrun/promptlayer'
import { SuiteHistory } from '../history.js'
import { TablesModel } from './tables-model.js'

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

export const BOOLEAN_TYPES = new Set([
  'LLM_ASSERTION',
  'CONTAINS',
  'REGEX',
  'COMPARE',
  'ASSERT_VALID',
  'HUMAN',
])
export const NUMBER_TYPES = new Set([
  'COSINE_SIMILARITY',
  'ABSOLUTE_NUMERIC_DISTANCE',
  'COUNT',
  'MATH_OPERATOR',
  'MIN_MAX',
])
export const DATASET_COLUMNS = ['question', 'expected_answer']

/** PromptLayer's state: seeded by `seed.ts`, changed by requests, rendered by `views.ts`. */
export class PromptLayerModel {
  readonly reports = new Map<number, PromptLayerReport>()
  readonly datasets = new Map<number, PromptLayerDataset>()
  /** Runs of each pipeline, oldest first. */
  readonly runsOf = new Map<number, PromptLayerReport[]>()
  /** A pipeline's runs over one dataset, in order: its rows carry their cells over from run to run. */
  readonly history: SuiteHistory<PromptLayerReport>
  /** The Tables API's state (tables-model.ts), seeded apart from the legacy reports. */
  tables: TablesModel
  runTotal = 0
  nextColumnId = 1
  maxReportId = 0

  constructor(readonly seed: number) {
    this.history = new SuiteHistory(seed, 'promptlayer')
    this.tables = new TablesModel(seed)
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
}
