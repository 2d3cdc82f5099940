import type { Experiment, ExperimentItem, Score, ScoreConfig } from '@evalrun/langfuse'
import { MS_PER_ITEM } from '../../lifecycle.js'
import { QUESTIONS, RUN_ADJECTIVES } from '../../names.js'
import { rngFor } from '../../prng.js'
import { planRuns, round, suiteCreatedMs } from '../history.js'
import { LANGFUSE_DATASETS, LANGFUSE_MODELS, REVIEWER_NOTES, TONES } from './names.js'

/** An item's trace runs this long; the next item starts MS_PER_ITEM after the previous one. */
const ITEM_MS = 450
/** Run-level evaluators finish this long after the last item (Langfuse's SDKs run them once every item is done). */
const RUN_EVALUATORS_MS = 1_000
const ENVIRONMENT = 'sdk-experiment'
const PROJECT_ID = 'cmsandboxproject000000001'

export interface LangfuseDataset {
  id: string
  seq: number
  name: string
  createdMs: number
  /** Dataset item ids, in the order experiments run them. */
  itemIds: string[]
  /** Experiment-level scores its experiments get (from run evaluators), by name. */
  runScores: readonly string[]
  /** Whether its items are also scored for latency (a numeric score no config bounds). */
  latency: boolean
}

export interface LangfuseExperiment {
  id: string
  seq: number
  datasetId: string
  name: string
  description: string | null
  model: string
  /** When its first item started. An experiment exists in Langfuse from its first event. */
  startMs: number
  /** Items it ran (fewer than the dataset's when its script stopped part-way). */
  items: number
  /** False when the script stopped before its run evaluators (no experiment-level scores, ever). */
  finished: boolean
  quality: number
}

/** What an experiment looks like over a time range of item starts: what the spec's list answers. */
export interface ExperimentWindow {
  startMs: number
  endMs: number
  itemCount: number
}

const cuid = (seed: number, ...parts: Array<string | number>) =>
  `cm${rngFor(seed, 'langfuse-id', ...parts).hex(23)}`
const iso = (ms: number) => new Date(ms).toISOString()

/** The project's score configs: bounded and open numeric scales, a boolean, a categorical, a text, an archived one. */
export function scoreConfigs(nowMs: number): ScoreConfig[] {
  const at = iso(suiteCreatedMs(nowMs, 0) - 86_400_000)
  const base = { projectId: PROJECT_ID, createdAt: at, updatedAt: at, isArchived: false }
  return [
    {
      ...base,
      id: 'cmcfgcorrectness000000001',
      name: 'correctness',
      dataType: 'NUMERIC',
      minValue: 0,
      maxValue: 1,
      description: 'LLM-as-a-judge: is the answer right?',
    },
    {
      ...base,
      id: 'cmcfgavgcorrectness000001',
      name: 'avg_correctness',
      dataType: 'NUMERIC',
      minValue: 0,
      maxValue: 1,
      description: 'Mean correctness over the experiment',
    },
    {
      ...base,
      id: 'cmcfgavglatency0000000001',
      name: 'avg_latency_s',
      dataType: 'NUMERIC',
      minValue: 0,
      maxValue: null,
      description: 'Mean seconds per item',
    },
    {
      ...base,
      id: 'cmcfgexactmatch0000000001',
      name: 'exact_match',
      dataType: 'BOOLEAN',
      categories: [
        { label: 'True', value: 1 },
        { label: 'False', value: 0 },
      ],
    },
    {
      ...base,
      id: 'cmcfgtone0000000000000001',
      name: 'tone',
      dataType: 'CATEGORICAL',
      categories: TONES.map((label, value) => ({ label, value })),
    },
    { ...base, id: 'cmcfgreviewernote00000001', name: 'reviewer_note', dataType: 'TEXT' },
    {
      ...base,
      id: 'cmcfgrelevance00000000001',
      name: 'relevance',
      dataType: 'NUMERIC',
      minValue: 1,
      maxValue: 5,
      isArchived: true,
    },
  ]
}

/**
 * Langfuse's experiments as its SDKs leave them: a dataset per suite, experiments run from the user's code over
 * a dataset's items (one trace per item, scored by evaluators as it ends), and experiment-level scores once every
 * item is done. Nothing here has a status: how far an experiment got is a function of the clock.
 */
