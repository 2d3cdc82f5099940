import { progressOf } from '../../lifecycle.js'
import { rngFor } from '../../prng.js'
import { SuiteHistory } from '../history.js'

export type HumanloopStatus = 'pending' | 'running' | 'completed' | 'cancelled'
export type EvaluatorKind = 'numeric' | 'boolean' | 'select' | 'text'

interface Versioned {
  id: string
  versionId: string
  path: string
  createdMs: number
}

export interface HumanloopFile extends Versioned {}
export interface HumanloopDataset extends Versioned {
  datapoints: number
  offset: number
}
export interface HumanloopEvaluator extends Versioned {
  kind: EvaluatorKind
}

export interface HumanloopEvaluation {
  id: string
  name: string
  fileId: string
  createdMs: number
  updatedMs: number
  evaluators: Array<{ versionId: string; orchestrated: boolean; addedMs: number }>
  /** Runs in this evaluation with when each was added. */
  runs: Array<{ runId: string; addedMs: number }>
  controlRunId: string | null
}

export interface HumanloopRun {
  id: string
  /** Creation order, for stable sorting and ids. */
  seq: number
  datasetId: string | null
  fileId: string | null
  orchestrated: boolean
  createdMs: number
  stoppedAtMs: number | null
  stoppedAs: 'cancelled' | 'completed' | null
  /** Logs attached by `POST .../logs` (non-orchestrated runs or extra logs). */
  extraLogIds: string[]
  quality: number
}

export const EVALUATORS: Array<{ path: string; kind: EvaluatorKind }> = [
  { path: 'Evaluators/Relevance', kind: 'numeric' },
  { path: 'Evaluators/Grounded', kind: 'boolean' },
  { path: 'Evaluators/Tone', kind: 'select' },
  { path: 'Evaluators/Reviewer notes', kind: 'text' },
]
export const TONES = ['friendly', 'neutral', 'curt']
export const id = (prefix: string, seed: number, ...parts: Array<string | number>) =>
  `${prefix}_${rngFor(seed, 'humanloop-id', prefix, ...parts).hex(16)}`

/** Humanloop's state: seeded by `seed.ts`, changed by requests, rendered by `views.ts`. */
export class HumanloopModel {
  readonly files = new Map<string, HumanloopFile>()
  readonly datasets = new Map<string, HumanloopDataset>()
  readonly evaluators = new Map<string, HumanloopEvaluator>()
  readonly evaluations = new Map<string, HumanloopEvaluation>()
  readonly runs = new Map<string, HumanloopRun>()
  /** An evaluation's runs over one dataset, in order: its datapoints carry their judgments over from run to run. */
  readonly history: SuiteHistory<HumanloopRun>
  nextSeq = 1
  nextEvaluation = 0

  constructor(readonly seed: number) {
    this.history = new SuiteHistory(seed, 'humanloop')
  }

  addEvaluation(
    name: string,
    fileId: string,
    createdMs: number,
    evaluatorVersionIds: string[],
  ): HumanloopEvaluation {
    const evaluation: HumanloopEvaluation = {
      id: id('evr', this.seed, this.nextEvaluation++),
      name,
      fileId,
      createdMs,
      updatedMs: createdMs,
      evaluators: evaluatorVersionIds.map((versionId) => ({
        versionId,
        orchestrated: true,
        addedMs: createdMs,
      })),
      runs: [],
      controlRunId: null,
    }
    this.evaluations.set(evaluation.id, evaluation)
    return evaluation
  }

  /** A new run of `evaluation`, the newest of those over its dataset. */
  addRun(
    run: Pick<HumanloopRun, 'datasetId' | 'fileId' | 'orchestrated' | 'createdMs' | 'quality'>,
    evaluation: HumanloopEvaluation,
  ): HumanloopRun {
    const seq = this.nextSeq++
    const created: HumanloopRun = {
      ...run,
      id: id('rn', this.seed, seq),
      seq,
      stoppedAtMs: null,
      stoppedAs: null,
      extraLogIds: [],
    }
    this.runs.set(created.id, created)
    this.history.add(`evaluation ${evaluation.id} dataset ${run.datasetId ?? 'none'}`, created)
    return created
  }

  items(run: HumanloopRun): number {
    return run.orchestrated && run.datasetId ? this.datasets.get(run.datasetId)!.datapoints : 0
  }

  progress(run: HumanloopRun, nowMs: number) {
    return progressOf(
      { createdMs: run.createdMs, items: this.items(run), stoppedAtMs: run.stoppedAtMs },
      nowMs,
    )
  }

  status(run: HumanloopRun, nowMs: number): HumanloopStatus {
    if (run.stoppedAs && run.stoppedAtMs !== null && nowMs >= run.stoppedAtMs) return run.stoppedAs
    // A run whose logs the caller submits stays running until it is marked completed.
    if (!run.orchestrated) return 'running'
    const phase = this.progress(run, nowMs).phase
    return phase === 'queued' ? 'pending' : phase === 'running' ? 'running' : 'completed'
  }

  /** Generated logs finished so far (orchestrated runs). */
  generatedLogs(run: HumanloopRun, nowMs: number): number {
    return run.orchestrated ? this.progress(run, nowMs).done : 0
  }

  logCount(run: HumanloopRun, nowMs: number): number {
    return this.generatedLogs(run, nowMs) + run.extraLogIds.length
  }

  /** Runs of an evaluation, newest first (by creation time, then creation order). */
  runsOf(evaluation: HumanloopEvaluation): HumanloopRun[] {
    return evaluation.runs
      .map((entry) => this.runs.get(entry.runId)!)
      .sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)
  }
}
