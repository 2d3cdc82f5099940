import type { EvalLaunchRequest, FunctionId, operations } from '@evalrun/braintrust'
import type { OperationRequest } from '../../http/operation-handlers.js'
import type { Issue, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import type { BraintrustModel } from './model.js'

/** `GET /v1/experiment`'s default page (the spec's `AppLimitWithDefaultParam`). */
/** What a handler of Braintrust's operation `Id` is given. */
export type BraintrustRequest<Id extends keyof operations> = OperationRequest<operations[Id]>

export const DEFAULT_LIMIT = 1_000
/** Traces per event page when the request names no limit. */
export const DEFAULT_FETCH_LIMIT = 100
/** Cases one launched eval may have (rows × trials). */
export const MAX_CASES = 1_000
/** How often a later event page repeats a row of the page before, in an older version (the spec warns of it). */
export const REPEAT_CHANCE = 0.4

/** Braintrust's error bodies are plain text (its spec also allows untyped JSON). */
export const plain = (status: number, message: string): VendorResponse => ({ status, text: message })

export const where = (loc: Issue['loc']): string => {
  const rest = loc[0] === 'body' || loc[0] === 'query' || loc[0] === 'path' ? loc.slice(1) : loc
  return rest.length > 0 ? rest.join('.') : 'body'
}

export const braintrustErrors: VendorErrors = {
  unauthorized: () => plain(401, 'Invalid API key: pass it as Authorization: Bearer <key>'),
  notFound: (message) => plain(404, message),
  invalid: (issues) => plain(400, issues.map((issue) => `${where(issue.loc)}: ${issue.msg}`).join('; ')),
  malformedJson: (message) => plain(400, `Invalid JSON body: ${message}`),
  generic: (status, message) => plain(status, message),
}

export const ok = (body: unknown): VendorResponse => ({ status: 200, body })

/** A list cursor or filter that may come once or repeated (`ids=a&ids=b`). */
export const many = (value: unknown): string[] | null =>
  value === undefined ? null : (Array.isArray(value) ? value : [value]).map(String)

/** The event cursor: opaque to clients, it carries the experiment and the number of traces read so far. */
export const encodeCursor = (experimentId: string, offset: number) =>
  Buffer.from(`${experimentId}:${offset}`).toString('base64url')

export function decodeCursor(cursor: string, experimentId: string): number | null {
  const [id, offset] = Buffer.from(cursor, 'base64url').toString('utf8').split(':')
  const parsed = Number(offset)
  return id === experimentId && Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : null
}

/** A scorer's name from how `POST /v1/eval` names its function. */
export function scorerName(scorer: FunctionId, index: number): string {
  const fields = scorer as Record<string, unknown>
  for (const key of ['global_function', 'slug', 'name']) {
    if (typeof fields[key] === 'string' && fields[key] !== '') return fields[key] as string
  }
  return typeof fields.function_id === 'string'
    ? `scorer-${fields.function_id.slice(0, 8)}`
    : `scorer-${index + 1}`
}

export const noExperiment = (id: string | undefined) => plain(404, `Experiment ${id} not found`)

/** A page of `items` (newest first) after `starting_after` or before `ending_before`, kept by `keep`. */
export function page<T extends { id: string }>(
  items: readonly T[],
  query: Record<string, unknown>,
  keep: (item: T) => boolean,
  defaultLimit: number | null,
): T[] | VendorResponse {
  const after = query.starting_after === undefined ? null : String(query.starting_after)
  const before = query.ending_before === undefined ? null : String(query.ending_before)
  if (after !== null && before !== null) {
    return plain(400, 'Only one of starting_after and ending_before may be given')
  }
  const limit = query.limit === undefined || query.limit === null ? defaultLimit : Number(query.limit)
  const cursor = after ?? before
  const position = cursor === null ? -1 : items.findIndex((item) => item.id === cursor)
  if (cursor !== null && position < 0) return plain(400, `No object with id ${cursor} to page from`)
  const taken: T[] = []
  if (before !== null) {
    for (let index = position - 1; index >= 0 && (limit === null || taken.length < limit); index--) {
      if (keep(items[index]!)) taken.unshift(items[index]!)
    }
    return taken
  }
  for (let index = position + 1; index < items.length && (limit === null || taken.length < limit); index++) {
    if (keep(items[index]!)) taken.push(items[index]!)
  }
  return taken
}

export const experimentOf = (model: BraintrustModel, params: { experiment_id?: string }) =>
  model.experiments.get(params.experiment_id ?? '')

/** The launched eval's data: its cases and where they come from, or the error to answer. */
export function launchData(
  model: BraintrustModel,
  data: EvalLaunchRequest['data'],
): { rows: unknown[] | null; datasetId: string | null; count: number } | VendorResponse {
  if ('dataset_id' in data) {
    const dataset = model.datasets.get(data.dataset_id)
    return dataset
      ? { rows: null, datasetId: dataset.id, count: dataset.rows }
      : plain(400, `Dataset ${data.dataset_id} not found`)
  }
  if ('dataset_name' in data) {
    const dataset = [...model.datasets.values()].find(
      (candidate) =>
        candidate.name === data.dataset_name &&
        model.projects.get(candidate.projectId)?.name === data.project_name,
    )
    return dataset
      ? { rows: null, datasetId: dataset.id, count: dataset.rows }
      : plain(400, `Dataset ${data.dataset_name} not found in project ${data.project_name}`)
  }
  return { rows: data.data, datasetId: null, count: data.data.length }
}
