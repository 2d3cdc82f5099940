/**
 * One evaluation of a run in Phoenix's experiment JSON export. Phoenix's spec gives the export no schema (it
 * declares a text/plain string); these fields are what its server writes (specs/phoenix/source.json says where).
 */
export interface PhoenixExportAnnotation {
  name: string
  annotator_kind?: string | null
  label?: string | null
  score?: number | null
  explanation?: string | null
  trace_id?: string | null
  /** Set when the evaluator itself failed. */
  error?: string | null
  metadata?: Record<string, unknown> | null
  start_time?: string | null
  end_time?: string | null
}

/** One run (a dataset example at one repetition) in the export, with its evaluations. */
export interface PhoenixExportRecord {
  example_id: string
  repetition_number: number
  input?: unknown
  reference_output?: unknown
  output?: unknown
  /** Set when the task failed on this example. */
  error?: string | null
  latency_ms?: number | null
  start_time?: string | null
  end_time?: string | null
  trace_id?: string | null
  prompt_token_count?: number | null
  completion_token_count?: number | null
  annotations: PhoenixExportAnnotation[]
}

/** The export read whole: its records, or what is wrong with it (the first problem, with where). */
export type ExportReading = { records: PhoenixExportRecord[] } | { problem: string }

/**
 * Checks a parsed export against the shape above: an array of records each with a string `example_id`, a whole
 * `repetition_number` of 1 or more and an `annotations` array whose entries have a string `name`; optional fields,
 * when present, of their documented types. Anything else is a problem, never a guess.
 */
export function readExportRecords(body: unknown): ExportReading {
  if (!Array.isArray(body))
    return { problem: `a ${describe(body)} where an array of run records was expected` }
  for (const [index, record] of body.entries()) {
    const problem = recordProblem(record)
    if (problem !== null) return { problem: `record ${index}: ${problem}` }
  }
  return { records: body as PhoenixExportRecord[] }
}

function recordProblem(record: unknown): string | null {
  if (!isObject(record)) return `a ${describe(record)} where a run record object was expected`
  if (typeof record.example_id !== 'string' || record.example_id === '')
    return 'example_id is not a non-empty string'
  const repetition = record.repetition_number
  if (typeof repetition !== 'number' || !Number.isInteger(repetition) || repetition < 1)
    return 'repetition_number is not a whole number of 1 or more'
  for (const field of ['error', 'start_time', 'end_time', 'trace_id'] as const) {
    if (!optional(record[field], 'string')) return `${field} is neither a string nor null`
  }
  for (const field of ['latency_ms', 'prompt_token_count', 'completion_token_count'] as const) {
    if (!optional(record[field], 'number')) return `${field} is neither a number nor null`
  }
  if (!Array.isArray(record.annotations)) return 'annotations is not an array'
  for (const [index, annotation] of record.annotations.entries()) {
    const problem = annotationProblem(annotation)
    if (problem !== null) return `annotation ${index}: ${problem}`
  }
  return null
}

function annotationProblem(annotation: unknown): string | null {
  if (!isObject(annotation)) return `a ${describe(annotation)} where an annotation object was expected`
  if (typeof annotation.name !== 'string' || annotation.name === '') return 'name is not a non-empty string'
  for (const field of ['annotator_kind', 'label', 'explanation', 'error', 'trace_id'] as const) {
    if (!optional(annotation[field], 'string')) return `${field} is neither a string nor null`
  }
  if (!optional(annotation.score, 'number')) return 'score is neither a number nor null'
  return null
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const optional = (value: unknown, type: 'string' | 'number') =>
  value === undefined || value === null || typeof value === type

function describe(value: unknown): string {
  if (typeof value === 'symbol') return 'body that is not JSON'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}
