import type { BuiltInRawItems, BuiltInRawRuns, BuiltInStartInputs } from '../vendors/index.js'

/**
 * The vendor payloads behind an `EvalRun`, per vendor: the built-in vendors' (from the vendor list), plus any
 * an added vendor declares by module augmentation (`declare module 'evalrun' { interface RawRuns { acme: AcmeRun } }`).
 */
export interface RawRuns extends BuiltInRawRuns {}

/** The vendor payload behind an `EvalItem`, per vendor (augmentable like `RawRuns`). */
export interface RawItems extends BuiltInRawItems {}

/** What `runs.start` accepts, per vendor (augmentable like `RawRuns`). */
export interface StartInputs extends BuiltInStartInputs {}

/** One vendor's start input; `never` for a vendor that declares none (it cannot start runs). */
export type StartInputOf<V> = V extends keyof StartInputs ? StartInputs[V] : never

/** What `runs.start` accepts: a union discriminated on `vendor`. */
export type StartRunInput = StartInputs[keyof StartInputs]

/** The vendors evalrun knows: the built-in ones and any added by augmentation. */
export type Vendor = keyof RawRuns & keyof RawItems & string

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'canceled', 'unknown'] as const
/** `unknown` means the vendor said something evalrun could not map; see `vendorStatus` and `warnings`. */
export type RunStatus = (typeof RUN_STATUSES)[number]

/** Statuses after which a run no longer changes. */
export const TERMINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['completed', 'failed', 'canceled'])

export interface EvalMetric {
  /** The evaluator, column or field name. */
  name: string
  kind: 'numeric' | 'boolean' | 'categorical'
  /** The mean for numeric metrics, the rate of `true` (0..1) for boolean ones, null for categorical ones. */
  value: number | null
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
  /** What the run is a run of, in the vendor's word: a collection, a pipeline, an evaluation, an eval, a project. */
  kind: 'collection' | 'pipeline' | 'evaluation' | 'eval' | 'project'
  id: string
  name: string | null
  /** `<vendor>:<id>`, accepted by `runs.list({ suite })`. */
  ref: string
}

interface EvalRunOf<V extends Vendor> {
  /** Stable and parseable: `datalab:42`, `promptlayer:1234`, `humanloop:<evaluationId>/<runId>`. */
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
  metrics: EvalMetric[]
  /** A page in the vendor's app, when the vendor gives one. */
  url: string | null
  raw: RawRuns[V]
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

interface EvalItemOf<V extends Vendor> {
  /** The run the item belongs to. */
  runRef: string
  vendor: V
  id: string
  name: string | null
  status: ItemStatus
  vendorStatus: string | null
  /** The item's score (mean of its numeric and boolean judgements where the vendor has several), or null. */
  score: number | null
  input?: unknown
  output?: unknown
  raw: RawItems[V]
  warnings: string[]
}

/** One per-item result of a run (a Datalab file, a PromptLayer row, a Humanloop log); narrows like `EvalRun`. */
export type EvalItem<V extends Vendor = Vendor> = V extends Vendor ? EvalItemOf<V> : never
