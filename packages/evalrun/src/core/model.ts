import type { RawItems, RawRuns, StartInputs } from './vendor-types.js'

export type { RawItems, RawRuns, StartInputs }

/** One vendor's start input; `never` for a vendor that declares none (it cannot start runs). */
export type StartInputOf<V> = V extends keyof StartInputs ? StartInputs[V] : never

/** What `runs.start` accepts: a union discriminated on `vendor`. */
export type StartRunInput = StartInputs[keyof StartInputs]

/**
 * The vendors this program knows: those whose modules it imports (each registers itself in `RawRuns`). Any
 * string when it imports none (`evalrun/reports` alone, say), so that code over runs still type-checks.
 */
export type Vendor = [keyof RawRuns] extends [never] ? string : keyof RawRuns & string

/** One vendor's run payload; `unknown` for a vendor that registered none. */
type RawRunOf<V> = V extends keyof RawRuns ? RawRuns[V] : unknown

/** One vendor's item payload; `unknown` for a vendor that registered none. */
type RawItemOf<V> = V extends keyof RawItems ? RawItems[V] : unknown

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'canceled', 'unknown'] as const
/** `unknown` means the vendor said something evalrun could not map; see `vendorStatus` and `warnings`. */
export type RunStatus = (typeof RUN_STATUSES)[number]

/** Statuses after which a run no longer changes. */
export const TERMINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['completed', 'failed', 'canceled'])

/**
 * The range a score is on. `declared`: the vendor's API or spec states it. `config`: a config endpoint gave it for
 * this score. `computed`: evalrun computed the number itself (a rate of verdicts), so it is 0..1 by construction.
 * Where no source gives a range, evalrun says `null` rather than guess one from the values seen.
 */
export interface ScoreScale {
  min: number
  max: number
  source: 'declared' | 'config' | 'computed'
}

export interface EvalMetric {
  /** The evaluator, column or field name. */
  name: string
  kind: 'numeric' | 'boolean' | 'categorical'
  /** The mean for numeric metrics, the rate of `true` (0..1) for boolean ones, null for categorical ones. */
  value: number | null
  /** The scale `value` is on; null when no source gives one. Boolean metrics are rates, 0..1. */
  scale: ScoreScale | null
  /** `value` moved onto 0..1 by `scale`; null when either is unknown or the value lies outside the scale. */
  normalizedValue: number | null
  /** The share of verdicts that passed (0..1), for metrics made of verdicts; null otherwise. */
  passRate: number | null
  /** Judgements per option (categorical), `true`/`false` counts (boolean), or other tallies the vendor gives. */
  counts?: Record<string, number>
  /** How many judgements the value is based on, when the vendor says. */
  total?: number
  /**
   * The change in `value` against the run the vendor compares this one with, when it does (Braintrust: the base
   * experiment); its improvements and regressions are then in `counts`.
   */
  diff?: number
  /** Where the metric came from in the vendor payload, e.g. `evaluator_stats`, `score.details`. */
  source: string
}

export interface RunProgress {
  /** Items the run covers, when known. */
  total: number | null
  /** Items finished so far, whether they succeeded or failed. */
  completed: number | null
  /** Items among `completed` that failed, when the vendor reports failures. */
  failed: number | null
}

export interface RunSuite {
  /** What the run is a run of, in the vendor's word: a collection, a pipeline, an evaluation, an eval, a project, a dataset, a sheet. */
  kind: 'collection' | 'pipeline' | 'evaluation' | 'eval' | 'project' | 'dataset' | 'sheet'
  id: string
  name: string | null
  /** `<vendor>:<id>`, accepted by `runs.list({ suite })`. */
  ref: string
}

interface EvalRunOf<V extends Vendor> {
  /** Stable and parseable: `datalab:42`, `promptlayer:1234`, `humanloop:<evaluationId>/<runId>`, `langfuse:<experimentId>`. */
  ref: string
  vendor: V
  /** The vendor's own run id. */
  id: string
  name: string | null
  suite: RunSuite
  status: RunStatus
  /** The status word the vendor used, as it used it. */
  vendorStatus: string | null
  /** True for `completed`, `failed` and `canceled`. */
  terminal: boolean
  createdAt: Date | null
  startedAt: Date | null
  completedAt: Date | null
  progress: RunProgress
  /** The vendor's headline score, on the vendor's own scale; null when it has none (yet). */
  score: number | null
  /** The scale `score` is on; null when the vendor declares none (see the README's vendor table). */
  scoreScale: ScoreScale | null
  /** `score` moved onto 0..1 by `scoreScale`; null when either is unknown. What `--min-score` compares. */
  normalizedScore: number | null
  /** The share of the run's verdicts that passed (0..1), when the run's payload carries verdicts; else null. */
  passRate: number | null
  metrics: EvalMetric[]
  /** A page in the vendor's app, when the vendor gives one. */
  url: string | null
  raw: RawRunOf<V>
  /** What could not be normalised, in words. Empty when everything mapped cleanly. */
  warnings: string[]
}

/**
 * One evaluation run, in the same shape for every vendor. A union over vendors, so that checking `run.vendor`
 * narrows `run.raw` to that vendor's payload.
 */
export type EvalRun<V extends Vendor = Vendor> = V extends Vendor ? EvalRunOf<V> : never

/**
 * `passed`/`failed`: the evaluators gave a verdict. `completed`: the item finished but the vendor gives no
 * verdict (a score only). `error`: the item or its evaluation errored. `pending`: not finished.
 */
export type ItemStatus = 'passed' | 'failed' | 'error' | 'pending' | 'skipped' | 'completed' | 'unknown'

/** One evaluator's judgement of one item, on that evaluator's own scale. */
export interface EvalJudgement {
  /** The evaluator, grader, scorer or column name: the same name as the run's metric for it, where there is one. */
  name: string
  kind: 'numeric' | 'boolean' | 'categorical'
  value: number | boolean | string | null
  /** The scale of a numeric `value`; `{ min: 0, max: 1 }` for a boolean; null when unknown or categorical. */
  scale: ScoreScale | null
  /** `value` moved onto 0..1 by `scale` (booleans as 1 or 0); null when that cannot be done. */
  normalizedValue: number | null
  /** The vendor's verdict on this judgement, when it gives one (a boolean judgement is its own verdict). */
  passed: boolean | null
}

interface EvalItemOf<V extends Vendor> {
  /** The run the item belongs to. */
  runRef: string
  vendor: V
  id: string
  /**
   * The test case's identity at the vendor (a Datalab file, a PromptLayer dataset row, a Humanloop datapoint, an
   * OpenAI data source item, …): the same in every run of a suite over the same data, so runs can be joined on it.
   */
  key: string
  name: string | null
  status: ItemStatus
  vendorStatus: string | null
  /**
   * The item's own score: the vendor's, or else the mean of its judgements when they share one known scale.
   * Null when judgements on different or unknown scales would have to be averaged.
   */
  score: number | null
  /** The scale of `score`, or null when unknown. */
  scoreScale: ScoreScale | null
  /** `score` moved onto 0..1 by `scoreScale`, or null. */
  normalizedScore: number | null
  /** Every judgement of the item, each on its own scale. */
  judgements: EvalJudgement[]
  input?: unknown
  output?: unknown
  raw: RawItemOf<V>
  warnings: string[]
}

/** One per-item result of a run (a Datalab file, a PromptLayer row, a Humanloop log); narrows like `EvalRun`. */
export type EvalItem<V extends Vendor = Vendor> = V extends Vendor ? EvalItemOf<V> : never
