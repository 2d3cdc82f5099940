import type { ExperimentSummary, MetricSummary, ScoreSummary } from '@evalrun/braintrust'
import { round } from '../history.js'
import type { BraintrustExperiment, BraintrustModel, CaseOutcome } from './model.js'
import { caseInput, caseOutcome } from './views.js'

// An experiment's summary against the experiment it is compared with, as `summarize_scores=true` answers it.

/** The experiment to compare with: the one asked for, else its base, else the project's previous one. */
export function comparisonOf(
  model: BraintrustModel,
  experiment: BraintrustExperiment,
  asked: BraintrustExperiment | null,
): BraintrustExperiment | null {
  if (asked !== null) return asked
  const base = experiment.baseExpId === null ? undefined : model.experiments.get(experiment.baseExpId)
  return base ?? model.newestOf(experiment.projectId, experiment.createdMs)
}

export function experimentSummary(
  model: BraintrustModel,
  experiment: BraintrustExperiment,
  nowMs: number,
  withScores: boolean,
  comparison: BraintrustExperiment | null,
): ExperimentSummary {
  const project = model.projects.get(experiment.projectId)!
  const projectUrl = `https://www.braintrust.dev/app/evalrun-sandbox/p/${encodeURIComponent(project.name)}`
  const head = {
    project_name: project.name,
    experiment_name: experiment.name,
    project_url: projectUrl,
    experiment_url: `${projectUrl}/experiments/${encodeURIComponent(experiment.name)}`,
  }
  if (!withScores) return head
  const mine = caseTable(model, experiment, nowMs)
  const theirs = comparison === null ? null : caseTable(model, comparison, nowMs)
  const scores: Record<string, ScoreSummary> = {}
  for (const scorer of experiment.scorers) {
    const entry = summarize(mine, theirs, (row) => row.scores[scorer], true)
    if (entry !== null) scores[scorer] = { name: scorer, score: entry.mean, ...entry.against }
  }
  const metrics: Record<string, MetricSummary> = {}
  for (const [name, unit, read] of [
    ['duration', 's', (row: CaseOutcome) => row.durationMs / 1000],
    ['prompt_tokens', 'tok', (row: CaseOutcome) => row.promptTokens],
    ['completion_tokens', 'tok', (row: CaseOutcome) => row.completionTokens],
  ] as const) {
    const entry = summarize(mine, theirs, read, false)
    if (entry !== null) metrics[name] = { name, metric: round(entry.mean, 4), unit, ...entry.against }
  }
  return {
    ...head,
    ...(comparison === null ? {} : { comparison_experiment_name: comparison.name }),
    scores,
    metrics,
  }
}

/** The finished cases of an experiment, keyed by their input (how Braintrust matches cases across experiments). */
export function caseTable(
  model: BraintrustModel,
  experiment: BraintrustExperiment,
  nowMs: number,
): Map<string, CaseOutcome> {
  const table = new Map<string, CaseOutcome>()
  const done = model.progress(experiment, nowMs).done
  for (let index = 0; index < done; index++) {
    table.set(JSON.stringify(caseInput(model, experiment, index)), caseOutcome(model, experiment, index))
  }
  return table
}

/**
 * The mean of `read` over an experiment's cases and, against a comparison, the diff of the means (a score's within
 * -1..1) and how many shared cases went up or down. Null when no case has a value.
 */
function summarize(
  mine: Map<string, CaseOutcome>,
  theirs: Map<string, CaseOutcome> | null,
  read: (row: CaseOutcome) => number | undefined,
  isScore: boolean,
): { mean: number; against: { diff?: number; improvements: number; regressions: number } } | null {
  const values: number[] = []
  const previous: number[] = []
  let improvements = 0
  let regressions = 0
  for (const [key, row] of mine) {
    const value = row.error === null ? read(row) : undefined
    if (value === undefined) continue
    values.push(value)
    const other = theirs?.get(key)
    const before = other !== undefined && other.error === null ? read(other) : undefined
    if (before === undefined) continue
    if (value > before) improvements++
    else if (value < before) regressions++
  }
  for (const row of theirs?.values() ?? []) {
    const value = row.error === null ? read(row) : undefined
    if (value !== undefined) previous.push(value)
  }
  if (values.length === 0) return null
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const against: { diff?: number; improvements: number; regressions: number } = { improvements, regressions }
  if (previous.length > 0) {
    const diff = mean - previous.reduce((sum, value) => sum + value, 0) / previous.length
    against.diff = round(isScore ? Math.max(-1, Math.min(1, diff)) : diff, 4)
  }
  return { mean: round(mean, 4), against }
}
