import type { ListPage } from '@evalrun/openai'
import { OpenAPIBackend } from 'openapi-backend'
import { addFormats } from '../src/http/openapi-router.js'
import { loadSpec } from '../src/specs.js'
import { SANDBOX_VENDORS, type Sandbox, type SandboxVendor } from '../src/types.js'

/**
 * Vendors whose spec does not describe their error bodies: every 4xx/5xx is checked against the body schema of
 * the status named here. OpenAI declares only 429 (`ErrorResponse`) and, on createEvalRun, a 400 whose body is
 * the bare `Error` (upstream's slip: the API wraps it in `{error}` as for every other error), yet answers 400,
 * 401 and 404 with the same `ErrorResponse`. Braintrust declares 400, 401, 403, 429 and 500, all as plain text
 * (or untyped JSON), but not the 404 of a missing experiment nor a 503.
 */
const ERRORS_AS: Partial<Record<SandboxVendor, string>> = { openai: '429', braintrust: '400' }

/**
 * Operations whose spec declares no error response at all (Braintrust's `POST /v1/eval` declares only 200, as its
 * source.json records): their errors are checked against the vendor's other operations' form (plain text).
 */
const UNDECLARED_ERRORS: Partial<Record<SandboxVendor, string[]>> = { braintrust: ['evalLaunch'] }

export interface ResponseProblem {
  vendor: SandboxVendor
  operation: string
  status: number
  url: string
  errors: unknown
}

/** Validates every response against the vendored spec: declared status, body schema, declared headers. */
export async function createResponseValidator(sandbox: Sandbox) {
  const backends = new Map<SandboxVendor, OpenAPIBackend>()
  for (const vendor of SANDBOX_VENDORS) {
    const api = new OpenAPIBackend({
      // loadSpec has already dropped the `nullable` flags Ajv cannot compile (see relaxUntypedNullable).
      definition: loadSpec(vendor) as never,
      quick: true,
      validate: true,
      ajvOpts: { allErrors: true },
      customizeAjv: (ajv) => addFormats(ajv),
    })
    await api.init()
    backends.set(vendor, api)
  }
  const problems: ResponseProblem[] = []
  let checked = 0

  const vendorOf = (url: string): SandboxVendor => {
    for (const vendor of SANDBOX_VENDORS) {
      if (url.startsWith(`${sandbox.urls[vendor]}/`)) return vendor
    }
    throw new Error(`not a sandbox URL: ${url}`)
  }

  async function check(request: Request, response: Response): Promise<void> {
    const vendor = vendorOf(request.url)
    const api = backends.get(vendor)!
    const url = new URL(request.url)
    const path = url.pathname.slice(new URL(sandbox.urls[vendor]).pathname.length)
    const operation = api.router.matchOperation({ method: request.method, path, headers: {} })
    const operationId = operation?.operationId ?? `${request.method} ${path}`
    const report = (errors: unknown): void => {
      problems.push({ vendor, operation: operationId, status: response.status, url: request.url, errors })
    }
    checked++
    if (!operation) return report('no operation in the spec for this request')
    const declared = operation.responses ?? {}
    const contentType = response.headers.get('content-type') ?? ''
    if (response.status >= 400 && UNDECLARED_ERRORS[vendor]?.includes(operationId)) {
      if (!contentType.startsWith('text/plain'))
        report('an undeclared error answered other than as plain text')
      return
    }
    const fallback = ERRORS_AS[vendor]
    const validateAs =
      fallback && response.status >= 400 && fallback in declared ? Number(fallback) : response.status
    if (!(String(validateAs) in declared) && !('default' in declared)) {
      return report(`status ${response.status} is not declared`)
    }
    const text = await response.clone().text()
    if (text === '') {
      const content = (declared[String(response.status)] as { content?: unknown } | undefined)?.content
      if (content) report('empty body where the spec declares content')
      return
    }
    const declaredTypes = Object.keys(
      (declared[String(validateAs)] as { content?: Record<string, unknown> } | undefined)?.content ?? {},
    )
    if (contentType.startsWith('text/plain')) {
      if (!declaredTypes.includes('text/plain')) report('text/plain where the spec declares none')
      return
    }
    if (contentType.startsWith('text/event-stream')) {
      // The stream the spec describes in words (`stream: true`): a start event, then the summary in a done event.
      const events = text.split('\n\n').filter((block) => block.trim() !== '')
      const names = events.map((block) => /^event: (.*)$/m.exec(block)?.[1])
      if (names.join(',') !== 'start,done') report(`events ${names.join(',')}, expected start,done`)
      const data = (block: string | undefined) =>
        JSON.parse(
          (block ?? '')
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n'),
        ) as Record<string, unknown>
      if (typeof data(events[0]).experimentId !== 'string') report('the start event names no experimentId')
      const done = api.validateResponse(data(events[1]), operation, 200)
      if (done.errors) report(done.errors)
      return
    }
    if (!contentType.startsWith('application/json')) report('content-type is not JSON')
    const result = api.validateResponse(JSON.parse(text), operation, validateAs)
    if (result.errors) report(result.errors)
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      headers[name] = value
    })
    if (validateAs !== response.status) return
    const headerResult = api.validateResponseHeaders(headers, operation, { statusCode: response.status })
    if (headerResult.errors) report(headerResult.errors)
  }

  /** A fetch for the vendor clients that checks each response before handing it back. */
  const fetchAndCheck = async (request: Request): Promise<Response> => {
    const sent = request.clone()
    const response = await fetch(request)
    await check(sent, response)
    return response
  }

  return { fetch: fetchAndCheck, problems, checked: () => checked }
}

