import type { Experiment, ExperimentEvent, ProjectScore } from '@evalrun/braintrust'
import { iso, MS_PER_ITEM, QUEUED_MS } from '../../lifecycle.js'
import { QUESTIONS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { round } from '../history.js'
import {
  type BraintrustExperiment,
  type BraintrustModel,
  type BraintrustProject,
  type CaseOutcome,
  uuid,
  XACT_BASE,
} from './model.js'
import { AUTHORS } from './names.js'

// How Braintrust's state answers: its JSON, computed from the seeded plan and the sandbox clock.

/** Case `index`'s input: its inline row's, or its dataset record's. */
export function caseInput(model: BraintrustModel, experiment: BraintrustExperiment, index: number): unknown {
  if (experiment.rows !== null) {
    const row = experiment.rows[index % experiment.rows.length]
    const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : null
    return record !== null && 'input' in record ? record.input : row
  }
  const dataset = model.datasets.get(experiment.datasetId ?? '')
  const row = index % (dataset?.rows ?? 1)
  return { question: QUESTIONS[(row + (dataset?.offset ?? 0)) % QUESTIONS.length], ticket: 1000 + row }
}

export function caseExpected(
  model: BraintrustModel,
  experiment: BraintrustExperiment,
  index: number,
): unknown {
  const row = experiment.rows?.[index % experiment.rows.length]
  if (typeof row === 'object' && row !== null && 'expected' in row)
    return (row as { expected: unknown }).expected
  const input = caseInput(model, experiment, index) as { question?: string }
  return `Reference answer: ${String(input.question ?? 'n/a').replace(/\?$/, '')}.`
}

export function caseOutcome(
  model: BraintrustModel,
  experiment: BraintrustExperiment,
  index: number,
): CaseOutcome {
  const random = rngFor(model.seed, 'braintrust', 'case', experiment.seq, index)
  const durationMs = random.int(150, MS_PER_ITEM)
  const promptTokens = random.int(80, 600)
  const completionTokens = random.int(20, 300)
  if (random.chance(0.03)) {
    return {
      error: 'RateLimitError: 429 Too Many Requests from the model provider',
      scores: {},
      durationMs,
      promptTokens,
      completionTokens: 0,
    }
  }
  const good = random.chance(experiment.quality)
  const scores: Record<string, number> = {}
  for (const scorer of experiment.scorers) {
    switch (scorer) {
      case 'Factuality':
        scores[scorer] = good ? (random.chance(0.85) ? 1 : 0.6) : random.pick([0, 0.4, 0.6])
        break
      case 'ExactMatch':
        scores[scorer] = good && random.chance(0.7) ? 1 : 0
        break
      default:
        scores[scorer] = round(random.unitAround(good ? 0.85 : 0.45, 0.15), 3)
    }
  }
  return { error: null, scores, durationMs, promptTokens, completionTokens }
}

/** When case `index` ends (its slot in the eval's schedule). */
export function caseEndMs(experiment: BraintrustExperiment, index: number): number {
  return experiment.createdMs + QUEUED_MS + (index + 1) * MS_PER_ITEM
}

export function xact(ms: number, part: number): string {
  return String(XACT_BASE + ms * 10 + part)
}

/** The trace of case `index`: its root span (the case) and the task's span under it. */
export function caseTrace(
  model: BraintrustModel,
  experiment: BraintrustExperiment,
  index: number,
): ExperimentEvent[] {
  const outcome = caseOutcome(model, experiment, index)
  const endMs = caseEndMs(experiment, index)
  const startMs = endMs - outcome.durationMs
  const rootSpan = uuid(model.seed, 'span', experiment.seq, index)
  const input = caseInput(model, experiment, index)
  const output = outcome.error
    ? null
    : `Here is how: ${String((input as { question?: string }).question ?? 'it')
        .replace(/\?$/, '')
        .toLowerCase()}.`
  const dataset = experiment.rows === null ? model.datasets.get(experiment.datasetId ?? '') : undefined
  const root = {
    id: uuid(model.seed, 'event', experiment.seq, index),
    _xact_id: xact(endMs, 1),
    created: iso(startMs),
    project_id: experiment.projectId,
    experiment_id: experiment.id,
    span_id: rootSpan,
    root_span_id: rootSpan,
    span_parents: null,
    is_root: true,
    input,
    output,
    expected: caseExpected(model, experiment, index),
    error: outcome.error,
    scores: outcome.error ? null : outcome.scores,
    metrics: {
      start: startMs / 1000,
      end: endMs / 1000,
      prompt_tokens: outcome.promptTokens,
      completion_tokens: outcome.completionTokens,
      tokens: outcome.promptTokens + outcome.completionTokens,
    },
    metadata: { model: experiment.model },
    origin:
      dataset === undefined
        ? null
        : {
            object_type: 'dataset',
            object_id: dataset.id,
            id: uuid(model.seed, 'record', dataset.id, index % dataset.rows),
            _xact_id: xact(model.projects.get(dataset.projectId)?.createdMs ?? 0, 0),
          },
    span_attributes: { name: 'eval', type: 'eval' },
    tags: null,
  } satisfies ExperimentEvent
  const task = {
    id: uuid(model.seed, 'event-task', experiment.seq, index),
    _xact_id: xact(endMs, 0),
    created: iso(startMs + 5),
    project_id: experiment.projectId,
    experiment_id: experiment.id,
    span_id: uuid(model.seed, 'span-task', experiment.seq, index),
    root_span_id: rootSpan,
    span_parents: [rootSpan],
    is_root: false,
    input,
    output,
    metrics: { start: (startMs + 5) / 1000, end: (endMs - 5) / 1000 },
    span_attributes: { name: 'task', type: 'task' },
  } satisfies ExperimentEvent
  return [root, task]
}

/** The root row of case `index` as it was first written, before it ended and was scored: an older version. */
export function unscoredRoot(
  model: BraintrustModel,
  experiment: BraintrustExperiment,
  index: number,
): ExperimentEvent {
  const [root] = caseTrace(model, experiment, index)
  const startMs = Date.parse(root!.created)
  return {
    ...root!,
    _xact_id: xact(startMs, 0),
    output: null,
    scores: null,
    error: null,
    metrics: { start: startMs / 1000 },
  }
}

export function experimentView(model: BraintrustModel, experiment: BraintrustExperiment) {
  const random = rngFor(model.seed, 'braintrust', 'repo', experiment.seq)
  const commit = random.hex(40)
  return {
    id: experiment.id,
    project_id: experiment.projectId,
    name: experiment.name,
    description: null,
    created: iso(experiment.createdMs),
    repo_info: {
      commit,
      branch: experiment.branch,
      tag: null,
      dirty: false,
      author_name: random.pick(AUTHORS),
      author_email: null,
      commit_message: `Tune the ${experiment.branch} prompt`,
      commit_time: iso(experiment.createdMs - 3_600_000),
      git_diff: null,
    },
    commit,
    base_exp_id: experiment.baseExpId,
    deleted_at: null,
    dataset_id: experiment.datasetId,
    dataset_version: experiment.datasetId === null ? null : xact(experiment.createdMs - 60_000, 0),
    public: false,
    user_id: uuid(model.seed, 'user', experiment.seq % AUTHORS.length),
    metadata: { model: experiment.model },
    tags: [experiment.branch],
  } satisfies Experiment
}

/** The project's configured scores (human review), as `GET /v1/project_score` lists them. */
export function projectScores(model: BraintrustModel, project: BraintrustProject): ProjectScore[] {
  const common = {
    project_id: project.id,
    user_id: uuid(model.seed, 'user', 0),
    created: iso(project.createdMs + 60_000),
    config: null,
    position: null,
  }
  return [
    {
      ...common,
      id: uuid(model.seed, 'project-score', project.seq, 0),
      name: 'Helpfulness',
      description: 'How much the answer helps, as a reviewer judges it',
      score_type: 'slider',
      categories: null,
    },
    {
      ...common,
      id: uuid(model.seed, 'project-score', project.seq, 1),
      name: 'Tone',
      description: null,
      score_type: 'categorical',
      categories: [
        { name: 'friendly', value: 1 },
        { name: 'neutral', value: 0.5 },
        { name: 'curt', value: 0 },
      ],
    },
  ]
}
