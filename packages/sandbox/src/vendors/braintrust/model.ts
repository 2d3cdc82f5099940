import { MS_PER_ITEM, type Progress, progressOf, QUEUED_MS } from '../../lifecycle.js'
import { rngFor } from '../../prng.js'

export interface BraintrustDataset {
  id: string
  name: string
  projectId: string
  /** Records (test cases). */
  rows: number
  /** Where its rows start in QUESTIONS, so datasets differ. */
  offset: number
}

export interface BraintrustProject {
  id: string
  seq: number
  name: string
  createdMs: number
  dataset: BraintrustDataset
  /** The saved task function its experiments run. */
  taskFunctionId: string
  /** The scorers its seeded experiments use. */
  scorers: string[]
}

export interface BraintrustExperiment {
  id: string
  /** Creation order, for stable sorting and ids. */
  seq: number
  projectId: string
  name: string
  createdMs: number
  /** Test cases (rows × trials). */
  items: number
  quality: number
  scorers: string[]
  baseExpId: string | null
  datasetId: string | null
  /** Rows given inline to `POST /v1/eval`, or null: the dataset's rows. */
  rows: unknown[] | null
  /** When the eval stopped early (its `timeout`), if it did. */
  stoppedAtMs: number | null
  branch: string
  model: string
}

/** One case's result: a pure function of (seed, experiment, case). */
export interface CaseOutcome {
  error: string | null
  scores: Record<string, number>
  /** How long the case took, ms (within its slot of the eval's schedule). */
  durationMs: number
  promptTokens: number
  completionTokens: number
}

export const MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-sonnet-4', 'gpt-4.1-mini']
/** Braintrust's transaction ids are big decimal strings that grow with time. */
export const XACT_BASE = 1_000_000_000_000_000

export const uuid = (seed: number, ...parts: Array<string | number>): string => {
  const hex = rngFor(seed, 'braintrust-id', ...parts).hex(32)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** Braintrust's state: seeded by `seed.ts`, changed by requests, rendered by `views.ts`. */
export class BraintrustModel {
  readonly projects = new Map<string, BraintrustProject>()
  readonly experiments = new Map<string, BraintrustExperiment>()
  readonly datasets = new Map<string, BraintrustDataset>()
  nextSeq = 1
  readonly namesPerProject = new Map<string, number>()
  /** Per project, its experiments in creation order (seeded ones are created oldest first, launched ones now). */
  readonly byProject = new Map<string, BraintrustExperiment[]>()
  sorted: BraintrustExperiment[] | null = null

  constructor(readonly seed: number) {}

  addExperiment(experiment: Omit<BraintrustExperiment, 'id' | 'seq'>): BraintrustExperiment {
    const seq = this.nextSeq++
    const created: BraintrustExperiment = { ...experiment, id: uuid(this.seed, 'experiment', seq), seq }
    this.experiments.set(created.id, created)
    const siblings = this.byProject.get(created.projectId) ?? []
    siblings.push(created)
    this.byProject.set(created.projectId, siblings)
    this.sorted = null
    return created
  }

  /** `<branch>-<n>`, unique in the project, as CI names experiments. */
  freshName(projectId: string, branch: string): string {
    const n = (this.namesPerProject.get(projectId) ?? 0) + 1
    this.namesPerProject.set(projectId, n)
    return `${branch}-${n}`
  }

  /** A project's newest experiment created before `beforeMs`, or null. */
  newestOf(projectId: string, beforeMs: number): BraintrustExperiment | null {
    const siblings = this.byProject.get(projectId) ?? []
    // The last one created before `beforeMs`: a binary search over creation order.
    let low = 0
    let high = siblings.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (siblings[middle]!.createdMs < beforeMs) low = middle + 1
      else high = middle
    }
    return siblings[low - 1] ?? null
  }

  /** Every experiment, newest first (the order `GET /v1/experiment` lists them in). */
  newestFirst(): BraintrustExperiment[] {
    this.sorted ??= [...this.experiments.values()].sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)
    return this.sorted
  }

  byName(projectId: string, name: string): BraintrustExperiment | undefined {
    for (const experiment of this.experiments.values())
      if (experiment.projectId === projectId && experiment.name === name) return experiment
    return undefined
  }

  progress(experiment: BraintrustExperiment, nowMs: number): Progress {
    return progressOf(
      { createdMs: experiment.createdMs, items: experiment.items, stoppedAtMs: experiment.stoppedAtMs },
      nowMs,
    )
  }

  /** When the eval ends: its last case, or its timeout. */
  endMs(experiment: BraintrustExperiment): number {
    const natural = experiment.createdMs + QUEUED_MS + experiment.items * MS_PER_ITEM
    return experiment.stoppedAtMs === null ? natural : Math.min(natural, experiment.stoppedAtMs)
  }
}