/** Raw request helper for cases the typed clients cannot express (bad bodies, wrong methods, faults). */
export async function raw(
  url: string,
  init: RequestInit & { key?: string; header?: string } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const headers = new Headers(init.headers)
  if (init.key !== undefined) headers.set(init.header ?? 'X-API-Key', init.key)
  const response = await fetch(url, { ...init, headers })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

/** OpenAI has no evalrun client yet: plain requests with its bearer header (through `fetchImpl`, e.g. a validator). */
export function openaiRequests(sandbox: Sandbox, fetchImpl: (request: Request) => Promise<Response> = fetch) {
  async function request<T = unknown>(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: T }> {
    const headers = new Headers(init.headers)
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${sandbox.apiKeys.openai}`)
    if (init.body !== undefined) headers.set('Content-Type', 'application/json')
    const response = await fetchImpl(new Request(`${sandbox.urls.openai}${path}`, { ...init, headers }))
    return { status: response.status, body: (await response.json()) as T }
  }
  /** Every page of a cursor listing, `limit` at a time, following `last_id` while `has_more`. */
  async function everyPage<T extends { id: string }>(path: string, limit: number, extra = ''): Promise<T[]> {
    const all: T[] = []
    let after = ''
    for (let pages = 0; pages < 10_000; pages++) {
      const page = await request<ListPage<T>>(
        `${path}?limit=${limit}${extra}${after ? `&after=${after}` : ''}`,
      )
      if (page.status !== 200) throw new Error(`${path}: status ${page.status}`)
      all.push(...page.body.data)
      if (!page.body.has_more) return all
      after = page.body.last_id
    }
    throw new Error(`${path}: too many pages`)
  }
  return { request, everyPage }
}

/** Plain requests to the sandbox's Braintrust with its bearer header (through `fetchImpl`, e.g. a validator). */
export function braintrustRequests(
  sandbox: Sandbox,
  fetchImpl: (request: Request) => Promise<Response> = fetch,
) {
  async function request<T = unknown>(
    path: string,
    init: RequestInit & { body?: string } = {},
  ): Promise<{ status: number; body: T; text: string; headers: Headers }> {
    const headers = new Headers(init.headers)
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${sandbox.apiKeys.braintrust}`)
    if (init.body !== undefined) headers.set('Content-Type', 'application/json')
    const response = await fetchImpl(new Request(`${sandbox.urls.braintrust}${path}`, { ...init, headers }))
    const text = await response.text()
    const json = response.headers.get('content-type')?.startsWith('application/json')
    return {
      status: response.status,
      body: (json ? JSON.parse(text) : text) as T,
      text,
      headers: response.headers,
    }
  }
  const post = <T = unknown>(path: string, body: unknown) =>
    request<T>(path, { method: 'POST', body: JSON.stringify(body) })
  /** Every experiment, following `starting_after=<last id>` until a page comes back empty. */
  async function everyExperiment(limit: number, extra = ''): Promise<Array<{ id: string; created: string }>> {
    const all: Array<{ id: string; created: string }> = []
    let after = ''
    for (let pages = 0; pages < 10_000; pages++) {
      const page = await request<{ objects: Array<{ id: string; created: string }> }>(
        `/v1/experiment?limit=${limit}${extra}${after ? `&starting_after=${after}` : ''}`,
      )
      if (page.status !== 200) throw new Error(`list: status ${page.status}: ${page.text}`)
      if (page.body.objects.length === 0) return all
      all.push(...page.body.objects)
      after = page.body.objects.at(-1)!.id
    }
    throw new Error('too many pages')
  }
  /** Every event page of an experiment, following the cursor until a page comes back empty. */
  async function everyEventPage(experimentId: string, limit: number) {
    const pages: Array<{ events: Array<Record<string, unknown>>; cursor?: string | null }> = []
    let cursor: string | undefined
    for (let count = 0; count < 10_000; count++) {
      const page = await post<{ events: Array<Record<string, unknown>>; cursor?: string | null }>(
        `/v1/experiment/${experimentId}/fetch`,
        { limit, ...(cursor ? { cursor } : {}) },
      )
      if (page.status !== 200) throw new Error(`fetch: status ${page.status}: ${page.text}`)
      pages.push(page.body)
      if (page.body.events.length === 0) return pages
      cursor = page.body.cursor ?? undefined
    }
    throw new Error('too many pages')
  }
  return { request, post, everyExperiment, everyEventPage }
}
