import type { Eval, EvalRun, EvalRunError, EvalRunOutputItem, EvalRunOutputItemResult } from '@evalrun/openai'
import { MS_PER_ITEM, QUEUED_MS } from '../../lifecycle.js'
import { QUESTIONS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { round } from '../history.js'
import {
  EVAL_ITEM_SCHEMA,
  type ItemOutcome,
  NO_ERROR,
  type OpenAIEval,
  type OpenAIModel,
  type OpenAIRow,
  type OpenAIRun,
  seconds,
} from './model.js'

// How OpenAI's state answers: its JSON, computed from the seeded plan and the sandbox clock.

/** Test case `index` of a run: its inline row, or row `index` of its file. */
export function itemRow(run: OpenAIRun, index: number): OpenAIRow {
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
export function itemOutcome(model: OpenAIModel, run: OpenAIRun, index: number): ItemOutcome {
  if (rngFor(model.seed, 'openai', 'item', run.seq, index).chance(0.03)) {
    return {
      error: {
        code: 'rate_limit_exceeded',
        message: 'The model provider rate limited the request; the item was not graded.',
      },
      results: [],
      status: 'error',
    }
  }
  const criteria = model.evals.get(run.evalId)!.criteria
  const { by, random } = model.history.draw(run, index)
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
export function itemDoneMs(run: OpenAIRun, index: number): number {
  return run.createdMs + QUEUED_MS + (index + 1) * MS_PER_ITEM
}

/** Output-item id: opaque to clients, but it carries the item index in its last 8 hex digits. */
export function outputItemId(model: OpenAIModel, run: OpenAIRun, index: number): string {
  return `outputitem_${rngFor(model.seed, 'openai-id', 'outputitem', run.seq).hex(24)}${index.toString(16).padStart(8, '0')}`
}

/** The index of an output item of a run, if `itemId` names one that exists now. */
export function outputItemIndex(
  model: OpenAIModel,
  run: OpenAIRun,
  itemId: string,
  nowMs: number,
): number | null {
  const index = Number.parseInt(itemId.slice(-8), 16)
  if (!Number.isInteger(index) || index < 0 || index >= model.progress(run, nowMs).done) return null
  return outputItemId(model, run, index) === itemId ? index : null
}

export function itemUsage(model: OpenAIModel, run: OpenAIRun, index: number) {
  const random = rngFor(model.seed, 'openai', 'usage', run.seq, index)
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

export function outputItemView(model: OpenAIModel, run: OpenAIRun, index: number) {
  const { item, sample } = itemRow(run, index)
  const outcome = itemOutcome(model, run, index)
  const question = typeof item.input === 'string' ? item.input : JSON.stringify(item)
  const given = typeof sample?.output_text === 'string' ? sample.output_text : null
  const params =
    run.dataSource.type === 'jsonl' ? undefined : (run.dataSource.sampling_params as Record<string, unknown>)
  return {
    object: 'eval.run.output_item',
    id: outputItemId(model, run, index),
    run_id: run.id,
    eval_id: run.evalId,
    created_at: seconds(itemDoneMs(run, index)),
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
        : itemUsage(model, run, index),
      error: outcome.error ?? NO_ERROR,
      temperature: typeof params?.temperature === 'number' ? params.temperature : 1,
      max_completion_tokens:
        typeof params?.max_completion_tokens === 'number' ? params.max_completion_tokens : 2048,
      top_p: typeof params?.top_p === 'number' ? params.top_p : 1,
      seed: typeof params?.seed === 'number' ? params.seed : 42,
    },
  } satisfies EvalRunOutputItem
}

export function runView(model: OpenAIModel, run: OpenAIRun, nowMs: number) {
  const evaluation = model.evals.get(run.evalId)!
  const status = model.status(run, nowMs)
  const done = model.progress(run, nowMs).done
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
    const outcome = itemOutcome(model, run, index)
    if (outcome.status === 'error') {
      counts.errored++
      continue
    }
    counts[outcome.status === 'pass' ? 'passed' : 'failed']++
    outcome.results.forEach((result, c) => {
      perCriterion[c]![result.passed ? 'passed' : 'failed']++
    })
    const used = itemUsage(model, run, index)
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

export function evalView(evaluation: OpenAIEval) {
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
