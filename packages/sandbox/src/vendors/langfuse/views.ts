import type { Experiment, ExperimentItem, Score } from '@evalrun/langfuse'
import { QUESTIONS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { round } from '../history.js'
import {
  cuid,
  ENVIRONMENT,
  type ExperimentWindow,
  iso,
  type LangfuseExperiment,
  type LangfuseModel,
  PROJECT_ID,
} from './model.js'
import { REVIEWER_NOTES, TONES } from './names.js'

// How Langfuse's state answers: its JSON, computed from the seeded plan and the sandbox clock.

/** How item `index` of an experiment went: a pure function of (seed, experiment, item). */
export function itemOutcome(model: LangfuseModel, experiment: LangfuseExperiment, index: number) {
  const random = rngFor(model.seed, 'langfuse', 'item', experiment.seq, index)
  const error = random.chance(0.04)
  const good = random.chance(experiment.quality)
  const correctness = round(random.unitAround(good ? 0.86 : 0.42, 0.2), 2)
  return {
    error,
    correctness,
    exactMatch: good ? random.chance(0.8) : random.chance(0.15),
    tone: good && random.chance(0.85) ? TONES[0]! : random.pick(TONES),
    latency: round(0.4 + random.float() * 3.6, 2),
    note: random.chance(0.06) ? random.pick(REVIEWER_NOTES) : null,
  }
}

export function scoreOf(
  kind: 'NUMERIC' | 'BOOLEAN' | 'CATEGORICAL' | 'TEXT',
  name: string,
  value: number | boolean | string,
  atMs: number,
  subject: NonNullable<Score['subject']>,
  id: string,
): Score {
  const base = {
    id,
    projectId: PROJECT_ID,
    name,
    source: 'API' as const,
    environment: ENVIRONMENT,
    timestamp: iso(atMs),
    createdAt: iso(atMs),
    updatedAt: iso(atMs),
    subject,
  }
  switch (kind) {
    case 'NUMERIC':
      return { ...base, dataType: kind, value: value as number }
    case 'BOOLEAN':
      return { ...base, dataType: kind, value: value as boolean }
    default:
      return { ...base, dataType: kind, value: value as string }
  }
}

/** The scores an item carries once its trace ended (none when it errored). */
export function itemScores(
  model: LangfuseModel,
  experiment: LangfuseExperiment,
  index: number,
  nowMs: number,
  limit: number,
): Score[] {
  const endMs = model.itemEndMs(experiment, index)
  const outcome = itemOutcome(model, experiment, index)
  if (endMs > nowMs || outcome.error) return []
  const traceId = model.traceId(experiment, index)
  const subject = { kind: 'trace' as const, id: traceId }
  const id = (name: string) => cuid(model.seed, 'score', experiment.seq, index, name)
  const scores = [
    scoreOf('NUMERIC', 'correctness', outcome.correctness, endMs, subject, id('correctness')),
    scoreOf('BOOLEAN', 'exact_match', outcome.exactMatch, endMs, subject, id('exact_match')),
    scoreOf('CATEGORICAL', 'tone', outcome.tone, endMs, subject, id('tone')),
  ]
  if (model.datasets.get(experiment.datasetId)!.latency)
    scores.push(scoreOf('NUMERIC', 'latency_s', outcome.latency, endMs, subject, id('latency_s')))
  if (outcome.note !== null)
    scores.push(scoreOf('TEXT', 'reviewer_note', outcome.note, endMs, subject, id('reviewer_note')))
  return scores.slice(0, limit)
}

/** The experiment-level scores, once its run evaluators are done. */
export function experimentScores(
  model: LangfuseModel,
  experiment: LangfuseExperiment,
  nowMs: number,
  limit: number,
): Score[] {
  const atMs = model.runScoresMs(experiment)
  if (atMs === null || atMs > nowMs) return []
  const dataset = model.datasets.get(experiment.datasetId)!
  const subject = { kind: 'experiment' as const, id: experiment.id }
  const scored = Array.from({ length: experiment.items }, (_, index) =>
    itemOutcome(model, experiment, index),
  ).filter((outcome) => !outcome.error)
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
  const values: Record<string, number> = {
    avg_correctness: round(mean(scored.map((outcome) => outcome.correctness)), 3),
    avg_latency_s: round(mean(scored.map((outcome) => outcome.latency)), 2),
  }
  return dataset.runScores
    .slice(0, limit)
    .map((name) =>
      scoreOf(
        'NUMERIC',
        name,
        values[name] ?? 0,
        atMs,
        subject,
        cuid(model.seed, 'run-score', experiment.seq, name),
      ),
    )
}

export function experimentMetadata(experiment: LangfuseExperiment): Record<string, unknown> {
  return { model: experiment.model, temperature: 0.2 }
}

export function experimentView(
  model: LangfuseModel,
  experiment: LangfuseExperiment,
  window: ExperimentWindow,
  fields: ReadonlySet<string>,
  nowMs: number,
  scoreLimit: number,
): Experiment {
  return {
    id: experiment.id,
    name: experiment.name,
    description: experiment.description,
    datasetId: experiment.datasetId,
    startTime: iso(window.startMs),
    endTime: iso(window.endMs),
    itemCount: window.itemCount,
    ...(fields.has('metadata') ? { metadata: experimentMetadata(experiment) } : {}),
    ...(fields.has('scores') ? { scores: experimentScores(model, experiment, nowMs, scoreLimit) } : {}),
  } satisfies Experiment
}

export function itemView(
  model: LangfuseModel,
  experiment: LangfuseExperiment,
  index: number,
  fields: ReadonlySet<string>,
  nowMs: number,
  scoreLimit: number,
): ExperimentItem {
  const dataset = model.datasets.get(experiment.datasetId)!
  const outcome = itemOutcome(model, experiment, index)
  const endMs = model.itemEndMs(experiment, index)
  const ended = endMs <= nowMs
  const question = QUESTIONS[(index + dataset.seq) % QUESTIONS.length]!
  const expected = `Reference answer: ${question.replace(/\?$/, '')}.`
  return {
    id: model.observationId(experiment, index),
    traceId: model.traceId(experiment, index),
    startTime: iso(model.itemStartMs(experiment, index)),
    endTime: ended ? iso(endMs) : null,
    level: ended && outcome.error ? 'ERROR' : 'DEFAULT',
    environment: ENVIRONMENT,
    experimentId: experiment.id,
    experimentName: experiment.name,
    experimentItemId: dataset.itemIds[index]!,
    ...(fields.has('dataset') ? { experimentDatasetId: dataset.id, experimentItemVersion: null } : {}),
    ...(fields.has('io')
      ? {
          input: { question },
          output:
            !ended || outcome.error ? null : `Here is how: ${question.replace(/\?$/, '').toLowerCase()}.`,
          expectedOutput: expected,
        }
      : {}),
    ...(fields.has('metadata') ? { metadata: { model: experiment.model } } : {}),
    ...(fields.has('itemMetadata')
      ? { experimentItemMetadata: { difficulty: ['easy', 'hard'][index % 2] } }
      : {}),
    ...(fields.has('experimentMetadata')
      ? {
          experimentMetadata: experimentMetadata(experiment),
          experimentDescription: experiment.description,
        }
      : {}),
    ...(fields.has('scores') ? { scores: itemScores(model, experiment, index, nowMs, scoreLimit) } : {}),
  } satisfies ExperimentItem
}
