import type {
  BooleanEvaluatorStats,
  Dataset,
  Evaluation,
  EvaluationEvaluator,
  EvaluationLog,
  EvaluationRun,
  Evaluator,
  Log,
  NumericEvaluatorStats,
  RunVersion,
  SelectEvaluatorStats,
  TextEvaluatorStats,
} from '@evalrun/humanloop'
import { iso } from '../../lifecycle.js'
import { QUESTIONS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { mean, round } from '../history.js'
import {
  type HumanloopDataset,
  type HumanloopEvaluation,
  type HumanloopEvaluator,
  type HumanloopFile,
  type HumanloopModel,
  type HumanloopRun,
  TONES,
} from './model.js'

// How Humanloop's state answers: its JSON, computed from the seeded plan and the sandbox clock.

/**
 * One evaluator's judgment of a generated log: a pure function of (seed, run, log, evaluator). It carries over
 * from the evaluation's earlier runs unless this run drew the datapoint afresh (`SuiteHistory`); an evaluator
 * erroring or judging nothing is this run's.
 */
export function judgment(
  model: HumanloopModel,
  run: HumanloopRun,
  index: number,
  evaluator: HumanloopEvaluator,
): { value: unknown; error: string | null } {
  const roll = rngFor(model.seed, 'humanloop', 'judgment', run.seq, index, evaluator.versionId).float()
  if (roll < 0.02) return { value: null, error: 'Evaluator raised: rate limited by model provider' }
  if (roll < 0.05) return { value: null, error: null }
  const { by, random } = model.history.draw(run, index, evaluator.versionId)
  switch (evaluator.kind) {
    case 'numeric':
      return { value: round(random.unitAround(by.quality, 0.2) * 10, 1), error: null }
    case 'boolean':
      return { value: random.chance(by.quality), error: null }
    case 'select':
      return { value: random.chance(by.quality) ? TONES[0] : random.pick(TONES), error: null }
    default:
      return {
        value: random.pick(['Looks right.', 'Too long.', 'Missing citation.', 'Good tone.']),
        error: null,
      }
  }
}

export function evaluatorStats(
  model: HumanloopModel,
  run: HumanloopRun,
  evaluator: HumanloopEvaluator,
  nowMs: number,
) {
  const count = model.generatedLogs(run, nowMs)
  let nulls = 0
  let errors = 0
  const values: unknown[] = []
  for (let index = 0; index < count; index++) {
    const { value, error } = judgment(model, run, index, evaluator)
    if (error) errors++
    else if (value === null) nulls++
    else values.push(value)
  }
  const common = {
    evaluator_version_id: evaluator.versionId,
    total_logs: count,
    num_judgments: values.length,
    num_nulls: nulls,
    num_errors: errors,
  } satisfies TextEvaluatorStats
  switch (evaluator.kind) {
    case 'numeric': {
      const numbers = (values as number[]).slice().sort((a, b) => a - b)
      const average = mean(numbers)
      const sum = numbers.reduce((total, value) => total + value, 0)
      const std =
        average === null
          ? null
          : Math.sqrt(numbers.reduce((total, value) => total + (value - average) ** 2, 0) / numbers.length)
      const percentile = (p: number) =>
        numbers[Math.min(numbers.length - 1, Math.floor((p / 100) * numbers.length))]!
      return {
        ...common,
        mean: average === null ? null : round(average, 3),
        sum: numbers.length ? round(sum, 3) : null,
        std: std === null ? null : round(std, 3),
        percentiles: numbers.length
          ? { '25': percentile(25), '50': percentile(50), '75': percentile(75) }
          : {},
      } satisfies NumericEvaluatorStats
    }
    case 'boolean':
      return {
        ...common,
        num_true: values.filter((v) => v === true).length,
        num_false: values.filter((v) => v === false).length,
      } satisfies BooleanEvaluatorStats
    case 'select':
      return {
        ...common,
        num_judgments_per_option: Object.fromEntries(
          TONES.map((tone) => [tone, values.filter((v) => v === tone).length]),
        ),
      } satisfies SelectEvaluatorStats
    default:
      return common
  }
}

export function evaluatorView(evaluator: HumanloopEvaluator) {
  return {
    path: evaluator.path,
    id: evaluator.id,
    name: evaluator.path.split('/').at(-1)!,
    version_id: evaluator.versionId,
    type: 'evaluator' as const,
    spec: {
      arguments_type: 'target_required',
      return_type: evaluator.kind === 'numeric' ? 'number' : evaluator.kind,
      evaluator_type: 'llm',
      ...(evaluator.kind === 'select' ? { options: TONES.map((name) => ({ name })) } : {}),
    },
    directory_id: null,
    description: null,
    version_name: null,
    version_description: null,
    tags: [],
    created_at: iso(evaluator.createdMs),
    updated_at: iso(evaluator.createdMs),
    last_used_at: iso(evaluator.createdMs),
    created_by: null,
    version_logs_count: 0,
    total_logs_count: 0,
    inputs: [{ name: 'answer' }],
  } satisfies Evaluator
}

export function datasetView(dataset: HumanloopDataset) {
  return {
    path: dataset.path,
    id: dataset.id,
    name: dataset.path.split('/').at(-1)!,
    version_id: dataset.versionId,
    type: 'dataset' as const,
    directory_id: null,
    description: null,
    version_name: 'v1',
    version_description: null,
    tags: [],
    created_at: iso(dataset.createdMs),
    updated_at: iso(dataset.createdMs),
    last_used_at: iso(dataset.createdMs),
    created_by: null,
    datapoints_count: dataset.datapoints,
  } satisfies Dataset
}

export function fileVersionView(file: HumanloopFile) {
  return {
    path: file.path,
    id: file.id,
    name: file.path.split('/').at(-1)!,
    version_id: file.versionId,
    type: 'prompt' as const,
    directory_id: null,
    description: null,
    version_name: 'v1',
    version_description: null,
    tags: [],
    created_at: iso(file.createdMs),
    updated_at: iso(file.createdMs),
    last_used_at: iso(file.createdMs),
    created_by: null,
    version_logs_count: 0,
  } satisfies RunVersion
}

export function runView(
  model: HumanloopModel,
  run: HumanloopRun,
  evaluation: HumanloopEvaluation,
  nowMs: number,
) {
  const added = evaluation.runs.find((entry) => entry.runId === run.id)
  return {
    id: run.id,
    dataset: run.datasetId ? datasetView(model.datasets.get(run.datasetId)!) : null,
    version: run.fileId ? fileVersionView(model.files.get(run.fileId)!) : null,
    orchestrated: run.orchestrated,
    added_at: iso(added?.addedMs ?? run.createdMs),
    created_at: iso(run.createdMs),
    created_by: { id: 'usr_sandbox', email_address: 'sandbox@example.com', full_name: 'Sandbox User' },
    status: model.status(run, nowMs),
    control: evaluation.controlRunId === run.id,
  } satisfies EvaluationRun
}

export function evaluationView(model: HumanloopModel, evaluation: HumanloopEvaluation) {
  return {
    id: evaluation.id,
    runs_count: evaluation.runs.length,
    evaluators: evaluation.evaluators.map(
      (entry) =>
        ({
          version: evaluatorView(model.evaluators.get(entry.versionId)!),
          orchestrated: entry.orchestrated,
          added_at: iso(entry.addedMs),
        }) satisfies EvaluationEvaluator,
    ),
    name: evaluation.name,
    file_id: evaluation.fileId,
    created_at: iso(evaluation.createdMs),
    created_by: null,
    updated_at: iso(evaluation.updatedMs),
    url: `https://app.humanloop.com/evaluations/${evaluation.id}`,
  } satisfies Evaluation
}

export function logView(
  model: HumanloopModel,
  run: HumanloopRun,
  index: number,
  evaluation: HumanloopEvaluation,
) {
  const dataset = run.datasetId ? model.datasets.get(run.datasetId)! : null
  const question = QUESTIONS[(index + (dataset?.offset ?? 0)) % QUESTIONS.length]!
  const logId = `log_${run.seq.toString(36)}_${index}`
  const createdMs = run.createdMs + 2_000 + (index + 1) * 500
  const evaluatorLogs = evaluation.evaluators.map((entry) => {
    const evaluator = model.evaluators.get(entry.versionId)!
    const { value, error } = judgment(model, run, index, evaluator)
    return {
      id: `${logId}_${evaluator.versionId.slice(4, 10)}`,
      evaluator_logs: [],
      output: error ? null : JSON.stringify(value),
      error,
      created_at: iso(createdMs),
      log_status: 'complete',
      parent_id: logId,
      evaluator: { id: evaluator.id, version_id: evaluator.versionId, path: evaluator.path },
      judgment: value,
    } satisfies Log
  })
  const datapointId = dataset ? `dp_${dataset.id.slice(3, 11)}${index}` : null
  const log = {
    id: logId,
    evaluator_logs: evaluatorLogs,
    output: `Here is how: ${question.replace(/\?$/, '').toLowerCase()} — step by step.`,
    error: null,
    created_at: iso(createdMs),
    start_time: iso(createdMs - 400),
    end_time: iso(createdMs),
    log_status: 'complete',
    source_datapoint_id: datapointId,
    trace_parent_id: null,
    inputs: { question },
    metadata: { run_id: run.id },
    environment: null,
    prompt: run.fileId ? { id: run.fileId, version_id: model.files.get(run.fileId)!.versionId } : {},
  } satisfies Log
  return {
    run_id: run.id,
    datapoint: datapointId
      ? {
          id: datapointId,
          inputs: { question },
          messages: null,
          target: { answer: `Reference answer for: ${question}` },
        }
      : null,
    log,
    evaluator_logs: evaluatorLogs,
  } satisfies EvaluationLog
}

export function externalLogView(run: HumanloopRun, logId: string) {
  return {
    run_id: run.id,
    datapoint: null,
    log: { id: logId, evaluator_logs: [], log_status: 'complete' },
    evaluator_logs: [],
  } satisfies EvaluationLog
}