export class LangfuseModel {
  readonly datasets = new Map<string, LangfuseDataset>()
  readonly experiments = new Map<string, LangfuseExperiment>()
  readonly configs: ScoreConfig[]

  constructor(
    readonly seed: number,
    suites: number,
    runCount: number,
    nowMs: number,
  ) {
    this.configs = scoreConfigs(nowMs)
    const datasets: LangfuseDataset[] = []
    for (let s = 0; s < suites; s++) {
      const random = rngFor(seed, 'langfuse', 'suite', s)
      const base = LANGFUSE_DATASETS[s % LANGFUSE_DATASETS.length]!
      const items = random.int(5, 30)
      const dataset: LangfuseDataset = {
        id: cuid(seed, 'dataset', s),
        seq: s,
        name: s < LANGFUSE_DATASETS.length ? base : `${base}-${Math.floor(s / LANGFUSE_DATASETS.length) + 1}`,
        createdMs: suiteCreatedMs(nowMs, s),
        itemIds: Array.from({ length: items }, (_, i) => cuid(seed, 'dataset-item', s, i)),
        // One run score, two (on scales that differ), or none: each of evalrun's score rules has a dataset.
        runScores: [['avg_correctness'], ['avg_correctness', 'avg_latency_s'], []][s % 3]!,
        latency: s % 2 === 1,
      }
      this.datasets.set(dataset.id, dataset)
      datasets.push(dataset)
    }
    for (const plan of planRuns(
      seed,
      'langfuse',
      runCount,
      suites,
      nowMs,
      (suite) => datasets[suite]!.itemIds.length,
    )) {
      const random = plan.random
      const dataset = datasets[plan.suite]!
      const model = random.pick(LANGFUSE_MODELS)
      // About one in twenty scripts stopped part-way: no more items, no run evaluators.
      const stopped = random.chance(0.05)
      const experiment: LangfuseExperiment = {
        id: cuid(seed, 'experiment', plan.order),
        seq: plan.order,
        datasetId: dataset.id,
        name: `${random.pick(RUN_ADJECTIVES)} ${model} - ${iso(plan.createdMs)}`,
        description: random.chance(0.5) ? `Nightly ${dataset.name} run on ${model}` : null,
        model,
        startMs: plan.createdMs,
        items: stopped ? random.int(1, Math.max(1, plan.items - 1)) : plan.items,
        finished: !stopped,
        quality: 0.5 + random.float() * 0.45,
      }
      this.experiments.set(experiment.id, experiment)
    }
  }

  /** When item `index` of an experiment starts and ends. */
  itemStartMs(experiment: LangfuseExperiment, index: number): number {
    return experiment.startMs + index * MS_PER_ITEM
  }

  itemEndMs(experiment: LangfuseExperiment, index: number): number {
    return this.itemStartMs(experiment, index) + ITEM_MS
  }

  /** When its run evaluators wrote the experiment-level scores, or null if they never will. */
  runScoresMs(experiment: LangfuseExperiment): number | null {
    const dataset = this.datasets.get(experiment.datasetId)!
    if (!experiment.finished || dataset.runScores.length === 0) return null
    return this.itemEndMs(experiment, experiment.items - 1) + RUN_EVALUATORS_MS
  }

  /** Items started in [fromMs, toMs) by `nowMs`, as indexes. */
  itemsIn(experiment: LangfuseExperiment, fromMs: number, toMs: number, nowMs: number): number[] {
    const indexes: number[] = []
    for (let index = 0; index < experiment.items; index++) {
      const start = this.itemStartMs(experiment, index)
      if (start > nowMs) break
      if (start >= fromMs && start < toMs) indexes.push(index)
    }
    return indexes
  }

  /**
   * The experiment as a list over [fromMs, toMs) sees it: its first event in range (clipped to `fromMs` when it
   * began before), the latest event end in range, the items started in range. Null when none is.
   */
  window(
    experiment: LangfuseExperiment,
    fromMs: number,
    toMs: number,
    nowMs: number,
  ): ExperimentWindow | null {
    const indexes = this.itemsIn(experiment, fromMs, toMs, nowMs)
    if (indexes.length === 0) return null
    let endMs = 0
    for (const index of indexes) {
      const end = this.itemEndMs(experiment, index)
      endMs = Math.max(endMs, end <= nowMs ? end : this.itemStartMs(experiment, index))
    }
    const runScores = this.runScoresMs(experiment)
    if (runScores !== null && runScores <= nowMs) endMs = Math.max(endMs, runScores)
    return { startMs: Math.max(experiment.startMs, fromMs), endMs, itemCount: indexes.length }
  }

