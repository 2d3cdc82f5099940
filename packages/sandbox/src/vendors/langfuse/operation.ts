import type { operations } from '@evalrun/langfuse'
import type { OperationRequest } from '../../http/operation-handlers.js'
import type { Issue, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import type { LangfuseModel } from './model.js'

/** What a handler of Langfuse's operation `Id` is given. */
export type LangfuseRequest<Id extends keyof operations> = OperationRequest<operations[Id]>

export const MAX_LIMIT = 100
export const DEFAULT_LIMIT = 50
export const MAX_SCORE_LIMIT = 50
export const EXPERIMENT_FIELDS = ['core', 'metadata', 'scores']
export const ITEM_FIELDS = [
  'core',
  'dataset',
  'io',
  'metadata',
  'itemMetadata',
  'experimentMetadata',
  'scores',
]

/** Zod's issue shape, which Langfuse's validation errors list under `error`. */
interface ZodIssue {
  code: string
  path: Array<string | number>
  message: string
}

/** Langfuse's error body: `{ message, error? }`; validation errors carry Zod's issues in `error`. */
export function langfuseError(status: number, message: string, error?: string | ZodIssue[]): VendorResponse {
  return { status, body: error === undefined ? { message } : { message, error } }
}

export const invalidRequest = (issues: ZodIssue[]) => langfuseError(400, 'Invalid request data', issues)
export const issue = (path: string, message: string, code = 'custom'): ZodIssue => ({
  code,
  path: [path],
  message,
})

export const langfuseErrors: VendorErrors = {
  unauthorized: () =>
    langfuseError(401, "Invalid credentials. Confirm that you've configured the correct host."),
  notFound: (message) => langfuseError(404, message, 'LangfuseNotFoundError'),
  // Langfuse parses queries with Zod and answers its issues with a 400 (its spec declares 400, not 422).
  invalid: (issues: Issue[]) =>
    invalidRequest(
      issues.map((problem) => ({
        code: problem.type === 'missing' ? 'invalid_type' : 'custom',
        path: problem.loc[0] === 'query' || problem.loc[0] === 'path' ? problem.loc.slice(1) : problem.loc,
        message: problem.type === 'missing' ? 'Required' : problem.msg,
      })),
    ),
  malformedJson: (message) => langfuseError(400, 'Invalid request data', message),
  generic: (status, message) =>
    status === 405
      ? langfuseError(405, message, 'MethodNotAllowedError')
      : status === 429
        ? langfuseError(429, message, 'TooManyRequests')
        : status >= 500
          ? langfuseError(status, 'Internal Server Error', message)
          : langfuseError(status, message),
}

export const ok = (body: unknown): VendorResponse => ({ status: 200, body })

/** `a,b` → ['a', 'b'] (Langfuse's comma-separated list parameters); absent → null. */
export function list(value: unknown): string[] | null {
  if (value === undefined || value === null || value === '') return null
  return String(value)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** A request a handler refuses: thrown by the parsers below, answered by `refusing`. */
export class Refusal {
  constructor(readonly response: VendorResponse) {}
}

export const refusing =
  <Request>(handler: (model: LangfuseModel, request: Request) => VendorResponse) =>
  (model: LangfuseModel, request: Request): VendorResponse => {
    try {
      return handler(model, request)
    } catch (error) {
      if (error instanceof Refusal) return error.response
      throw error
    }
  }

/** Query parameter `name` (one the operation declares) as a limit between 1 and `max`. */
export function limitOf<Query>(
  query: Query,
  name: keyof Query & string,
  max: number,
  fallback: number,
): number {
  const raw = query[name]
  if (raw === undefined || raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Refusal(invalidRequest([issue(name, `Number must be between 1 and ${max}`, 'too_big')]))
  return value
}

export function fieldsOf(
  query: Record<string, unknown>,
  allowed: readonly string[],
  fallback: string[],
): Set<string> {
  const asked = list(query.fields) ?? fallback
  const unknown = asked.find((field) => !allowed.includes(field))
  if (unknown !== undefined) {
    const expected = allowed.map((field) => `'${field}'`).join(' | ')
    throw new Refusal(
      invalidRequest([
        issue(
          'fields',
          `Invalid enum value. Expected ${expected}, received '${unknown}'`,
          'invalid_enum_value',
        ),
      ]),
    )
  }
  return new Set(['core', ...asked])
}

interface Cursor {
  startMs: number
  id: string
}

/** Langfuse's cursor: versioned base64url JSON naming the last row's start and ids. */
export function encodeCursor(startMs: number, id: string, traceId: string, experimentId: string): string {
  const body = {
    v: 1,
    lastStartTimeTo: new Date(startMs).toISOString(),
    lastTraceId: traceId,
    lastId: id,
    lastExperimentId: experimentId,
  }
  return Buffer.from(JSON.stringify(body)).toString('base64url')
}

export function cursorOf(query: Record<string, unknown>): Cursor | null {
  if (query.cursor === undefined || query.cursor === null || query.cursor === '') return null
  try {
    const text = Buffer.from(String(query.cursor), 'base64url').toString('utf8')
    const body = JSON.parse(text) as Record<string, unknown>
    const startMs = Date.parse(String(body.lastStartTimeTo))
    if (body.v === 1 && Number.isFinite(startMs) && typeof body.lastId === 'string')
      return { startMs, id: body.lastId }
  } catch {
    // Refused below, as any other unreadable cursor.
  }
  throw new Refusal(langfuseError(400, 'Invalid cursor format', 'InvalidRequestError'))
}

/** The test a structured filter puts on one column, or null when it puts none. */
type Condition = (column: string) => ((value: string) => boolean) | null

/**
 * Langfuse's `filter`: a JSON array of conditions on the columns each list allows; the sandbox knows string
 * equality (`{ type: 'string', operator: '=' }`) and option lists (`{ type: 'stringOptions', operator: 'any of' |
 * 'none of' }`).
 */
export function filterOf(query: Record<string, unknown>, columns: readonly string[]): Condition {
  if (query.filter === undefined || query.filter === null || query.filter === '') return () => null
  let parsed: unknown
  try {
    parsed = JSON.parse(String(query.filter))
  } catch {
    throw new Refusal(langfuseError(400, 'Invalid JSON in filter parameter', 'InvalidRequestError'))
  }
  const tests = new Map<string, Array<(value: string) => boolean>>()
  for (const condition of Array.isArray(parsed) ? parsed : [null]) {
    const { type, column, operator, value } = (condition ?? {}) as Record<string, unknown>
    let test: ((candidate: string) => boolean) | null = null
    if (typeof column === 'string' && columns.includes(column)) {
      if (type === 'string' && operator === '=' && typeof value === 'string')
        test = (candidate) => candidate === value
      if (type === 'stringOptions' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        if (operator === 'any of') test = (candidate) => value.includes(candidate)
        if (operator === 'none of') test = (candidate) => !value.includes(candidate)
      }
    }
    if (test === null || typeof column !== 'string') {
      const expected = `Expected conditions on ${columns.join(', ')} (string '=' or stringOptions 'any of' / 'none of')`
      throw new Refusal(invalidRequest([issue('filter', expected)]))
    }
    tests.set(column, [...(tests.get(column) ?? []), test])
  }
  return (column) => {
    const all = tests.get(column)
    return all === undefined ? null : (candidate) => all.every((test) => test(candidate))
  }
}

export function timeOf<Query>(query: Query, name: keyof Query & string, fallback: number): number {
  const raw = query[name]
  return raw === undefined || raw === null || raw === '' ? fallback : Date.parse(String(raw))
}

/** Keeps a value when the list parameter and the structured filter on its column both allow it. */
export const allows = (
  values: string[] | null,
  condition: ((value: string) => boolean) | null,
  value: string,
) => (values === null || values.includes(value)) && (condition === null || condition(value))

/** Rows after the cursor, newest first by start, ties by id (larger first): what a page continues from. */
export function afterCursor<T extends { startMs: number; id: string }>(
  rows: T[],
  cursor: Cursor | null,
): T[] {
  rows.sort((a, b) => b.startMs - a.startMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  if (cursor === null) return rows
  return rows.filter(
    (row) => row.startMs < cursor.startMs || (row.startMs === cursor.startMs && row.id < cursor.id),
  )
}
