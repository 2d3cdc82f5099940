import type {
  Eval,
  EvalRun,
  EvalRunDataSource,
  EvalRunError,
  EvalRunOutputItem,
  EvalRunOutputItemResult,
  EvalTestingCriterion,
} from '@evalrun/openai'
import { MS_PER_ITEM, type Progress, progressOf, QUEUED_MS } from '../../lifecycle.js'
import { QUESTIONS, RUN_ADJECTIVES } from '../../names.js'
import { rngFor } from '../../prng.js'
import { planRuns, round, SuiteHistory, suiteCreatedMs } from '../history.js'
import { OPENAI_EVALS, OPENAI_MODELS, TONE_LABELS } from './names.js'

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

const EVAL_ITEM_SCHEMA = {
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

const id = (prefix: string, seed: number, length: number, ...parts: Array<string | number>) =>
  `${prefix}_${rngFor(seed, 'openai-id', prefix, ...parts).hex(length)}`
const seconds = (ms: number) => Math.floor(ms / 1000)

/** The testing criteria of an eval: every eval has the first three, every other one also text similarity. */
function criteriaFor(suite: number): EvalTestingCriterion[] {
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

export class OpenAIModel {
  readonly evals = new Map<string, OpenAIEval>()
  readonly runs = new Map<string, OpenAIRun>()
  readonly files = new Map<string, OpenAIFile>()
  /** An eval's runs over one file, in order: its rows carry their grades over from run to run. */
  readonly history: SuiteHistory<OpenAIRun>
  private nextSeq = 1

  constructor(
    readonly seed: number,
    suites: number,
    runCount: number,
    nowMs: number,
  ) {
    this.history = new SuiteHistory(seed, 'openai')
    const evals: OpenAIEval[] = []
    for (let s = 0; s < suites; s++) {
      const random = rngFor(seed, 'openai', 'suite', s)
      const base = OPENAI_EVALS[s % OPENAI_EVALS.length]!
      const name = s < OPENAI_EVALS.length ? base : `${base} ${Math.floor(s / OPENAI_EVALS.length) + 1}`
      const file: OpenAIFile = { id: `file-${rngFor(seed, 'openai-file', s).hex(22)}`, items: 0, offset: s }
      file.items = random.int(5, 30)
      this.files.set(file.id, file)
      const evaluation: OpenAIEval = {
        id: id('eval', seed, 32, s),
        seq: s,
        name,
        createdMs: suiteCreatedMs(nowMs, s),
        criteria: criteriaFor(s),
        file,
        metadata: { team: ['support', 'growth', 'platform'][s % 3]! },
      }
      this.evals.set(evaluation.id, evaluation)
      evals.push(evaluation)
    }
    for (const plan of planRuns(
      seed,
      'openai',
      runCount,
      suites,
      nowMs,
      (suite) => evals[suite]!.file.items,
    )) {
      const random = plan.random
      const evaluation = evals[plan.suite]!
      const model = random.pick(OPENAI_MODELS)
      // Most runs sample a model over the eval's file; some grade a file of pre-generated samples.
      const dataSource: EvalRunDataSource = random.chance(0.75)
        ? {
            type: 'completions',
            source: { type: 'file_id', id: evaluation.file.id },
            input_messages: { type: 'item_reference', item_reference: 'item.input' },
            model,
            sampling_params: { temperature: 1, max_completion_tokens: 512, top_p: 1, seed: 42 },
          }
        : { type: 'jsonl', source: { type: 'file_id', id: evaluation.file.id } }
      const roll = random.float()
      const run = this.addRun({
        evalId: evaluation.id,
        name: `${random.pick(RUN_ADJECTIVES)} ${model}`,
        model,
        createdMs: plan.createdMs,
        dataSource,
        rows: null,
        file: evaluation.file,
        items: plan.items,
        quality: 0.5 + random.float() * 0.45,
        metadata: {},
      })
      if (roll < 0.05) {
        // Canceled somewhere between queueing and the last item.
        run.canceledAtMs = plan.createdMs + random.int(0, QUEUED_MS + plan.items * MS_PER_ITEM - 1)
      } else if (roll < 0.1) {
        run.failAfterItems = random.int(0, Math.max(0, plan.items - 1))
      }
    }
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

  /** Test case `index` of a run: its inline row, or row `index` of its file. */
  row(run: OpenAIRun, index: number): OpenAIRow {
    const given = run.rows?.[index]
    if (given) return given
    const question = QUESTIONS[(index + (run.file?.offset ?? run.seq)) % QUESTIONS.length]!
    return { item: { input: question, expected: `Reference answer: ${question.replace(/\?$/, '')}.` } }
  }

  /**
   * How each criterion judged item `index` of a run: a pure function of (seed, run, item). The grades carry over
   * from the eval's earlier runs over the same file unless this run drew the row afresh (`SuiteHistory`); a
   * sample erroring is this run's.
   */
  outcome(run: OpenAIRun, index: number): ItemOutcome {
    if (rngFor(this.seed, 'openai', 'item', run.seq, index).chance(0.03)) {
      return {
        error: {
          code: 'rate_limit_exceeded',
          message: 'The model provider rate limited the request; the item was not graded.',
        },
        results: [],
        status: 'error',
      }
    }
    const criteria = this.evals.get(run.evalId)!.criteria
    const { by, random } = this.history.draw(run, index)
    // A good answer (as often as the drawing run's quality says) tends to pass every criterion, a bad one to fail.
    const good = random.chance(by.quality)
    const results = criteria.map((criterion): EvalRunOutputItemResult => {
      switch (criterion.type) {
        case 'string_check': {
          const passed = random.chance(good ? 0.95 : 0.3)
          return { name: criterion.name, type: criterion.type, score: passed ? 1 : 0, passed, sample: null }
        }
        case 'label_model': {
          const label = good && random.chance(0.9) ? criterion.labels[0]! : random.pick(criterion.labels)
          const passed = criterion.passing_labels.includes(label)
          return {
            name: criterion.name,
            type: criterion.type,
            score: passed ? 1 : 0,
            passed,
            sample: null,
            label,
          }
        }
        case 'score_model': {
          const score = round(random.unitAround(good ? 0.85 : 0.45, 0.2), 2)
          return {
            name: criterion.name,
            type: criterion.type,
            score,
            passed: score >= (criterion.pass_threshold ?? 0.5),
            sample: null,
          }
        }
        default: {
          const threshold = 'pass_threshold' in criterion ? (criterion.pass_threshold ?? 0.5) : 0.5
          const score = round(random.unitAround(good ? 0.88 : 0.5, 0.15), 3)
          return {
            name: criterion.name,
            type: criterion.type,
            score,
            passed: score >= threshold,
            sample: null,
          }
        }
      }
    })
    return { error: null, results, status: results.every((result) => result.passed) ? 'pass' : 'fail' }
  }

  /** When item `index` finished. */
  itemDoneMs(run: OpenAIRun, index: number): number {
    return run.createdMs + QUEUED_MS + (index + 1) * MS_PER_ITEM
  }

  /** Output-item id: opaque to clients, but it carries the item index in its last 8 hex digits. */
  outputItemId(run: OpenAIRun, index: number): string {
    return `outputitem_${rngFor(this.seed, 'openai-id', 'outputitem', run.seq).hex(24)}${index.toString(16).padStart(8, '0')}`
  }

  /** The index of an output item of a run, if `itemId` names one that exists now. */
  outputItemIndex(run: OpenAIRun, itemId: string, nowMs: number): number | null {
    const index = Number.parseInt(itemId.slice(-8), 16)
    if (!Number.isInteger(index) || index < 0 || index >= this.progress(run, nowMs).done) return null
    return this.outputItemId(run, index) === itemId ? index : null
  }

  usage(run: OpenAIRun, index: number) {
    const random = rngFor(this.seed, 'openai', 'usage', run.seq, index)
    const prompt = random.int(40, 400)
    const completion = random.int(20, 300)
    const cached = random.chance(0.3) ? random.int(0, prompt) : 0
    return {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      cached_tokens: cached,
    }
  }

  outputItemView(run: OpenAIRun, index: number) {
    const { item, sample } = this.row(run, index)
    const outcome = this.outcome(run, index)
    const question = typeof item.input === 'string' ? item.input : JSON.stringify(item)
    const given = typeof sample?.output_text === 'string' ? sample.output_text : null
    const params =
      run.dataSource.type === 'jsonl'
        ? undefined
        : (run.dataSource.sampling_params as Record<string, unknown>)
    return {
      object: 'eval.run.output_item',
      id: this.outputItemId(run, index),
      run_id: run.id,
      eval_id: run.evalId,
      created_at: seconds(this.itemDoneMs(run, index)),
      status: outcome.status,
      datasource_item_id: index,
      datasource_item: item,
      results: outcome.results,
      sample: {
        input: [{ role: 'user', content: question }],
        output: outcome.error
          ? []
          : [
              {
                role: 'assistant',
                content: given ?? `Here is how: ${question.replace(/\?$/, '').toLowerCase()}, step by step.`,
              },
            ],
        finish_reason: outcome.error ? '' : 'stop',
        model: run.model,
        usage: outcome.error
          ? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cached_tokens: 0 }
          : this.usage(run, index),
        error: outcome.error ?? NO_ERROR,
        temperature: typeof params?.temperature === 'number' ? params.temperature : 1,
        max_completion_tokens:
          typeof params?.max_completion_tokens === 'number' ? params.max_completion_tokens : 2048,
        top_p: typeof params?.top_p === 'number' ? params.top_p : 1,
        seed: typeof params?.seed === 'number' ? params.seed : 42,
      },
    } satisfies EvalRunOutputItem
  }

  runView(run: OpenAIRun, nowMs: number) {
    const evaluation = this.evals.get(run.evalId)!
    const status = this.status(run, nowMs)
    const done = this.progress(run, nowMs).done
    const counts = { total: done, errored: 0, failed: 0, passed: 0 }
    const perCriterion = evaluation.criteria.map((criterion) => ({
      testing_criteria: criterion.name,
      passed: 0,
      failed: 0,
    }))
    const usage = {
      invocation_count: 0,
      prompt_tokens: 0,
      completion_tokens: 0,
      total_tokens: 0,
      cached_tokens: 0,
    }
    for (let index = 0; index < done; index++) {
      const outcome = this.outcome(run, index)
      if (outcome.status === 'error') {
        counts.errored++
        continue
      }
      counts[outcome.status === 'pass' ? 'passed' : 'failed']++
      outcome.results.forEach((result, c) => {
        perCriterion[c]![result.passed ? 'passed' : 'failed']++
      })
      const used = this.usage(run, index)
      usage.invocation_count++
      usage.prompt_tokens += used.prompt_tokens
      usage.completion_tokens += used.completion_tokens
      usage.total_tokens += used.total_tokens
      usage.cached_tokens += used.cached_tokens
    }
    const error: EvalRunError =
      status === 'failed'
        ? {
            code: 'server_error',
            message: `The run stopped after ${done} of ${run.items} items: the grader model kept timing out.`,
          }
        : NO_ERROR
    return {
      object: 'eval.run',
      id: run.id,
      eval_id: run.evalId,
      status,
      model: run.model,
      name: run.name,
      created_at: seconds(run.createdMs),
      report_url: `https://platform.openai.com/evaluations/${run.evalId}?run_id=${run.id}`,
      result_counts: counts,
      // Only sampled runs call a model themselves; a jsonl run grades samples it was given.
      per_model_usage:
        run.dataSource.type === 'jsonl' || usage.invocation_count === 0
          ? []
          : [{ model_name: run.model, ...usage }],
      per_testing_criteria_results: perCriterion,
      data_source: run.dataSource,
      metadata: run.metadata,
      error,
    } satisfies EvalRun
  }

  evalView(evaluation: OpenAIEval) {
    return {
      object: 'eval',
      id: evaluation.id,
      name: evaluation.name,
      data_source_config: { type: 'custom', schema: EVAL_ITEM_SCHEMA },
      testing_criteria: evaluation.criteria,
      created_at: seconds(evaluation.createdMs),
      metadata: evaluation.metadata,
    } satisfies Eval
  }
}
