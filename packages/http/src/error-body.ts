const MAX_REASON_LENGTH = 300

/**
 * One line that says why, from the error bodies the vendors send: FastAPI's `{detail: string | [{loc, msg}]}`
 * (Datalab, Humanloop), `{message | error}` (PromptLayer), `{error: {message, code}}` (OpenAI) and
 * `{message, error: [{path, message}]}` (Langfuse's validation errors, Zod issues). Never throws, whatever the body.
 */
export function describeErrorBody(body: unknown): string {
  const reason = reasonOf(body)
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason
}

function reasonOf(body: unknown): string {
  if (typeof body === 'string') return body.trim().replace(/\s+/g, ' ')
  if (typeof body !== 'object' || body === null) return ''
  const record = body as Record<string, unknown>
  const detail = record.detail
  if (typeof detail === 'string') return detail
  if (Array.isArray(detail)) {
    return detail
      .map((item) => validationItem(item))
      .filter(Boolean)
      .join('; ')
  }
  if (typeof detail === 'object' && detail !== null) {
    const inner = (detail as Record<string, unknown>).message ?? (detail as Record<string, unknown>).msg
    if (typeof inner === 'string') return inner
  }
  for (const key of ['message', 'error', 'msg']) {
    const value = record[key]
    if (typeof value === 'string' && value !== '') {
      // Langfuse says `Invalid request data` and lists what was invalid beside it.
      const issues = key === 'message' && Array.isArray(record.error) ? zodIssues(record.error) : ''
      return issues ? `${value}: ${issues}` : value
    }
    // OpenAI nests its reason: `{ error: { message, type, code } }`.
    if (key === 'error' && typeof value === 'object' && value !== null) return reasonOf(value)
  }
  return ''
}

/** Zod's issues, `[{ path: ['fromStartTime'], message: 'Required' }]`, as `fromStartTime: Required`. */
function zodIssues(issues: unknown[]): string {
  return issues
    .map((issue) => {
      if (typeof issue !== 'object' || issue === null) return ''
      const { path, message } = issue as { path?: unknown; message?: unknown }
      return validationItem({ loc: path, msg: message })
    })
    .filter(Boolean)
    .join('; ')
}

function validationItem(item: unknown): string {
  if (typeof item !== 'object' || item === null) return typeof item === 'string' ? item : ''
  const { loc, msg } = item as { loc?: unknown; msg?: unknown }
  const where = Array.isArray(loc) ? loc.map(locPart).join('.') : ''
  const what = typeof msg === 'string' ? msg : ''
  return where && what ? `${where}: ${what}` : where || what
}

/** A `loc` segment is a name or an index; anything else is shown as `?` (String() throws on some objects). */
function locPart(part: unknown): string {
  return (typeof part === 'object' && part !== null) || typeof part === 'function' ? '?' : String(part)
}
