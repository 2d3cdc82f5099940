/**
 * The migration signal Langfuse stamps on responses of deprecated endpoints, `_deprecation` (its spec's
 * `Deprecation` schema; none of the operations this package tracks carries it today, so it is written here).
 */
export interface LangfuseDeprecation {
  /** What is deprecated and what replaces it, in words. */
  message: string
  /** The replacement endpoint, e.g. `GET /api/public/experiments`. */
  replacement?: string | null
  /** Where the migration is documented. */
  docsUrl?: string | null
  /** ISO date after which the endpoint may stop working. */
  sunsetAt?: string | null
}

/**
 * A response body's `_deprecation`, or null when it has none (or it is not the shape Langfuse documents). Call
 * it on what `request` returns: a deprecated endpoint still answers normally, so nothing else would say so.
 */
export function langfuseDeprecationOf(body: unknown): LangfuseDeprecation | null {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, '_deprecation')) return null
  const notice = (body as { _deprecation?: unknown })._deprecation
  if (typeof notice !== 'object' || notice === null) return null
  const { message, replacement, docsUrl, sunsetAt } = notice as Record<string, unknown>
  if (typeof message !== 'string' || message === '') return null
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)
  return { message, replacement: text(replacement), docsUrl: text(docsUrl), sunsetAt: text(sunsetAt) }
}
