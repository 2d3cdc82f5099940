/** A vendor's run page as a link target: only http(s) URLs, so that a vendor string can never be `javascript:`. */
export function safeUrl(url: string | null): string | null {
  if (url === null) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}
