import type { CreateEvalRunRequest } from '@evalrun/openai'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import { rejectUnknownKeys, requireNonEmptyString, requireObject } from '../../core/validate.js'
import type { OpenAIStartInput } from './types.js'

const KEYS = ['vendor', 'evalId', 'dataSource', 'name', 'metadata'] as const

// Per data-source type: the keys it takes and the sources it reads (OpenAI's CreateEval*RunDataSource).
const DATA_SOURCES: Record<string, { keys: readonly string[]; sources: readonly string[] }> = {
  jsonl: { keys: ['type', 'source'], sources: ['file_content', 'file_id'] },
  completions: {
    keys: ['type', 'source', 'input_messages', 'model', 'sampling_params'],
    sources: ['file_content', 'file_id', 'stored_completions'],
  },
  responses: {
    keys: ['type', 'source', 'input_messages', 'model', 'sampling_params'],
    sources: ['file_content', 'file_id', 'responses'],
  },
}

/**
 * OpenAI's rules for a new run, checked before anything is sent: the eval id, a data source whose type and source
 * type go together, file content as `{ item }` rows or a file id, and metadata within OpenAI's limits. Deeper
 * fields (`input_messages`, `sampling_params`) are typed by the spec and left to OpenAI.
 */
export function validateOpenAIStart(value: unknown): { evalId: string; body: CreateEvalRunRequest } {
  const input = requireObject('input', value) as Partial<OpenAIStartInput>
  rejectUnknownKeys('input', input, KEYS)
  const evalId = requireNonEmptyString('input.evalId', input.evalId, 200)
  const body: CreateEvalRunRequest = { data_source: dataSource(input.dataSource) }
  if (input.name !== undefined) body.name = requireNonEmptyString('input.name', input.name, 512)
  if (input.metadata !== undefined) body.metadata = metadata(input.metadata)
  return { evalId, body }
}

function dataSource(value: unknown): CreateEvalRunRequest['data_source'] {
  const field = 'input.dataSource'
  const source = requireObject(field, value)
  const kind = typeof source.type === 'string' ? DATA_SOURCES[source.type] : undefined
  if (kind === undefined || !Object.hasOwn(DATA_SOURCES, String(source.type))) {
    throw new EvalrunInvalidInputError({
      field: `${field}.type`,
      value: source.type,
      expected: `one of ${Object.keys(DATA_SOURCES).join(', ')}`,
    })
  }
  rejectUnknownKeys(field, source, kind.keys)
  const from = requireObject(`${field}.source`, source.source)
  if (typeof from.type !== 'string' || !kind.sources.includes(from.type)) {
    throw new EvalrunInvalidInputError({
      field: `${field}.source.type`,
      value: from.type,
      expected: `for a ${String(source.type)} data source, one of ${kind.sources.join(', ')}`,
    })
  }
  if (from.type === 'file_id') requireNonEmptyString(`${field}.source.id`, from.id, 200)
  if (from.type === 'file_content') fileContent(`${field}.source.content`, from.content)
  return source as unknown as CreateEvalRunRequest['data_source']
}

function fileContent(field: string, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) {
    throw new EvalrunInvalidInputError({
      field,
      value,
      expected: 'a non-empty array of { item, sample? } rows',
    })
  }
  for (const [index, row] of value.entries()) {
    const item = requireObject(`${field}[${index}]`, row).item
    requireObject(`${field}[${index}].item`, item)
  }
}

/** OpenAI's metadata limits: at most 16 pairs, keys up to 64 characters, values strings up to 512. */
function metadata(value: unknown): Record<string, string> {
  const field = 'input.metadata'
  const record = requireObject(field, value)
  const entries = Object.entries(record)
  if (entries.length > 16) {
    throw new EvalrunInvalidInputError({ field, value, expected: 'at most 16 key-value pairs' })
  }
  for (const [key, entry] of entries) {
    if (key.length > 64 || typeof entry !== 'string' || entry.length > 512) {
      throw new EvalrunInvalidInputError({
        field: `${field}.${key}`,
        value: entry,
        expected: 'a string of at most 512 characters, under a key of at most 64',
      })
    }
  }
  return record as Record<string, string>
}
