import type { Dataset, DatasetExample, Experiment, ExperimentRun } from '@evalrun/phoenix'
import { QUESTIONS } from '../../names.js'
import { rngFor } from '../../prng.js'
import {
  EVALUATION_MS,
  globalId,
  iso,
  type PhoenixDataset,
  type PhoenixExperiment,
  type PhoenixModel,
  type RunSlot,
} from './model.js'

// How Phoenix's state answers: its JSON, computed from the seeded plan and the sandbox clock.

export function datasetView(dataset: PhoenixDataset) {
  return {
    id: dataset.id,
    name: dataset.name,
    description: dataset.description,
    metadata: {},
    created_at: iso(dataset.createdMs),
    updated_at: iso(dataset.createdMs),
    example_count: dataset.exampleIds.length,
  } satisfies Dataset
}

export function exampleView(dataset: PhoenixDataset, index: number) {
  const question = QUESTIONS[(dataset.rowId + index) % QUESTIONS.length]!
  return {
    id: dataset.exampleIds[index]!,
    node_id: dataset.exampleIds[index]!,
    input: { question },
    output: { answer: `Reference answer ${index + 1} of ${dataset.name}` },
    metadata: {},
    updated_at: iso(dataset.createdMs),
  } satisfies DatasetExample
}

/** The experiment as Phoenix counts it at `nowMs`: runs recorded (with and without error) and runs missing. */
export function experimentView(model: PhoenixModel, experiment: PhoenixExperiment, nowMs: number) {
  const runs = model.recordedRuns(experiment, nowMs)
  const failed = runs.filter((slot) => model.runError(experiment, slot.index) !== null).length
  const dataset = model.dataset(experiment)
  return {
    id: experiment.id,
    dataset_id: experiment.datasetId,
    dataset_version_id: dataset.versionId,
    name: experiment.name,
    description: experiment.description,
    repetitions: experiment.repetitions,
    metadata: { model: experiment.model },
    project_name: `Experiment-${experiment.rowId}`,
    created_at: iso(experiment.createdMs),
    updated_at: iso(model.updatedMs(experiment, nowMs)),
    example_count: dataset.exampleIds.length,
    successful_run_count: runs.length - failed,
    failed_run_count: failed,
    missing_run_count: model.expectedRuns(experiment) - runs.length,
  } satisfies Experiment
}

export function runId(experiment: PhoenixExperiment, slot: RunSlot): string {
  return globalId('ExperimentRun', experiment.rowId * 10_000 + slot.index + 1)
}

function outputOf(model: PhoenixModel, experiment: PhoenixExperiment, slot: RunSlot): string | null {
  if (model.runError(experiment, slot.index) !== null) return null
  const random = rngFor(model.seed, 'phoenix', 'output', experiment.rowId, slot.index)
  return `${experiment.model} answer ${slot.example + 1}.${slot.repetition} (${random.hex(6)})`
}

export function runView(model: PhoenixModel, experiment: PhoenixExperiment, slot: RunSlot) {
  const dataset = model.dataset(experiment)
  return {
    id: runId(experiment, slot),
    experiment_id: experiment.id,
    dataset_example_id: dataset.exampleIds[slot.example]!,
    repetition_number: slot.repetition,
    output: outputOf(model, experiment, slot),
    start_time: iso(model.runStartMs(experiment, slot.index)),
    end_time: iso(model.runEndMs(experiment, slot.index)),
    trace_id: rngFor(model.seed, 'phoenix', 'trace', experiment.rowId, slot.index).hex(32),
    error: model.runError(experiment, slot.index),
  } satisfies ExperimentRun
}

/**
 * One record of the experiment JSON export, as Phoenix's server writes it (its spec gives the export no schema:
 * it declares a text/plain string; specs/phoenix/source.json lists the fields).
 */
export interface ExportRecord {
  example_id: string
  repetition_number: number
  input: Record<string, unknown>
  reference_output: Record<string, unknown>
  output: unknown
  error: string | null
  latency_ms: number
  start_time: string
  end_time: string
  trace_id: string | null
  prompt_token_count: number | null
  completion_token_count: number | null
  annotations: Array<{
    name: string
    annotator_kind: 'LLM' | 'CODE' | 'HUMAN'
    label: string | null
    score: number | null
    explanation: string | null
    trace_id: string | null
    error: string | null
    metadata: Record<string, unknown>
    start_time: string
    end_time: string
  }>
}

export function exportRecord(
  model: PhoenixModel,
  experiment: PhoenixExperiment,
  slot: RunSlot,
  nowMs: number,
) {
  const dataset = model.dataset(experiment)
  const run = runView(model, experiment, slot)
  const example = exampleView(dataset, slot.example)
  const evaluatedMs = model.runEndMs(experiment, slot.index) + EVALUATION_MS
  const annotations: ExportRecord['annotations'] = []
  for (const name of dataset.evaluators) {
    const outcome = model.evaluation(experiment, slot.index, name, nowMs)
    if (outcome.kind === 'missing') continue
    annotations.push({
      name,
      annotator_kind: name === 'correctness' ? 'LLM' : 'CODE',
      label: outcome.kind === 'scored' ? outcome.label : null,
      score: outcome.kind === 'scored' ? outcome.score : null,
      explanation: outcome.kind === 'scored' ? outcome.explanation : null,
      trace_id: null,
      error: outcome.kind === 'error' ? outcome.message : null,
      metadata: {},
      start_time: iso(evaluatedMs - 200),
      end_time: iso(evaluatedMs),
    })
  }
  const tokens =
    run.error === null ? rngFor(model.seed, 'phoenix', 'tokens', experiment.rowId, slot.index) : null
  return {
    example_id: run.dataset_example_id,
    repetition_number: run.repetition_number,
    input: example.input,
    reference_output: example.output,
    output: run.output,
    error: run.error,
    latency_ms: model.runEndMs(experiment, slot.index) - model.runStartMs(experiment, slot.index),
    start_time: run.start_time,
    end_time: run.end_time,
    trace_id: run.trace_id,
    prompt_token_count: tokens === null ? null : tokens.int(40, 400),
    completion_token_count: tokens === null ? null : tokens.int(10, 200),
    annotations,
  } satisfies ExportRecord
}
