/**
 * One canonical text per spec, so "unchanged upstream" is a byte-for-byte (sha256) comparison and diffs of the
 * vendored file stay small. Only object keys move: key order carries no meaning in OpenAPI, array order can
 * (parameters, enum, allOf, servers, tags), so arrays are never reordered.
 */
import YAML from 'yaml'

/** Objects under these keys are maps from names to values: their keys are sorted alphabetically. */
const MAP_KEYS = new Set([
  'paths',
  'webhooks',
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'content',
  'encoding',
  'variables',
  'mapping',
])

/**
 * Fixed fields keep the order people read them in (OpenAPI's own order); unknown and `x-` keys follow,
 * alphabetically. One list for every object type: a field name means the same thing wherever it appears.
 */
const FIELD_ORDER = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'security',
  'tags',
  'paths',
  'webhooks',
  'components',
  '$ref',
  'name',
  'in',
  'title',
  'summary',
  'description',
  'operationId',
  'deprecated',
  'required',
  'type',
  'format',
  'const',
  'enum',
  'default',
  'nullable',
  'items',
  'properties',
  'additionalProperties',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'discriminator',
  'parameters',
  'requestBody',
  'responses',
  'content',
  'schema',
  'example',
  'examples',
]
const FIELD_RANK = new Map(FIELD_ORDER.map((field, index) => [field, index]))

function compareFields(a: string, b: string): number {
  const rankA = FIELD_RANK.get(a) ?? (a.startsWith('x-') ? FIELD_ORDER.length + 1 : FIELD_ORDER.length)
  const rankB = FIELD_RANK.get(b) ?? (b.startsWith('x-') ? FIELD_ORDER.length + 1 : FIELD_ORDER.length)
  return rankA - rankB || (a < b ? -1 : a > b ? 1 : 0)
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A copy of `value` with every object's keys in canonical order. */
export function sortSpecKeys(value: unknown, isMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => sortSpecKeys(item))
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value as Record<string, unknown>)
  entries.sort(([a], [b]) => (isMap ? compareNames(a, b) : compareFields(a, b)))
  // The values of a map are fixed-field objects again (a schema, a response…), never maps themselves.
  return Object.fromEntries(
    entries.map(([key, child]) => [key, sortSpecKeys(child, !isMap && MAP_KEYS.has(key))]),
  )
}

/** The vendored YAML text of a spec document. */
export function normaliseSpec(document: Record<string, unknown>): string {
  return YAML.stringify(sortSpecKeys(document), {
    lineWidth: 0,
    aliasDuplicateObjects: false,
    singleQuote: true,
  })
}
