import { hashKey, rngFor } from '../../prng.js'

/** An operation waits this long before its first cell runs. */
export const QUEUED_MS = 500
/** Each cell of an operation takes this long, one after another. */
export const CELL_MS = 250
/** An operation's `status` still says `running` this long after its counts say it is done (PromptLayer's lag). */
export const STATUS_LAG_MS = 1_500
/** An ended operation is forgotten (its GET answers 404) this long after it ended. */
export const FORGET_MS = 60_000
/** A scorecard calculation waits this long, then scores this long per row. */
export const SCORING_QUEUED_MS = 500
export const SCORING_ROW_MS = 100
/** An operation over more cells than this needs the confirmation token first. */
export const CONFIRMATION_THRESHOLD = 30

export type TablesColumnType = 'TEXT' | 'PROMPT_TEMPLATE' | 'LLM_ASSERTION'

export interface TablesColumn {
  id: string
  title: string
  type: TablesColumnType
}

export interface TablesOperation {
  id: string
  createdMs: number
  /** The cells it recalculates, in the order it runs them. */
  cells: Array<{ row: number; columnId: string }>
  canceledMs: number | null
  /** Whether its end has been applied to the sheet (rows no longer stale, a new revision). */
  applied: boolean
}

export interface TablesCalculation {
  id: string
  createdMs: number
  canceledMs: number | null
  /** The sheet revision it scores. */
  revision: number
  /** How good the answers were: the chance that a row passes. */
  quality: number
  rows: number
  /** Whether its end has been recorded as a sheet version. */
  saved: boolean
}

export interface TablesVersion {
  id: string
  number: number
  createdMs: number
  calculationId: string
}

export interface TablesSheet {
  id: string
  tableId: string
  title: string
  index: number
  createdMs: number
  rows: number
  columns: TablesColumn[]
  /** Rows whose computed cells are stale (inputs changed since they were computed). */
  staleRows: Set<number>
  /** Bumped whenever an operation's results land. */
  revision: number
  scorecardId: string
  scorecardCreatedMs: number
  stepIds: string[]
  operations: TablesOperation[]
  /** Oldest first. */
  calculations: TablesCalculation[]
  versions: TablesVersion[]
}

export interface TablesTable {
  id: string
  title: string
  createdMs: number
  sheets: TablesSheet[]
}

/** A UUID (v4 layout) from the seed and the keys: the same keys give the same id. */
export function uuidFor(...parts: Array<string | number>): string {
  const hex = [0, 1, 2, 3]
    .map((n) =>
      hashKey(...parts, n)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** PromptLayer's Tables state: seeded by tables-seed.ts, moved by requests and the sandbox clock. */
export class TablesModel {
  readonly tables: TablesTable[] = []
  private counter = 0

  constructor(readonly seed: number) {}

  nextId(kind: string): string {
    return uuidFor(this.seed, 'promptlayer-tables', kind, this.counter++)
  }

  table(id: unknown): TablesTable | null {
    return this.tables.find((table) => table.id === id) ?? null
  }

  sheet(tableId: unknown, sheetId: unknown): TablesSheet | null {
    return this.table(tableId)?.sheets.find((sheet) => sheet.id === sheetId) ?? null
  }

  /** Brings a sheet up to `nowMs`: ended operations land (a new revision), ended calculations become versions. */
  advance(sheet: TablesSheet, nowMs: number): void {
    for (const operation of sheet.operations) {
      const end = operationEndMs(operation)
      if (operation.applied || operation.canceledMs !== null || end > nowMs) continue
      operation.applied = true
      for (const cell of operation.cells) sheet.staleRows.delete(cell.row)
      sheet.revision++
    }
    for (const calculation of sheet.calculations) {
      if (calculation.saved || calculation.canceledMs !== null || calculationEndMs(calculation) > nowMs)
        continue
      calculation.saved = true
      sheet.versions.push({
        id: this.nextId('version'),
        number: sheet.versions.length + 1,
        createdMs: calculationEndMs(calculation),
        calculationId: calculation.id,
      })
    }
  }

  /** A new calculation of the sheet's current revision, queued at `nowMs`. */
  addCalculation(sheet: TablesSheet, nowMs: number): TablesCalculation {
    const random = rngFor(this.seed, 'promptlayer-tables', 'calculation', sheet.id, sheet.calculations.length)
    const calculation: TablesCalculation = {
      id: this.nextId('calculation'),
      createdMs: nowMs,
      canceledMs: null,
      revision: sheet.revision,
      quality: 0.55 + random.float() * 0.4,
      rows: sheet.rows,
      saved: false,
    }
    sheet.calculations.push(calculation)
    return calculation
  }
}

/** When the operation's last cell is done (it never is when canceled first). */
export function operationEndMs(operation: TablesOperation): number {
  return operation.createdMs + QUEUED_MS + operation.cells.length * CELL_MS
}

/** How many of its cells are done at `nowMs` (a canceled operation stops where it was). */
export function cellsDone(operation: TablesOperation, nowMs: number): number {
  const at = operation.canceledMs === null ? nowMs : Math.min(nowMs, operation.canceledMs)
  const done = Math.floor((at - operation.createdMs - QUEUED_MS) / CELL_MS)
  return Math.max(0, Math.min(operation.cells.length, done))
}

/** Every seventh cell of an operation fails (a model error), so failures show up in every run. */
export function cellFails(operation: TablesOperation, index: number): boolean {
  return hashKey(operation.id, index) % 7 === 0
}

export function calculationEndMs(calculation: TablesCalculation): number {
  return calculation.createdMs + SCORING_QUEUED_MS + calculation.rows * SCORING_ROW_MS
}

/** Rows scored at `nowMs`, in row order. */
export function rowsScored(calculation: TablesCalculation, nowMs: number): number {
  const at = calculation.canceledMs === null ? nowMs : Math.min(nowMs, calculation.canceledMs)
  const scored = Math.floor((at - calculation.createdMs - SCORING_QUEUED_MS) / SCORING_ROW_MS)
  return Math.max(0, Math.min(calculation.rows, scored))
}

export type CalculationStatus = 'queued' | 'running' | 'completed' | 'cancelled'

export function calculationStatus(calculation: TablesCalculation, nowMs: number): CalculationStatus {
  if (calculation.canceledMs !== null && calculation.canceledMs <= nowMs) return 'cancelled'
  if (nowMs >= calculationEndMs(calculation)) return 'completed'
  return nowMs < calculation.createdMs + SCORING_QUEUED_MS ? 'queued' : 'running'
}
