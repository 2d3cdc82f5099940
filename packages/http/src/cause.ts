export function errorCode(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return null
}

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:4010 (ECONNREFUSED)`: undici's own message says little. */
export function describeCause(cause: unknown): string {
  const code = errorCode(cause)
  const message = cause instanceof Error ? cause.message : String(cause)
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : ''
  const detail = inner && inner !== message ? `${message}: ${inner}` : message
  return code && !detail.includes(code) ? `${detail} (${code})` : detail
}
