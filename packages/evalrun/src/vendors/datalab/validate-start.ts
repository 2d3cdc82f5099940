import type { StartBatchRunRequest } from '@evalrun/datalab'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import {
  optionalPositiveInteger,
  rejectUnknownKeys,
  requireNonEmptyString,
  requireObject,
  requirePositiveInteger,
} from '../../core/validate.js'
import type { DatalabStartInput } from './types.js'

const KEYS = [
  'vendor',
  'collectionId',
  'rubricId',
  'pipelineType',
  'pipelineId',
  'pageSchema',
  'segmentationSchema',
  'outputFormat',
] as const
const PIPELINE_TYPES = ['convert', 'extract', 'segment']

/**
 * Checks Datalab's rules that its schema states only in prose (extract needs a page schema, segment a
 * segmentation schema, standard pipelines a rubric) and builds the request body.
 */
export function validateDatalabStart(value: unknown): StartBatchRunRequest {
  const input = requireObject('input', value) as Partial<DatalabStartInput>
  rejectUnknownKeys('input', input, KEYS)
  const collectionId = requirePositiveInteger('input.collectionId', input.collectionId)
  const rubricId = optionalPositiveInteger('input.rubricId', input.rubricId)
  const pipelineType = input.pipelineType ?? 'convert'
  if (!PIPELINE_TYPES.includes(pipelineType)) {
    throw new EvalrunInvalidInputError({
      field: 'input.pipelineType',
      value: input.pipelineType,
      expected: "'convert', 'extract' or 'segment'",
    })
  }
  const pipelineId =
    input.pipelineId === undefined
      ? undefined
      : requireNonEmptyString('input.pipelineId', input.pipelineId, 200)
  if (pipelineId === undefined && rubricId === undefined) {
    throw new EvalrunInvalidInputError({
      field: 'input.rubricId',
      value: undefined,
      expected: 'an eval rubric id: standard pipelines need one (only a custom `pipelineId` can do without)',
    })
  }
  const pageSchema = schemaString('input.pageSchema', input.pageSchema, true)
  const segmentationSchema = schemaString('input.segmentationSchema', input.segmentationSchema, false)
  if (pipelineType === 'extract' && pageSchema === undefined) {
    throw new EvalrunInvalidInputError({
      field: 'input.pageSchema',
      value: undefined,
      expected: "a JSON schema (object or JSON string): pipelineType 'extract' needs one",
    })
  }
  if (pipelineType === 'segment' && segmentationSchema === undefined) {
    throw new EvalrunInvalidInputError({
      field: 'input.segmentationSchema',
      value: undefined,
      expected: "a segmentation schema (object or string): pipelineType 'segment' needs one",
    })
  }
  const body: StartBatchRunRequest = { collection_id: collectionId, pipeline_type: pipelineType }
  if (rubricId !== undefined) body.eval_rubric_id = rubricId
  if (pipelineId !== undefined) body.pipeline_id = pipelineId
  if (pageSchema !== undefined) body.page_schema = pageSchema
  if (segmentationSchema !== undefined) body.segmentation_schema = segmentationSchema
  const outputFormat = outputFormats(input.outputFormat)
  if (outputFormat !== undefined) body.output_format = outputFormat
  return body
}

/** Datalab takes schemas as strings; objects are serialised, strings must already be JSON where JSON is meant. */
function schemaString(field: string, value: unknown, mustBeJson: boolean): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return JSON.stringify(value)
  if (typeof value === 'string' && value.trim() !== '') {
    if (mustBeJson && !isJsonObject(value)) {
      throw new EvalrunInvalidInputError({
        field,
        value,
        expected: 'a JSON schema: an object or a string of JSON object',
      })
    }
    return value
  }
  throw new EvalrunInvalidInputError({ field, value, expected: 'an object or a non-empty string' })
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
  } catch {
    return false
  }
}

function outputFormats(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null
  const formats = parts?.map((part) => (typeof part === 'string' ? part.trim() : ''))
  if (!formats || formats.length === 0 || formats.some((format) => !/^[a-z][a-z0-9_-]*$/i.test(format))) {
    throw new EvalrunInvalidInputError({
      field: 'input.outputFormat',
      value,
      expected: "format names such as 'markdown,json' or ['markdown', 'json']",
    })
  }
  return formats.join(',')
}
