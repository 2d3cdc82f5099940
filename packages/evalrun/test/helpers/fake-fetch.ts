/** A response with a JSON body. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

export interface RecordedRequest {
  method: string
  url: URL
  body: unknown
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>

/**
 * A `fetch` that routes by `METHOD /path` (path params as `{x}` wildcards) and records every request, so tests
 * can check what was sent (or that nothing was). Unrouted requests answer 599 so a test sees them fail.
 */
export function fakeFetch(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = []
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, path] = key.split(' ') as [string, string]
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`)
    return { method, pattern, handler }
  })
  async function fetch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const text = request.method === 'GET' ? '' : await request.text()
    const recorded = { method: request.method, url, body: text === '' ? undefined : JSON.parse(text) }
    requests.push(recorded)
    // The base URLs carry a vendor prefix (/dl, /pl, /hl) so one fetch can serve all three vendors.
    const route = compiled.find((r) => r.method === request.method && r.pattern.test(url.pathname))
    if (!route) return json({ detail: `no route for ${request.method} ${url.pathname}` }, 599)
    return route.handler(recorded)
  }
  return { fetch, requests }
}

/** Options that point all three vendors at one fake fetch, with retries off so failures show at once. */
export function vendorOptions(
  fetch: (request: Request) => Promise<Response>,
  humanloopFileIds = ['pr_support'],
) {
  return {
    fetch,
    retry: false as const,
    datalab: { apiKey: 'dl-test-key', baseUrl: 'http://127.0.0.1:9/dl' },
    promptlayer: { apiKey: 'pl-test-key', baseUrl: 'http://127.0.0.1:9/pl' },
    humanloop: { apiKey: 'hl-test-key', baseUrl: 'http://127.0.0.1:9/hl', fileIds: humanloopFileIds },
  }
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}
