import type { CreateRunRequest } from '@evalrun/humanloop'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import {
  optionalBoolean,
  rejectUnknownKeys,
  requireNonEmptyString,
  requireObject,
} from '../../core/validate.js'
import type { HumanloopStartInput } from './types.js'

const KEYS = ['vendor', 'evaluationId', 'dataset', 'version', 'orchestrated', 'useExistingLogs'] as const
type FileTarget = NonNullable<CreateRunRequest['dataset']>

/**
 * Humanloop's rules for a new run: an orchestrated run (the default) needs `dataset` and `version`, so does
 * `useExistingLogs`. Returns the evaluation id and the request body.
 */
export function validateHumanloopStart(value: unknown): { evaluationId: string; body: CreateRunRequest } {
  const input = requireObject('input', value) as Partial<HumanloopStartInput>
  rejectUnknownKeys('input', input, KEYS)
  const evaluationId = requireNonEmptyString('input.evaluationId', input.evaluationId, 200)
  const orchestrated = optionalBoolean('input.orchestrated', input.orchestrated)
  const useExistingLogs = optionalBoolean('input.useExistingLogs', input.useExistingLogs)
  const dataset = fileTarget('input.dataset', input.dataset)
  const version = fileTarget('input.version', input.version)
  const reason =
    orchestrated !== false
      ? 'an orchestrated run (the default) needs it'
      : useExistingLogs
        ? 'useExistingLogs needs it'
        : null
  if (reason !== null && dataset === undefined) {
    throw new EvalrunInvalidInputError({
      field: 'input.dataset',
      value: undefined,
      expected: `a dataset: ${reason}`,
    })
  }
  if (reason !== null && version === undefined) {
    throw new EvalrunInvalidInputError({
      field: 'input.version',
      value: undefined,
      expected: `a version: ${reason}`,
    })
  }
  const body: CreateRunRequest = {}
  if (dataset !== undefined) body.dataset = dataset
  if (version !== undefined) body.version = version
  if (orchestrated !== undefined) body.orchestrated = orchestrated
  if (useExistingLogs !== undefined) body.use_existing_logs = useExistingLogs
  return { evaluationId, body }
}

function fileTarget(field: string, value: unknown): FileTarget | undefined {
  if (value === undefined) return undefined
  const expected = '{ versionId }, { fileId, environment? } or { path, environment? }'
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EvalrunInvalidInputError({ field, value, expected })
  }
  const target = value as Record<string, unknown>
  const keys = ['versionId', 'fileId', 'path'].filter((key) => target[key] !== undefined)
  if (keys.length !== 1) throw new EvalrunInvalidInputError({ field, value, expected })
  const environment =
    target.environment === undefined
      ? undefined
      : requireNonEmptyString(`${field}.environment`, target.environment, 200)
  if (target.versionId !== undefined) {
    if (environment !== undefined)
      throw new EvalrunInvalidInputError({
        field: `${field}.environment`,
        value: environment,
        expected: 'no environment with a versionId',
      })
    return { version_id: requireNonEmptyString(`${field}.versionId`, target.versionId, 200) }
  }
  const base =
    target.fileId !== undefined
      ? { id: requireNonEmptyString(`${field}.fileId`, target.fileId, 200) }
      : { path: requireNonEmptyString(`${field}.path`, target.path, 1000) }
  return environment === undefined ? base : { ...base, environment }
}
