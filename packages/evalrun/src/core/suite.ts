import type { RunSuite, Vendor } from './model.js'

interface EvalSuiteOf<V extends Vendor> {
  /** `<vendor>:<suiteId>`, as `run.suite.ref` reads and as `runs.list({ suite })` and `evalrun.config` accept it. */
  ref: string
  vendor: V
  /** The vendor's own id of the suite (the part of `ref` after `<vendor>:`, not percent-encoded). */
  id: string
  /** What the suite is in the vendor's word, as on its runs (`run.suite.kind`). */
  kind: RunSuite['kind']
  /** The vendor's name for it; null where the vendor gives none (Datalab's collections, read from their runs). */
  name: string | null
  /** When the vendor created it, where it says. */
  createdAt: Date | null
  /** A page in the vendor's app, where the vendor gives one. */
  url: string | null
  /** The vendor's entry the suite was read from, as it came. */
  raw: unknown
  /** What could not be read cleanly, in words. Empty when everything mapped. */
  warnings: string[]
}

/** One suite (what runs are runs of), in the same shape for every vendor; narrows on `vendor` like `EvalRun`. */
export type EvalSuite<V extends Vendor = Vendor> = V extends Vendor ? EvalSuiteOf<V> : never

/**
 * One id a `runs start` input field accepts: a Datalab rubric, an OpenAI file, a Braintrust dataset. `field` is
 * the start input's field (`StartFlag.field`), so the CLI shows it under that flag.
 */
export interface StartOption {
  /** The start input field (a `StartFlag.field`): `collectionId`, `rubricId`, `data`. */
  field: string
  /** What the id names, in the vendor's word: `collection`, `rubric`, `dataset`, `function`, `file`. */
  kind: string
  id: string
  name: string | null
  /**
   * Where the id goes when the field takes more than the id itself (a JSON file's content), e.g.
   * `{"dataset_id":"<id>"}`; null when the flag takes the id as it is.
   */
  use: string | null
  createdAt: Date | null
}
