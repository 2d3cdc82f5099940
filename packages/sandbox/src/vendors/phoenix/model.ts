import { MS_PER_ITEM } from '../../lifecycle.js'
import { rngFor } from '../../prng.js'

/** A run's task takes this long; the next run starts MS_PER_ITEM after the previous one. */
export const RUN_MS = 450
/** Evaluators write their annotation this long after the run they judge ends (Phoenix's SDKs evaluate after the task). */
export const EVALUATION_MS = 300

/** Phoenix's ids are Relay global ids: base64 of `<Type>:<row id>`. */
export const globalId = (type: string, rowId: number) => Buffer.from(`${type}:${rowId}`).toString('base64')
export const iso = (ms: number) => new Date(ms).toISOString()

export interface PhoenixDataset {
  id: string
  rowId: number
  name: string
  description: string | null
  createdMs: number
  versionId: string
  /** Example ids, in the order experiments run them. */
  exampleIds: string[]
  /** Evaluations its experiments record on every run. */
  evaluators: readonly string[]
}

export interface PhoenixExperiment {
  id: string
  rowId: number
  datasetId: string
  name: string
  description: string | null
  model: string
  repetitions: number
  createdMs: number
  /** Runs its script records before it stops (fewer than examples × repetitions when it stopped part-way). */
  runsRecorded: number
  quality: number
  /** Whether some of its runs fail (their task raises); most experiments' never do. */
  flakyTask: boolean
  /** Whether some of its evaluations fail or are never written. */
  flakyEvaluators: boolean
}

/** One run: dataset example `example` (index) at repetition `repetition` (1-based), the `index`th run started. */
export interface RunSlot {
  index: number
  example: number
  repetition: number
}

/** How one evaluation of one run went. */
export type EvaluationOutcome =
  | { kind: 'missing' }
  | { kind: 'error'; message: string }
  | { kind: 'scored'; score: number | null; label: string | null; explanation: string | null }

/** Phoenix's state: seeded by `seed.ts`, changed only by the clock, rendered by `views.ts`. */
export class PhoenixModel {
  readonly datasets = new Map<string, PhoenixDataset>()
  readonly experiments = new Map<string, PhoenixExperiment>()

  constructor(readonly seed: number) {}

  expectedRuns(experiment: PhoenixExperiment): number {
    return this.dataset(experiment).exampleIds.length * experiment.repetitions
  }

  dataset(experiment: PhoenixExperiment): PhoenixDataset {
    return this.datasets.get(experiment.datasetId)!
  }

  /** Run `index`: examples in order, each repeated `repetitions` times in a row. */
  slot(experiment: PhoenixExperiment, index: number): RunSlot {
    return {
      index,
      example: Math.floor(index / experiment.repetitions),
      repetition: (index % experiment.repetitions) + 1,
    }
  }

  runStartMs(experiment: PhoenixExperiment, index: number): number {
    return experiment.createdMs + index * MS_PER_ITEM
  }

  runEndMs(experiment: PhoenixExperiment, index: number): number {
    return this.runStartMs(experiment, index) + RUN_MS
  }

  /** The runs recorded by `nowMs` (a run is written when it ends), in the order they ran. */
  recordedRuns(experiment: PhoenixExperiment, nowMs: number): RunSlot[] {
    const slots: RunSlot[] = []
    for (let index = 0; index < experiment.runsRecorded; index++) {
      if (this.runEndMs(experiment, index) > nowMs) break
      slots.push(this.slot(experiment, index))
    }
    return slots
  }

  /** Whether run `index` failed (its task raised): a pure function of (seed, experiment, run). */
  runError(experiment: PhoenixExperiment, index: number): string | null {
    if (!experiment.flakyTask) return null
    const random = rngFor(this.seed, 'phoenix', 'run', experiment.rowId, index)
    return random.chance(0.1) ? random.pick(TASK_ERRORS) : null
  }

  /** How evaluator `name` judged run `index` by `nowMs`; a failed run is not evaluated. */
  evaluation(experiment: PhoenixExperiment, index: number, name: string, nowMs: number): EvaluationOutcome {
    if (this.runError(experiment, index) !== null) return { kind: 'missing' }
    if (this.runEndMs(experiment, index) + EVALUATION_MS > nowMs) return { kind: 'missing' }
    const random = rngFor(this.seed, 'phoenix', 'evaluation', experiment.rowId, index, name)
    const roll = random.float()
    if (experiment.flakyEvaluators && roll < 0.08) return { kind: 'missing' }
    if (experiment.flakyEvaluators && roll < 0.16)
      return { kind: 'error', message: 'RateLimitError: evaluator model rate limited' }
    const good = rngFor(this.seed, 'phoenix', 'quality', experiment.rowId, index).chance(experiment.quality)
    switch (name) {
      case 'correctness': {
        const correct = good ? random.chance(0.9) : random.chance(0.2)
        return {
          kind: 'scored',
          score: correct ? 1 : 0,
          label: correct ? 'correct' : 'incorrect',
          explanation: correct ? 'Matches the reference answer.' : 'Contradicts the reference answer.',
        }
      }
      case 'helpfulness':
        // A 1..5 rating: Phoenix records the number and declares no range.
        return {
          kind: 'scored',
          score: good ? random.int(3, 5) : random.int(1, 3),
          label: null,
          explanation: null,
        }
      default:
        return { kind: 'scored', score: null, label: random.pick(TONES), explanation: null }
    }
  }

  /** The latest change by `nowMs`: the last run or evaluation written, else the experiment's creation. */
  updatedMs(experiment: PhoenixExperiment, nowMs: number): number {
    const runs = this.recordedRuns(experiment, nowMs)
    const last = runs.at(-1)
    if (last === undefined) return experiment.createdMs
    const evaluated = this.runEndMs(experiment, last.index) + EVALUATION_MS
    return evaluated <= nowMs ? evaluated : this.runEndMs(experiment, last.index)
  }
}

export const TASK_ERRORS = [
  'TimeoutError: the model did not answer within 30 s',
  'BadRequestError: context length exceeded',
  'ValueError: could not parse the model output as JSON',
]
export const TONES = ['neutral', 'friendly', 'curt']
