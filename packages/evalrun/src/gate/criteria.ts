/** What a run must reach to pass a gate, besides ending `completed`. */
export interface GateCriteria {
  /** The least `normalizedScore` (0..1). */
  minScore: number | null
  /** The least share of verdicts that passed (0..1). */
  minPassRate: number | null
  /** Per metric, the least value on the metric's own scale. */
  minMetrics: { name: string; value: number }[]
}

/**
 * What a verdict's reason calls each criterion: the config file's keys by default (`minScore`), the flags where
 * the CLI's `runs wait` judges (`--min-score`), so that the reason names what the user wrote.
 */
export interface GateCriterionNames {
  minScore: string
  minPassRate: string
  minMetric: string
}

/** The keys of a suite's `gates` in `evalrun.config.*`. */
export const CONFIG_KEY_NAMES: GateCriterionNames = {
  minScore: 'minScore',
  minPassRate: 'minPassRate',
  minMetric: 'minMetric',
}

/** No criterion: a run passes by completing with items. */
export const NO_CRITERIA: GateCriteria = { minScore: null, minPassRate: null, minMetrics: [] }

/** True when any criterion beyond "completed" was given. */
export function hasCriteria(criteria: GateCriteria): boolean {
  return criteria.minScore !== null || criteria.minPassRate !== null || criteria.minMetrics.length > 0
}
