import type {
  EvalRunDataSource,
  EvalRunError,
  EvalRunOutputItemResult,
  EvalTestingCriterion,
} from '@evalrun/openai'
import { type Progress, progressOf } from '../../lifecycle.js'
import { rngFor } from '../../prng.js'
import { SuiteHistory } from '../history.js'
import { TONE_LABELS } from './names.js'

/** The statuses `GET /evals/{eval_id}/runs` filters on; the sandbox's runs take exactly these. */
export type OpenAIRunStatus = 'queued' | 'in_progress' | 'completed' | 'failed' | 'canceled'

/** One test case of a run: the data-source row and, for `jsonl` sources, its pre-generated sample. */
export interface OpenAIRow {
  item: Record<string, unknown>
  sample?: Record<string, unknown>
}

export interface OpenAIFile {
  id: string
  /** Rows in the file (test cases). */
  items: number
  /** Where its rows start in QUESTIONS, so files differ. */
  offset: number
}

export interface OpenAIEval {
  id: string
  seq: number
  name: string
  createdMs: number
  criteria: EvalTestingCriterion[]
  /** The eval's seeded JSONL file of test cases. */
  file: OpenAIFile
  metadata: Record<string, string>
}

export interface OpenAIRun {
  id: string
  /** Creation order, for stable sorting and ids. */
  seq: number
  evalId: string
  name: string
  model: string
  createdMs: number
  dataSource: EvalRunDataSource
  /** Rows given inline (`file_content`), or null: the rows of `file` (or generated ones). */
  rows: OpenAIRow[] | null
  file: OpenAIFile | null
  items: number
  quality: number
  metadata: Record<string, string>
  canceledAtMs: number | null
  /** Items after which the run fails, if it does. */
  failAfterItems: number | null
}

/**
 * `EvalRun.error` and an output item's `sample.error` are required and not nullable in OpenAI's spec (its own
 * examples show `null`); the sandbox follows the spec and answers this empty error when there is none.
 */
export const NO_ERROR: EvalRunError = { code: '', message: '' }

export const EVAL_ITEM_SCHEMA = {
  type: 'object',
  properties: {
    item: {
      type: 'object',
      properties: { input: { type: 'string' }, expected: { type: 'string' } },
      required: ['input', 'expected'],
    },
    sample: { type: 'object' },
  },
  required: ['item'],
}

export const id = (prefix: string, seed: number, length: number, ...parts: Array<string | number>) =>
  `${prefix}_${rngFor(seed, 'openai-id', prefix, ...parts).hex(length)}`
export const seconds = (ms: number) => Math.floor(ms / 1000)

/** The testing criteria of an eval: every eval has the first three, every other one also text similarity. */
export function criteriaFor(suite: number): EvalTestingCriterion[] {
  const criteria: EvalTestingCriterion[] = [
    {
      type: 'string_check',
      name: 'Exact answer',
      input: '{{sample.output_text}}',
      reference: '{{item.expected}}',
      operation: 'ilike',
    },
    {
      type: 'label_model',
      name: 'Tone',
      model: 'gpt-4o-mini',
      input: [
        { role: 'developer', content: `Label the tone of the answer: ${TONE_LABELS.join(', ')}.` },
        { role: 'user', content: '{{sample.output_text}}' },
      ],
      labels: TONE_LABELS,
      passing_labels: TONE_LABELS.slice(0, 2),
    },
    {
      type: 'score_model',
      name: 'Helpfulness',
      model: 'gpt-4o',
      input: [
        { role: 'system', content: 'Score from 0 to 1 how well the answer helps the user.' },
        { role: 'user', content: 'Question: {{item.input}}\nAnswer: {{sample.output_text}}' },
      ],
      range: [0, 1],
      pass_threshold: 0.6,
    },
  ]
  if (suite % 2 === 0) {
    criteria.push({
      type: 'text_similarity',
      name: 'Close to reference',
      input: '{{sample.output_text}}',
      reference: '{{item.expected}}',
      evaluation_metric: 'fuzzy_match',
      pass_threshold: 0.7,
    })
  }
  return criteria
}

export interface ItemOutcome {
  error: EvalRunError | null
  results: EvalRunOutputItemResult[]
  status: 'pass' | 'fail' | 'error'
}

/** OpenAI's state: seeded by `seed.ts`, changed by requests, rendered by `views.ts`. */
export class OpenAIModel {
  readonly evals = new Map<string, OpenAIEval>()
  readonly runs = new Map<string, OpenAIRun>()
  readonly files = new Map<string, OpenAIFile>()
  /** An eval's runs over one file, in order: its rows carry their grades over from run to run. */
  readonly history: SuiteHistory<OpenAIRun>
  nextSeq = 1

  constructor(readonly seed: number) {
    this.history = new SuiteHistory(seed, 'openai')
  }

  addRun(run: Omit<OpenAIRun, 'id' | 'seq' | 'canceledAtMs' | 'failAfterItems'>): OpenAIRun {
    const seq = this.nextSeq++
    const created: OpenAIRun = {
      ...run,
      id: id('evalrun', this.seed, 32, seq),
      seq,
      canceledAtMs: null,
      failAfterItems: null,
    }
    this.runs.set(created.id, created)
    // Rows given inline or drawn from stored completions are the run's own: only a file's rows recur.
    const suite =
      created.file !== null && created.rows === null
        ? `eval ${created.evalId} file ${created.file.id}`
        : `run ${created.seq}`
    this.history.add(suite, created)
    return created
  }

  progress(run: OpenAIRun, nowMs: number): Progress {
    return progressOf(
      {
        createdMs: run.createdMs,
        items: run.items,
        stoppedAtMs: run.canceledAtMs,
        failAfterItems: run.failAfterItems,
      },
      nowMs,
    )
  }

  status(run: OpenAIRun, nowMs: number): OpenAIRunStatus {
    if (run.canceledAtMs !== null && nowMs >= run.canceledAtMs) return 'canceled'
    const phase = this.progress(run, nowMs).phase
    if (phase === 'queued') return 'queued'
    if (phase === 'running') return 'in_progress'
    return run.failAfterItems === null ? 'completed' : 'failed'
  }

  /** Runs of an eval in creation order (oldest first). */
  runsOf(evaluation: OpenAIEval): OpenAIRun[] {
    return [...this.runs.values()]
      .filter((run) => run.evalId === evaluation.id)
      .sort((a, b) => a.createdMs - b.createdMs || a.seq - b.seq)
  }
}
