import type { EvalLaunchRequest, FunctionId } from '@evalrun/braintrust'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import {
  rejectUnknownKeys,
  requireNonEmptyString,
  requireObject,
  requirePositiveInteger,
} from '../../core/validate.js'
import type { BraintrustStartInput } from './types.js'

const KEYS = [
  'vendor',
  'projectId',
  'data',
  'task',
  'scores',
  'experimentName',
  'baseExperimentId',
  'baseExperimentName',
  'metadata',
  'tags',
  'trialCount',
  'maxConcurrency',
  'maxDurationMs',
] as const

/** The forms of Braintrust's `FunctionId`: the string fields each one requires. */
const FUNCTION_FORMS: readonly (readonly string[])[] = [
  ['function_id'],
  ['project_name', 'slug'],
  ['global_function'],
  ['prompt_session_id', 'prompt_session_function_id'],
  ['code'],
  ['inline_function'],
  ['inline_prompt'],
]
const FUNCTION_FORMS_SAID =
  '{ function_id }, { project_name, slug }, { global_function }, { prompt_session_id, prompt_session_function_id }, { inline_context, code }, { inline_function } or { inline_prompt }'

/**
 * Braintrust's rules for an eval launch, checked before anything is sent: a project id, data in one of its three
 * forms, a task and at least one scorer each naming a function in one of `FunctionId`'s forms, and well-formed
 * options. The body asks for the streamed answer (`stream: true`), so that `start` can return once the experiment
 * exists. Deeper fields (prompt data, inline code) are typed by the spec and left to Braintrust.
 */
export function validateBraintrustStart(value: unknown): EvalLaunchRequest {
  const input = requireObject('input', value) as Partial<BraintrustStartInput>
  rejectUnknownKeys('input', input, KEYS)
  const body: EvalLaunchRequest = {
    project_id: requireNonEmptyString('input.projectId', input.projectId, 200),
    data: data(input.data),
    task: functionId('input.task', input.task),
    scores: scores(input.scores),
    stream: true,
  }
  if (input.experimentName !== undefined)
    body.experiment_name = requireNonEmptyString('input.experimentName', input.experimentName, 1_000)
  if (input.baseExperimentId !== undefined)
    body.base_experiment_id = requireNonEmptyString('input.baseExperimentId', input.baseExperimentId, 200)
  if (input.baseExperimentName !== undefined)
    body.base_experiment_name = requireNonEmptyString(
      'input.baseExperimentName',
      input.baseExperimentName,
      1_000,
    )
  if (input.metadata !== undefined) body.metadata = requireObject('input.metadata', input.metadata)
  if (input.tags !== undefined) body.tags = tags(input.tags)
  if (input.trialCount !== undefined)
    body.trial_count = requirePositiveInteger('input.trialCount', input.trialCount)
  if (input.maxConcurrency !== undefined)
    body.max_concurrency = requirePositiveInteger('input.maxConcurrency', input.maxConcurrency)
  if (input.maxDurationMs !== undefined) body.timeout = positiveMs('input.maxDurationMs', input.maxDurationMs)
  return body
}

function data(value: unknown): EvalLaunchRequest['data'] {
  const field = 'input.data'
  const given = requireObject(field, value)
  if ('dataset_id' in given) requireNonEmptyString(`${field}.dataset_id`, given.dataset_id, 200)
  else if ('project_name' in given || 'dataset_name' in given) {
    requireNonEmptyString(`${field}.project_name`, given.project_name, 1_000)
    requireNonEmptyString(`${field}.dataset_name`, given.dataset_name, 1_000)
  } else if ('data' in given) {
    if (!Array.isArray(given.data) || given.data.length === 0) {
      throw new EvalrunInvalidInputError({
        field: `${field}.data`,
        value: given.data,
        expected: 'a non-empty array of rows such as { input, expected }',
      })
    }
  } else {
    throw new EvalrunInvalidInputError({
      field,
      value,
      expected: '{ dataset_id }, { project_name, dataset_name } or { data: [rows] }',
    })
  }
  return given as EvalLaunchRequest['data']
}

function functionId(field: string, value: unknown): FunctionId {
  const given = requireObject(field, value)
  const form = FUNCTION_FORMS.find((keys) => keys.every((key) => key in given))
  if (form === undefined) {
    throw new EvalrunInvalidInputError({ field, value, expected: `a function: ${FUNCTION_FORMS_SAID}` })
  }
  for (const key of form) {
    // The inline forms carry objects; the others name the function with strings.
    if (key === 'inline_function' || key === 'inline_prompt') requireObject(`${field}.${key}`, given[key])
    else requireNonEmptyString(`${field}.${key}`, given[key], 10_000_000)
  }
  if (form[0] === 'code') requireObject(`${field}.inline_context`, given.inline_context)
  return given as FunctionId
}

function scores(value: unknown): FunctionId[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new EvalrunInvalidInputError({
      field: 'input.scores',
      value,
      expected: `a non-empty array of scorer functions (${FUNCTION_FORMS_SAID})`,
    })
  }
  return value.map((scorer, index) => functionId(`input.scores[${index}]`, scorer))
}

function tags(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string' || tag === '')) {
    throw new EvalrunInvalidInputError({
      field: 'input.tags',
      value,
      expected: 'an array of non-empty strings',
    })
  }
  return value as string[]
}

function positiveMs(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new EvalrunInvalidInputError({ field, value, expected: 'a positive number of milliseconds' })
  }
  return value
}
