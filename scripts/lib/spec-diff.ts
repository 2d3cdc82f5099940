/**
 * Classifies the change between two vendored spec documents as a semver bump for the vendor package.
 * api-smart-diff (a structural OpenAPI 3.0/3.1 comparison that resolves $refs) finds the changes and says
 * whether each breaks an API consumer; our rules then tighten that for TypeScript users of generated types,
 * where a response union losing a member or a response field changing type also breaks code that compiles today.
 */
import { apiCompare, type Diff } from 'api-smart-diff'

export type Bump = 'major' | 'minor' | 'patch'

export interface SpecChange {
  bump: Bump
  /** Human line: "GET /widgets: removed response 200 field `[].id`". */
  text: string
  kind: 'operation-added' | 'operation-removed' | 'change'
}

export interface SpecComparison {
  bump: Bump
  changes: SpecChange[]
}

const BUMP_RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 }

export function maxBump(a: Bump, b: Bump): Bump {
  return BUMP_RANK[a] >= BUMP_RANK[b] ? a : b
}

export function compareSpecs(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): SpecComparison {
  const { diffs } = apiCompare(before, after)
  const changes: SpecChange[] = []
  for (const diff of diffs) {
    const path = diff.path.map(String)
    // Changes inside components show again, resolved, at every operation that uses them: count them there.
    // Only a component appearing or disappearing is its own change (its exported type name comes or goes).
    if (path[0] === 'components' && path.length !== 3) continue
    changes.push({
      bump: bumpFor(diff, path),
      text: describe(diff, path, before, after),
      kind: kindOf(diff, path),
    })
  }
  const bump = changes.reduce<Bump>((bump, change) => maxBump(bump, change.bump), 'patch')
  return { bump, changes }
}

/** The rules, in the order they apply. Kept in step with `pnpm specs:sync --help` and docs/regenerating.md. */
export function bumpFor(diff: Pick<Diff, 'type' | 'action' | 'before' | 'after'>, path: string[]): Bump {
  if (path[0] === 'components') return diff.action === 'remove' ? 'major' : 'minor'
  if (diff.type === 'annotation') return 'patch'
  const last = path[path.length - 1]
  const parent = path[path.length - 2]
  const inResponse = path[0] === 'paths' && path[3] === 'responses'
  if (diff.action === 'replace' && last === 'type' && parent !== 'properties') {
    // A request type that only gained members (integer → [integer, null]) still accepts every old value;
    // any other type change narrows what is accepted or changes what a response delivers.
    return !inResponse && isSuperset(diff.after, diff.before) ? 'minor' : 'major'
  }
  // A new enum value is an addition, even in a response (api-smart-diff calls that breaking).
  if (diff.action === 'add' && parent === 'enum') return 'minor'
  if (diff.type === 'breaking' || diff.type === 'unclassified') return 'major'
  // An enum value or an object field removed anywhere, even from a response, breaks typed consumers.
  if (
    (diff.action === 'remove' || diff.action === 'rename') &&
    (parent === 'enum' || parent === 'properties')
  ) {
    return 'major'
  }
  return 'minor'
}

function isSuperset(after: unknown, before: unknown): boolean {
  const types = (value: unknown) => new Set(Array.isArray(value) ? value.map(String) : [String(value)])
  const [afterTypes, beforeTypes] = [types(after), types(before)]
  return [...beforeTypes].every((type) => afterTypes.has(type))
}

function kindOf(diff: Pick<Diff, 'action'>, path: string[]): SpecChange['kind'] {
  if (path[0] === 'paths' && path.length <= 3) {
    if (diff.action === 'add') return 'operation-added'
    if (diff.action === 'remove') return 'operation-removed'
  }
  return 'change'
}

const VERBS: Record<Diff['action'], string> = {
  add: 'added',
  remove: 'removed',
  replace: 'changed',
  rename: 'renamed',
}

function describe(diff: Diff, path: string[], before: unknown, after: unknown): string {
  const verb = VERBS[diff.action]
  if (path[0] === 'components') return `${verb} component ${path[1]} \`${path[2]}\``
  if (path[0] !== 'paths') return `${verb} ${path.join('.')}${values(diff)}`
  const [, route = '', method, ...rest] = path
  if (method === undefined) return `${verb} path ${route}`
  const operation = `${method.toUpperCase()} ${route}`
  if (rest.length === 0) return `${operation}: ${verb} operation`
  // Parameters are named from the document that has them: the new one for an addition, else the old one.
  const document = (diff.action === 'add' ? after : before) as SpecDocument
  return `${operation}: ${verb} ${locate(rest, document, route, method)}${values(diff)}`
}

type SpecDocument = {
  paths?: Record<string, Record<string, { parameters?: unknown[] }>>
  components?: { parameters?: Record<string, unknown> }
}

/** "response 200 field `[].id`", "parameter `colour` (query) enum value", "request body field `size`"… */
function locate(rest: string[], document: SpecDocument, route: string, method: string): string {
  const [section, key, ...tail] = rest
  if (section === 'parameters') {
    const parameter = resolveParameter(document.paths?.[route]?.[method]?.parameters?.[Number(key)], document)
    const name = (parameter as { name?: string } | undefined)?.name ?? `#${key}`
    const where = (parameter as { in?: string } | undefined)?.in
    return `parameter \`${name}\`${where ? ` (${where})` : ''}${schemaLocation(tail[0] === 'schema' ? tail.slice(1) : tail)}`
  }
  if (section === 'requestBody') {
    const schemaPath = key === 'content' ? tail.slice(2) : [key, ...tail].filter((part) => part !== undefined)
    return `request body${schemaLocation(schemaPath)}`
  }
  if (section === 'responses' && key !== undefined) {
    if (tail.length === 0) return `response ${key}`
    const schemaPath = tail[0] === 'content' ? tail.slice(3) : tail
    return `response ${key}${schemaLocation(schemaPath)}`
  }
  return rest.join('.')
}

function schemaLocation(parts: string[]): string {
  if (parts.length === 0) return ''
  let field = ''
  let suffix = ''
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as string
    if (part === 'properties' && index + 1 < parts.length) field += `${field ? '.' : ''}${parts[++index]}`
    else if (part === 'items') field += '[]'
    else if (part === 'enum') {
      suffix = ' enum value'
      break
    } else {
      suffix = ` ${parts.slice(index).join('.')}`
      break
    }
  }
  return `${field ? ` field \`${field}\`` : ''}${suffix}`
}

function values(diff: Diff): string {
  const show = (value: unknown) =>
    typeof value === 'object' && value !== null ? undefined : JSON.stringify(value)
  if (diff.action === 'replace') {
    const [from, to] = [show(diff.before), show(diff.after)]
    return from !== undefined && to !== undefined ? ` (${from} → ${to})` : ''
  }
  const value = show(diff.action === 'add' ? diff.after : diff.before)
  return value !== undefined && value.length <= 60 ? ` ${value}` : ''
}

function resolveParameter(node: unknown, document: SpecDocument): unknown {
  const ref = (node as { $ref?: unknown } | undefined)?.$ref
  const prefix = '#/components/parameters/'
  if (typeof ref !== 'string' || !ref.startsWith(prefix)) return node
  return document.components?.parameters?.[ref.slice(prefix.length)]
}
