import type { ScoreConfig } from '@evalrun/langfuse'
import { MS_PER_ITEM } from '../../lifecycle.js'
import { rngFor } from '../../prng.js'

/** An item's trace runs this long; the next item starts MS_PER_ITEM after the previous one. */
export const ITEM_MS = 450
/** Run-level evaluators finish this long after the last item (Langfuse's SDKs run them once every item is done). */
export const RUN_EVALUATORS_MS = 1_000
export const ENVIRONMENT = 'sdk-experiment'
export const PROJECT_ID = 'cmsandboxproject000000001'

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

export const cuid = (seed: number, ...parts: Array<string | number>) =>
  `cm${rngFor(seed, 'langfuse-id', ...parts).hex(23)}`
export const iso = (ms: number) => new Date(ms).toISOString()

/** Langfuse's state: seeded by `seed.ts`, changed by requests, rendered by `views.ts`. */
export class LangfuseModel {
  readonly datasets = new Map<string, LangfuseDataset>()
  readonly experiments = new Map<string, LangfuseExperiment>()
  configs: ScoreConfig[] = []

  constructor(readonly seed: number) {}

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

  traceId(experiment: LangfuseExperiment, index: number): string {
    return rngFor(this.seed, 'langfuse-trace', experiment.seq, index).hex(32)
  }

  /** The item's root observation id (its `id`): 16 hex digits, as OpenTelemetry span ids are. */
  observationId(experiment: LangfuseExperiment, index: number): string {
    return rngFor(this.seed, 'langfuse-span', experiment.seq, index).hex(16)
  }
}
