import type { ScoreConfigsPage } from '@evalrun/langfuse'
import type { Issue, OperationInput, VendorApp, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { type ExperimentWindow, type LangfuseExperiment, LangfuseModel } from './model.js'

const MAX_LIMIT = 100
const DEFAULT_LIMIT = 50
const MAX_SCORE_LIMIT = 50
const EXPERIMENT_FIELDS = ['core', 'metadata', 'scores']
const ITEM_FIELDS = ['core', 'dataset', 'io', 'metadata', 'itemMetadata', 'experimentMetadata', 'scores']

/** Zod's issue shape, which Langfuse's validation errors list under `error`. */
interface ZodIssue {
  code: string
  path: Array<string | number>
  message: string
}

/** Langfuse's error body: `{ message, error? }`; validation errors carry Zod's issues in `error`. */
function langfuseError(status: number, message: string, error?: string | ZodIssue[]): VendorResponse {
  return { status, body: error === undefined ? { message } : { message, error } }
}

const invalidRequest = (issues: ZodIssue[]) => langfuseError(400, 'Invalid request data', issues)
const issue = (path: string, message: string, code = 'custom'): ZodIssue => ({ code, path: [path], message })

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

const ok = (body: unknown): VendorResponse => ({ status: 200, body })

/** `a,b` → ['a', 'b'] (Langfuse's comma-separated list parameters); absent → null. */
function list(value: unknown): string[] | null {
  if (value === undefined || value === null || value === '') return null
  return String(value)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** A request a handler refuses: thrown by the parsers below, answered by `refusing`. */
class Refusal {
  constructor(readonly response: VendorResponse) {}
}

const refusing =
  (handler: (input: OperationInput) => VendorResponse) =>
  (input: OperationInput): VendorResponse => {
    try {
      return handler(input)
    } catch (error) {
      if (error instanceof Refusal) return error.response
      throw error
    }
  }

function limitOf(query: Record<string, unknown>, name: string, max: number, fallback: number): number {
  const raw = query[name]
  if (raw === undefined || raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Refusal(invalidRequest([issue(name, `Number must be between 1 and ${max}`, 'too_big')]))
  return value
}

function fieldsOf(
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
function encodeCursor(startMs: number, id: string, traceId: string, experimentId: string): string {
  const body = {
    v: 1,
    lastStartTimeTo: new Date(startMs).toISOString(),
    lastTraceId: traceId,
    lastId: id,
    lastExperimentId: experimentId,
  }
  return Buffer.from(JSON.stringify(body)).toString('base64url')
}

function cursorOf(query: Record<string, unknown>): Cursor | null {
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
function filterOf(query: Record<string, unknown>, columns: readonly string[]): Condition {
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

function timeOf(query: Record<string, unknown>, name: string, fallback: number): number {
  const raw = query[name]
  return raw === undefined || raw === null || raw === '' ? fallback : Date.parse(String(raw))
}

/** Keeps a value when the list parameter and the structured filter on its column both allow it. */
const allows = (values: string[] | null, condition: ((value: string) => boolean) | null, value: string) =>
  (values === null || values.includes(value)) && (condition === null || condition(value))

/** Rows after the cursor, newest first by start, ties by id (larger first): what a page continues from. */
function afterCursor<T extends { startMs: number; id: string }>(rows: T[], cursor: Cursor | null): T[] {
  rows.sort((a, b) => b.startMs - a.startMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  if (cursor === null) return rows
  return rows.filter(
    (row) => row.startMs < cursor.startMs || (row.startMs === cursor.startMs && row.id < cursor.id),
  )
}

export function createLangfuseApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: LangfuseModel } {
  const model = new LangfuseModel(seed, suites, runs, nowMs)

  const handlers: Record<string, (input: OperationInput) => VendorResponse> = {
    // Newest first by (clipped) start; an experiment is listed when an item of it started in the range.
    experiments_list: refusing(({ query, nowMs }) => {
      const limit = limitOf(query, 'limit', MAX_LIMIT, DEFAULT_LIMIT)
      const scoreLimit = limitOf(query, 'scoreLimit', MAX_SCORE_LIMIT, MAX_SCORE_LIMIT)
      const fields = fieldsOf(query, EXPERIMENT_FIELDS, ['core'])
      const cursor = cursorOf(query)
      const filter = filterOf(query, ['id', 'name', 'datasetId'])
      const fromMs = timeOf(query, 'fromStartTime', 0)
      const toMs = timeOf(query, 'toStartTime', Number.POSITIVE_INFINITY)
      const [ids, names, datasetIds] = [list(query.id), list(query.name), list(query.datasetId)]
      const rows: Array<{
        startMs: number
        id: string
        experiment: LangfuseExperiment
        window: ExperimentWindow
      }> = []
      for (const experiment of model.experiments.values()) {
        if (
          !allows(ids, filter('id'), experiment.id) ||
          !allows(names, filter('name'), experiment.name) ||
          !allows(datasetIds, filter('datasetId'), experiment.datasetId)
        )
          continue
        const window = model.window(experiment, fromMs, toMs, nowMs)
        if (window !== null) rows.push({ startMs: window.startMs, id: experiment.id, experiment, window })
      }
      const remaining = afterCursor(rows, cursor)
      const page = remaining.slice(0, limit)
      const last = page.at(-1)
      return ok({
        data: page.map(({ experiment, window }) =>
          model.experimentView(experiment, window, fields, nowMs, scoreLimit),
        ),
        meta:
          remaining.length > limit && last
            ? { cursor: encodeCursor(last.startMs, last.id, model.traceId(last.experiment, 0), last.id) }
            : {},
      })
    }),

    // Every item (root observation) of the matching experiments started in the range, newest first.
    experiments_listItems: refusing(({ query, nowMs }) => {
      const limit = limitOf(query, 'limit', MAX_LIMIT, DEFAULT_LIMIT)
      const scoreLimit = limitOf(query, 'scoreLimit', MAX_SCORE_LIMIT, MAX_SCORE_LIMIT)
      const fields = fieldsOf(query, ITEM_FIELDS, ['core', 'dataset'])
      const cursor = cursorOf(query)
      const filter = filterOf(query, ['experimentId', 'experimentName', 'experimentItemId', 'datasetId'])
      const fromMs = timeOf(query, 'fromStartTime', 0)
      const toMs = timeOf(query, 'toStartTime', Number.POSITIVE_INFINITY)
      const [experimentIds, experimentNames, itemIds, datasetIds] = [
        list(query.experimentId),
        list(query.experimentName),
        list(query.experimentItemId),
        list(query.datasetId),
      ]
      const rows: Array<{ startMs: number; id: string; experiment: LangfuseExperiment; index: number }> = []
      for (const experiment of model.experiments.values()) {
        if (
          !allows(experimentIds, filter('experimentId'), experiment.id) ||
          !allows(experimentNames, filter('experimentName'), experiment.name) ||
          !allows(datasetIds, filter('datasetId'), experiment.datasetId)
        )
          continue
        const dataset = model.datasets.get(experiment.datasetId)!
        for (const index of model.itemsIn(experiment, fromMs, toMs, nowMs)) {
          if (!allows(itemIds, filter('experimentItemId'), dataset.itemIds[index]!)) continue
          rows.push({
            startMs: model.itemStartMs(experiment, index),
            id: model.observationId(experiment, index),
            experiment,
            index,
          })
        }
      }
      const remaining = afterCursor(rows, cursor)
      const page = remaining.slice(0, limit)
      const last = page.at(-1)
      return ok({
        data: page.map(({ experiment, index }) =>
          model.itemView(experiment, index, fields, nowMs, scoreLimit),
        ),
        meta:
          remaining.length > limit && last
            ? {
                cursor: encodeCursor(
                  last.startMs,
                  last.id,
                  model.traceId(last.experiment, last.index),
                  last.experiment.id,
                ),
              }
            : {},
      })
    }),

    scoreConfigs_get: refusing(({ query }) => {
      const limit = limitOf(query, 'limit', MAX_LIMIT, DEFAULT_LIMIT)
      const page = query.page === undefined || query.page === null ? 1 : Number(query.page)
      if (!Number.isInteger(page) || page < 1)
        return invalidRequest([issue('page', 'Number must be at least 1', 'too_small')])
      const totalItems = model.configs.length
      return ok({
        data: model.configs.slice((page - 1) * limit, page * limit),
        meta: { page, limit, totalItems, totalPages: Math.ceil(totalItems / limit) },
      } satisfies ScoreConfigsPage)
    }),

    'scoreConfigs_get-by-id': ({ params }) => {
      const config = model.configs.find((candidate) => candidate.id === params.configId)
      return config
        ? ok(config)
        : langfuseError(
            404,
            `Score config ${params.configId} not found within authorized project`,
            'LangfuseNotFoundError',
          )
    },
  }

  return {
    vendor: 'langfuse',
    prefix: '/langfuse',
    security: { scheme: 'BasicAuth', header: 'authorization', basic: true },
    handlers,
    errors: langfuseErrors,
    runCount: () => model.experiments.size,
    model,
  }
}
