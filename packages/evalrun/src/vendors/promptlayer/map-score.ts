import type { ColumnScore, ReportColumn, ReportScore, ReportScoreDetails } from '@evalrun/promptlayer'
import type { MetricInput } from '../../core/finish-run.js'
import type { ScoreScale } from '../../core/model.js'
import { asRecord, preview, readCount, readField, readNumber, readString } from '../../core/read-json.js'
import { declaredScale } from '../../core/score-scale.js'

/**
 * PromptLayer's spec says a score is "between 0 and 100" (`ScoreConfiguration`); its column and overall scores are
 * percentages on the same scale, so every PromptLayer score is read on it.
 */
export const PROMPTLAYER_SCALE: ScoreScale = declaredScale(0, 100)

export interface PromptLayerScore {
  score: number | null
  metrics: MetricInput[]
}

/**
 * The headline score and per-column metrics from a PromptLayer score object: `ReportScore` from
 * `GET /reports/{id}/score`, or the `score` object nested in a listed run. When PromptLayer says the score could
 * not be calculated, the score is null and the reason becomes a warning.
 */
export function mapPromptLayerScore(
  score: unknown,
  scoreCalculationError: unknown,
  warnings: string[],
): PromptLayerScore {
  if (typeof scoreCalculationError === 'string' && scoreCalculationError.trim() !== '') {
    warnings.push(`PromptLayer could not calculate the score: ${scoreCalculationError.slice(0, 300)}`)
    return { score: null, metrics: [] }
  }
  if (score === null || score === undefined) return { score: null, metrics: [] }
  if (asRecord(score) === null) {
    warnings.push(`PromptLayer score is ${preview(score)}, not an object; score is null.`)
    return { score: null, metrics: [] }
  }
  return {
    score: readNumber<ReportScore>(score, 'overall_score'),
    metrics: detailMetrics(readField<ReportScore>(score, 'details')),
  }
}

function detailMetrics(details: unknown): MetricInput[] {
  const columns = readField<ReportScoreDetails>(details, 'columns')
  const entries = Array.isArray(columns)
    ? columns
    : readString<ReportScoreDetails>(details, 'column_name') !== null
      ? [details]
      : []
  const metrics: MetricInput[] = []
  for (const column of entries) {
    const name = readString<ColumnScore>(column, 'column_name')
    if (name === null) continue
    const skipped = readCount<ColumnScore>(column, 'num_skipped')
    metrics.push({
      name,
      kind: 'numeric',
      value: readNumber<ColumnScore>(column, 'score'),
      scale: PROMPTLAYER_SCALE,
      ...(skipped === null ? {} : { counts: { skipped } }),
      source: 'score.details',
    })
  }
  return metrics
}

/** Column scores from `GET /reports/{id}` (`report_columns[].score`), for columns the score details leave out. */
export function mapPromptLayerColumnMetrics(reportColumns: unknown, known: MetricInput[]): MetricInput[] {
  const seen = new Set(known.map((metric) => metric.name))
  const metrics: MetricInput[] = []
  for (const column of Array.isArray(reportColumns) ? reportColumns : []) {
    const name = readString<ReportColumn>(column, 'name')
    const value = readNumber<ReportColumn>(column, 'score')
    if (name === null || value === null || seen.has(name)) continue
    seen.add(name)
    metrics.push({ name, kind: 'numeric', value, scale: PROMPTLAYER_SCALE, source: 'report_columns' })
  }
  return metrics
}
