import { OpenAPIBackend } from 'openapi-backend'
import { addFormats } from '../src/http/openapi-router.js'
import { loadSpec } from '../src/specs.js'
import type { Sandbox, SandboxVendor } from '../src/types.js'

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
  for (const vendor of ['datalab', 'promptlayer', 'humanloop'] as const) {
    const api = new OpenAPIBackend({
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
    for (const vendor of ['datalab', 'promptlayer', 'humanloop'] as const) {
      if (url.startsWith(sandbox.urls[vendor])) return vendor
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
    if (!(String(response.status) in declared) && !('default' in declared)) {
      return report(`status ${response.status} is not declared`)
    }
    const text = await response.clone().text()
    if (text === '') {
      const content = (declared[String(response.status)] as { content?: unknown } | undefined)?.content
      if (content) report('empty body where the spec declares content')
      return
    }
    if (!response.headers.get('content-type')?.startsWith('application/json'))
      report('content-type is not JSON')
    const result = api.validateResponse(JSON.parse(text), operation, response.status)
    if (result.errors) report(result.errors)
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      headers[name] = value
    })
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
