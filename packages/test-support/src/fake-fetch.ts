import { json } from './json.js'

/** What `fakeFetch` saw of one request. */
export interface RecordedRequest {
  method: string
  url: URL
  /** The body parsed as JSON (its text when it is not JSON); `undefined` for GET or an empty body. */
  body: unknown
}

export type Route = (request: RecordedRequest) => Response | Promise<Response>

/**
 * A `fetch` that routes by `METHOD /path` (path parameters as `{x}` wildcards, matched against the whole pathname)
 * and records every request, so tests can check what was sent, or that nothing was. An unrouted request answers
 * 599, so a test sees it fail. With no routes it is a fetch that answers nothing and only records.
 *
 * One fetch can serve several base URLs at once when each carries its own path prefix.
 */
export function fakeFetch(routes: Record<string, Route> = {}) {
  const requests: RecordedRequest[] = []
  const compiled = Object.entries(routes).map(([key, route]) => {
    const [method, path] = key.split(' ') as [string, string]
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`)
    return { method, pattern, route }
  })
  async function fetch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const text = request.method === 'GET' ? '' : await request.text()
    const recorded: RecordedRequest = { method: request.method, url, body: parseBody(text) }
    requests.push(recorded)
    const match = compiled.find((r) => r.method === request.method && r.pattern.test(url.pathname))
    if (!match) return json({ detail: `no route for ${request.method} ${url.pathname}` }, 599)
    return match.route(recorded)
  }
  return { fetch, requests }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
