import type { operations } from '@evalrun/phoenix'
import type { OperationRequest } from '../../http/operation-handlers.js'
import type { Issue, VendorErrors, VendorResponse } from '../../http/vendor-app.js'

/** What a handler of Phoenix's operation `Id` is given. */
export type PhoenixRequest<Id extends keyof operations> = OperationRequest<operations[Id]>

/** Phoenix's errors are plain text (FastAPI's HTTPException as text), its validation errors FastAPI's `{detail}`. */
export const text = (status: number, message: string): VendorResponse => ({ status, text: message })
export const ok = (body: unknown): VendorResponse => ({ status: 200, body })

export const phoenixErrors: VendorErrors = {
  unauthorized: () => text(401, 'Invalid token'),
  notFound: (message) => text(404, message),
  invalid: (issues: Issue[]) => ({ status: 422, body: { detail: issues } }),
  malformedJson: (message) => ({
    status: 422,
    body: { detail: [{ loc: ['body'], msg: message, type: 'json_invalid' }] },
  }),
  generic: (status, message) =>
    status >= 500 ? text(status, 'Internal Server Error') : text(status, message),
}

/** Phoenix's global ids: base64 of `<Type>:<row id>`; the row id when `id` is one of `type`, else null. */
export function rowIdOf(id: string, type: string): number | null {
  const decoded = Buffer.from(id, 'base64').toString('utf8')
  const match = /^([A-Za-z]+):(\d+)$/.exec(decoded)
  if (match === null || match[1] !== type || Buffer.from(decoded).toString('base64') !== id) return null
  return Number(match[2])
}

/**
 * One cursor page of `rows`: Phoenix's cursor is the id of the first row of the next page (that row included), so
 * `next_cursor` is the id of the row after the page, null at the end. An id that is no row's is a 422.
 */
export function cursorPage<Row>(
  rows: readonly Row[],
  idOf: (row: Row) => string,
  cursor: string | null | undefined,
  limit: number | null | undefined,
): { page: Row[]; next: string | null } | VendorResponse {
  let start = 0
  if (cursor !== undefined && cursor !== null && cursor !== '') {
    start = rows.findIndex((row) => idOf(row) === cursor)
    if (start < 0) return text(422, 'Invalid cursor format')
  }
  const end = limit === undefined || limit === null ? rows.length : start + limit
  const following = rows[end]
  return { page: rows.slice(start, end), next: following === undefined ? null : idOf(following) }
}

export const isResponse = (value: unknown): value is VendorResponse =>
  typeof value === 'object' && value !== null && 'status' in value
