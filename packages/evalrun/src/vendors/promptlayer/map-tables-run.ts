import type {
  TableSheetScorecardCalculation,
  TableSheetScorecardGetResponse,
  TableSheetVersion,
} from '@evalrun/promptlayer'
import { finishRun, type MetricInput } from '../../core/finish-run.js'
import type { EvalRun, RunProgress, RunStatus } from '../../core/model.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { asRecord, readField, readNumber, readString } from '../../core/read-json.js'
import { mapTablesCalculationStatus } from './map-tables-calculation-status.js'
import { mapTablesOperationStatus } from './map-tables-operation-status.js'
import { sheetSuiteId, type TablesRunAddress, tablesRunId } from './tables-ref.js'
import type { PromptLayerTablesRawRun } from './types.js'

type Progress = NonNullable<TableSheetScorecardGetResponse['progress']>

/** Row verdicts that count for the pass rate; `skipped` rows were not judged. */
const JUDGED = ['pass', 'warn', 'fail', 'error'] as const

export interface TablesRunInput {
  address: TablesRunAddress
  /** `Table / Sheet`, when the listing read them. */
  name: string | null
  raw: PromptLayerTablesRawRun
  warnings: string[]
}

/**
 * A Tables run: its operation while it runs (status with the counts fallback), then the scorecard calculation that
 * scores it. Score: the calculation's `aggregate_score` (PromptLayer declares no range for it: scale null);
 * `aggregate_verdict` is kept as the `scorecard verdict` metric; the pass rate is `pass` over the judged rows'
 * verdicts (`warn`, `fail` and `error` do not pass).
 */
export function mapTablesRun({ address, name, raw, warnings }: TablesRunInput): EvalRun<'promptlayer'> {
  const operation = raw.operation === null ? null : mapTablesOperationStatus(raw.operation)
  // A run listed from a saved version carries the version's `score` (an untyped object upstream) instead.
  const calculation = raw.calculation ?? versionScore(raw.version)
  let status: RunStatus
  let vendorStatus: string | null
  let progress: RunProgress = operation?.progress ?? { total: null, completed: null, failed: null }
  warnings.push(...(operation?.warnings ?? []))
  if (operation !== null && operation.status !== 'completed') {
    status = operation.status
    vendorStatus = operation.vendorStatus
  } else if (calculation === null) {
    const unscored =
      raw.scorecard !== null && readField<TableSheetScorecardGetResponse>(raw.scorecard, 'scorecard') === null
    status = unscored ? 'completed' : 'running'
    vendorStatus = operation?.vendorStatus ?? null
    warnings.push(
      unscored
        ? 'The sheet has no scorecard: the run is unscored.'
        : 'The recalculation ended; its scorecard calculation has not started yet.',
    )
  } else {
    const mapped = mapTablesCalculationStatus(
      readField<TableSheetScorecardCalculation>(calculation, 'status'),
    )
    status = mapped.status
    vendorStatus = mapped.vendorStatus
    warnings.push(...mapped.warnings)
    if (status === 'queued' || status === 'running') progress = scoringProgress(raw.scorecard) ?? progress
  }
  const scored = status === 'completed' && calculation !== null
  const verdict = scored ? readString<TableSheetScorecardCalculation>(calculation, 'aggregate_verdict') : null
  const metrics: MetricInput[] = []
  if (verdict !== null) {
    metrics.push({
      name: 'scorecard verdict',
      kind: 'categorical',
      value: null,
      counts: { [verdict]: 1 },
      source: 'aggregate_verdict',
    })
  }
  const counts = scored ? verdictCounts(raw.verdictCounts) : null
  if (counts !== null) {
    metrics.push({
      name: 'row verdicts',
      kind: 'categorical',
      value: null,
      counts,
      source: 'scorecard/rows verdict_counts',
    })
  }
  if (verdict === 'error') warnings.push('The scorecard calculation ended with the verdict `error`.')
  const judged = counts === null ? 0 : JUDGED.reduce((sum, key) => sum + (counts[key] ?? 0), 0)
  const createdAt =
    parseVendorDate(
      readField<TableSheetScorecardCalculation>(calculation, 'started_at'),
      'started_at',
      warnings,
    ) ?? parseVendorDate(readField<TableSheetVersion>(raw.version, 'created_at'), 'created_at', warnings)
  const suiteId = sheetSuiteId(address)
  return finishRun<'promptlayer'>({
    ref: `promptlayer:${tablesRunId(address)}`,
    vendor: 'promptlayer',
    id: 'operationId' in address ? address.operationId : address.calculationId,
    name,
    suite: { kind: 'sheet', id: suiteId, name, ref: `promptlayer:${suiteId}` },
    status,
    vendorStatus,
    createdAt,
    startedAt: createdAt,
    completedAt:
      status === 'completed' || status === 'failed' || status === 'canceled'
        ? parseVendorDate(
            readField<TableSheetScorecardCalculation>(calculation, 'completed_at'),
            'completed_at',
            warnings,
          )
        : null,
    progress,
    score: scored ? readNumber<TableSheetScorecardCalculation>(calculation, 'aggregate_score') : null,
    scoreScale: null,
    passRate: counts === null || judged === 0 ? null : (counts.pass ?? 0) / judged,
    metrics,
    url: null,
    raw,
    warnings,
  })
}

/** A version's `score` read as a completed calculation, when it holds one (`aggregate_score` or `aggregate_verdict`). */
function versionScore(version: unknown): Record<string, unknown> | null {
  const score = asRecord(readField<TableSheetVersion>(version, 'score'))
  if (score === null || (!('aggregate_score' in score) && !('aggregate_verdict' in score))) return null
  return {
    status: 'completed',
    aggregate_score: score.aggregate_score,
    aggregate_verdict: score.aggregate_verdict,
    completed_at: readField<TableSheetVersion>(version, 'created_at'),
  }
}

function scoringProgress(scorecard: unknown): RunProgress | null {
  const progress = readField<TableSheetScorecardGetResponse>(scorecard, 'progress')
  const total = readNumber<Progress>(progress, 'total_rows')
  const done = readNumber<Progress>(progress, 'scored_rows')
  return total === null && done === null ? null : { total, completed: done, failed: null }
}

function verdictCounts(value: unknown): Record<string, number> | null {
  const record = asRecord(value)
  if (record === null) return null
  const counts: Record<string, number> = {}
  for (const [key, count] of Object.entries(record)) {
    if (typeof count === 'number' && Number.isFinite(count)) counts[key] = count
  }
  return counts
}
