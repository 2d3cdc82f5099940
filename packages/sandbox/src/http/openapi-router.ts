import {
  type AjvCustomizer,
  type Context,
  OpenAPIBackend,
  type Request as OpenApiRequest,
} from 'openapi-backend'
import { loadSpec } from '../specs.js'
import type { Issue, OperationInput, VendorApp, VendorResponse } from './vendor-app.js'

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/

/** openapi-backend ships without formats; the specs use `date-time`, OpenAI's also `unixtime` and `uri`, Braintrust's `uuid`. */
type Ajv = ReturnType<AjvCustomizer>

export function addFormats(ajv: Ajv): Ajv {
  ajv.addFormat('date-time', (value: string) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
  // Seconds since the epoch (OpenAI's `created_at`): a non-negative integer.
  ajv.addFormat('unixtime', {
    type: 'number',
    validate: (value: number) => Number.isInteger(value) && value >= 0,
  })
  ajv.addFormat('uri', (value: string) => URL.canParse(value))
  // Braintrust's ids.
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  return ajv
}

export interface RoutedRequest {
  method: string
  /** Path below the vendor prefix, e.g. `/api/v1/eval_batch_runs`. */
  path: string
  /** Raw query string without `?`. */
  query: string
  headers: Record<string, string | string[] | undefined>
  body: unknown
  nowMs: number
}

/**
 * Routes and validates requests against a vendor's vendored spec with openapi-backend: unknown path → 404,
 * wrong method → 405, bad key → 401, invalid parameters or body → the vendor's validation error; only then
 * the operation handler runs.
 */
export async function createOpenApiRouter(
  app: VendorApp,
  apiKey: string,
): Promise<{ handle(request: RoutedRequest): Promise<VendorResponse>; api: OpenAPIBackend }> {
  const definition = loadSpec(app.vendor)
  if (app.security.required) requireSecurity(definition)
  if (app.security.undeclared) declareBearer(definition, app.security.scheme)
  const api = new OpenAPIBackend({
    // The specs are OpenAPI 3.1; openapi-backend's definition check only knows 3.0, so skip it (quick).
    definition: definition as never,
    quick: true,
    coerceTypes: true,
    ajvOpts: { allErrors: true },
    customizeAjv: (ajv) => addFormats(ajv),
  })
  const withInput =
    (handler: (input: OperationInput) => VendorResponse) =>
    (context: Context, request: RoutedRequest): VendorResponse =>
      handler({
        params: context.request.params as Record<string, string>,
        query: (context.request.query ?? {}) as Record<string, unknown>,
        body: request.body,
        nowMs: request.nowMs,
      })
  const handlers: Record<string, (context: Context, request: RoutedRequest) => VendorResponse> = {}
  for (const [operationId, handler] of Object.entries(app.handlers))
    handlers[operationId] = withInput(handler)
  api.register({
    ...handlers,
    notFound: (context: Context) => app.errors.notFound(`No route for ${context.request.path}`),
    methodNotAllowed: (context: Context) => ({
      ...app.errors.generic(405, `Method ${context.request.method.toUpperCase()} not allowed`),
      headers: { Allow: allowedMethods(api, context.request.path).join(', ') },
    }),
    unauthorizedHandler: () => app.errors.unauthorized(),
    validationFail: (context: Context) => app.errors.invalid(toIssues(context.validation.errors ?? [])),
  })
  api.registerSecurityHandler(app.security.scheme, (context: Context) => {
    const header = context.request.headers[app.security.header]
    const sent = Array.isArray(header) ? header[0] : header
    if (app.security.basic) return basicCredentials(sent) === apiKey
    return app.security.bearer ? bearerToken(sent) === apiKey : sent === apiKey
  })
  await api.init()
  return {
    api,
    handle: (request) =>
      Promise.resolve(
        api.handleRequest(
          {
            method: request.method,
            path: request.path,
            query: request.query,
            headers: request.headers as OpenApiRequest['headers'],
            body: request.body,
          },
          request,
        ) as VendorResponse | Promise<VendorResponse>,
      ),
  }
}

/** Drops the anonymous alternative (`{}`) from every security requirement of `definition`, in place. */
function requireSecurity(definition: Record<string, unknown> & { paths: Record<string, unknown> }): void {
  const strip = (holder: Record<string, unknown>) => {
    if (Array.isArray(holder.security)) {
      holder.security = holder.security.filter(
        (requirement) =>
          typeof requirement === 'object' && requirement !== null && Object.keys(requirement).length > 0,
      )
    }
  }
  strip(definition)
  for (const item of Object.values(definition.paths)) {
    for (const operation of Object.values(item as Record<string, unknown>)) {
      if (typeof operation === 'object' && operation !== null) strip(operation as Record<string, unknown>)
    }
  }
}

/** Adds `scheme` as an HTTP bearer scheme that every operation requires, to a spec that declares none. In place. */
function declareBearer(definition: Record<string, unknown>, scheme: string): void {
  const components = (definition.components ?? {}) as Record<string, unknown>
  components.securitySchemes = { [scheme]: { type: 'http', scheme: 'bearer' } }
  definition.components = components
  definition.security = [{ [scheme]: [] }]
}

/** The token of an `Authorization: Bearer <token>` value (RFC 6750: the scheme word is case-insensitive). */
export function bearerToken(value: string | undefined): string | undefined {
  const match = /^bearer +(\S+) *$/i.exec(value ?? '')
  return match?.[1]
}

/** `user:password` from an `Authorization: Basic <base64>` value (RFC 7617: the scheme word is case-insensitive). */
export function basicCredentials(value: string | undefined): string | undefined {
  const match = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(value ?? '')
  return match?.[1] === undefined ? undefined : Buffer.from(match[1], 'base64').toString('utf8')
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch']

function allowedMethods(api: OpenAPIBackend, path: string): string[] {
  const allowed = METHODS.filter((method) => api.router.matchOperation({ method, path, headers: {} }))
  return [...allowed.map((method) => method.toUpperCase()), 'OPTIONS']
}

interface AjvLikeError {
  instancePath?: string
  keyword?: string
  message?: string
  params?: unknown
}

/** Ajv's errors as FastAPI-style `loc` lists: `/query/limit` → ['query', 'limit'], `/requestBody/x` → ['body', 'x']. */
export function toIssues(errors: readonly AjvLikeError[]): Issue[] {
  return errors.map((error) => {
    const segments = (error.instancePath ?? '')
      .split('/')
      .filter(Boolean)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    if (segments[0] === 'requestBody') segments[0] = 'body'
    const params = (error.params ?? {}) as { missingProperty?: string }
    if (error.keyword === 'required' && params.missingProperty) {
      segments.push(params.missingProperty === 'requestBody' ? 'body' : params.missingProperty)
    }
    if (segments.length === 0) segments.push('body')
    return {
      loc: segments,
      msg: error.message ?? 'invalid value',
      type: error.keyword === 'required' ? 'missing' : (error.keyword ?? 'value_error'),
    }
  })
}
