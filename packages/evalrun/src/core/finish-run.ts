import { type EvalMetric, type EvalRun, TERMINAL_STATUSES, type Vendor } from './model.js'
import { normalizeOnScale, RATE_SCALE } from './score-scale.js'

/** A metric as a mapper builds it: `normalizedValue` is derived; a boolean metric's scale and pass rate default. */
export type MetricInput = Omit<EvalMetric, 'normalizedValue' | 'scale' | 'passRate'> &
  Partial<Pick<EvalMetric, 'scale' | 'passRate'>>

/** A run as a mapper builds it, before `finishRun` derives the rest. */
export type UnfinishedRun<V extends Vendor> = Omit<EvalRun<V>, 'terminal' | 'normalizedScore' | 'metrics'> & {
  metrics: MetricInput[]
}

/**
 * Adds the fields every run derives the same way, so that no mapper computes them differently: `terminal`, the
 * normalised score and the metrics' scales and normalised values. The object given (always a fresh literal from a
 * mapper) is completed in place rather than copied: listings map every run.
 */
export function finishRun<V extends Vendor>(run: UnfinishedRun<V>): EvalRun<V> {
  const finished = run as unknown as EvalRun<V>
  finished.terminal = TERMINAL_STATUSES.has(run.status)
  finished.normalizedScore = normalizeOnScale(run.score, run.scoreScale, 'The score', run.warnings)
  for (const metric of run.metrics) finishMetric(metric, run.warnings)
  return finished
}

function finishMetric(metric: MetricInput, warnings: string[]): void {
  const finished = metric as EvalMetric
  const isRate = metric.kind === 'boolean'
  finished.scale = metric.scale !== undefined ? metric.scale : isRate ? RATE_SCALE : null
  finished.passRate = metric.passRate !== undefined ? metric.passRate : isRate ? metric.value : null
  finished.normalizedValue = normalizeOnScale(
    metric.value,
    finished.scale,
    `Metric "${metric.name}"`,
    warnings,
  )
}
