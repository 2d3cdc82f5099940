const SECRET_QUERY_NAMES = /key|token|secret|password|signature|auth/i

/** A URL fit for an error message or a log: no userinfo, secret-looking query values replaced. */
export function redactUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return '<invalid url>'
  }
  url.username = ''
  url.password = ''
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_QUERY_NAMES.test(name)) url.searchParams.set(name, 'REDACTED')
  }
  return url.href
}