  private score(
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

  /** How item `index` of an experiment went: a pure function of (seed, experiment, item). */
  outcome(experiment: LangfuseExperiment, index: number) {
    const random = rngFor(this.seed, 'langfuse', 'item', experiment.seq, index)
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

  /** The scores an item carries once its trace ended (none when it errored). */
  itemScores(experiment: LangfuseExperiment, index: number, nowMs: number, limit: number): Score[] {
    const endMs = this.itemEndMs(experiment, index)
    const outcome = this.outcome(experiment, index)
    if (endMs > nowMs || outcome.error) return []
    const traceId = this.traceId(experiment, index)
    const subject = { kind: 'trace' as const, id: traceId }
    const id = (name: string) => cuid(this.seed, 'score', experiment.seq, index, name)
    const scores = [
      this.score('NUMERIC', 'correctness', outcome.correctness, endMs, subject, id('correctness')),
      this.score('BOOLEAN', 'exact_match', outcome.exactMatch, endMs, subject, id('exact_match')),
      this.score('CATEGORICAL', 'tone', outcome.tone, endMs, subject, id('tone')),
    ]
    if (this.datasets.get(experiment.datasetId)!.latency)
      scores.push(this.score('NUMERIC', 'latency_s', outcome.latency, endMs, subject, id('latency_s')))
    if (outcome.note !== null)
      scores.push(this.score('TEXT', 'reviewer_note', outcome.note, endMs, subject, id('reviewer_note')))
    return scores.slice(0, limit)
  }

  /** The experiment-level scores, once its run evaluators are done. */
  experimentScores(experiment: LangfuseExperiment, nowMs: number, limit: number): Score[] {
    const atMs = this.runScoresMs(experiment)
    if (atMs === null || atMs > nowMs) return []
    const dataset = this.datasets.get(experiment.datasetId)!
    const subject = { kind: 'experiment' as const, id: experiment.id }
    const scored = Array.from({ length: experiment.items }, (_, index) =>
      this.outcome(experiment, index),
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
        this.score(
          'NUMERIC',
          name,
          values[name] ?? 0,
          atMs,
          subject,
          cuid(this.seed, 'run-score', experiment.seq, name),
        ),
      )
  }

  traceId(experiment: LangfuseExperiment, index: number): string {
    return rngFor(this.seed, 'langfuse-trace', experiment.seq, index).hex(32)
  }

  /** The item's root observation id (its `id`): 16 hex digits, as OpenTelemetry span ids are. */
  observationId(experiment: LangfuseExperiment, index: number): string {
    return rngFor(this.seed, 'langfuse-span', experiment.seq, index).hex(16)
  }

  metadata(experiment: LangfuseExperiment): Record<string, unknown> {
    return { model: experiment.model, temperature: 0.2 }
  }

  experimentView(
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
      ...(fields.has('metadata') ? { metadata: this.metadata(experiment) } : {}),
      ...(fields.has('scores') ? { scores: this.experimentScores(experiment, nowMs, scoreLimit) } : {}),
    } satisfies Experiment
  }

  itemView(
    experiment: LangfuseExperiment,
    index: number,
    fields: ReadonlySet<string>,
    nowMs: number,
    scoreLimit: number,
  ): ExperimentItem {
    const dataset = this.datasets.get(experiment.datasetId)!
    const outcome = this.outcome(experiment, index)
    const endMs = this.itemEndMs(experiment, index)
    const ended = endMs <= nowMs
    const question = QUESTIONS[(index + dataset.seq) % QUESTIONS.length]!
    const expected = `Reference answer: ${question.replace(/\?$/, '')}.`
    return {
      id: this.observationId(experiment, index),
      traceId: this.traceId(experiment, index),
      startTime: iso(this.itemStartMs(experiment, index)),
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
        ? { experimentMetadata: this.metadata(experiment), experimentDescription: experiment.description }
        : {}),
      ...(fields.has('scores') ? { scores: this.itemScores(experiment, index, nowMs, scoreLimit) } : {}),
    } satisfies ExperimentItem
  }
}
