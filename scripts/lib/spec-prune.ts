/**
 * The last cut of a tracked subset: what Redocly's `filter-in` and `remove-unused-components` leave behind
 * although no tracked operation uses it.
 * - `webhooks`: filter-in only filters `paths`, so every webhook (and all it references) would stay. evalrun
 *   calls APIs and receives no webhooks.
 * - Top-level `x-` extensions: vendor tooling data about the whole upstream API (OpenAI's `x-oaiMeta` lists
 *   every documentation page), not about the tracked operations.
 * - Tags no kept operation uses.
 * - Components that the kept paths do not reach. remove-unused-components never removes a schema that has
 *   `allOf` (it may be a discriminator's implicit subtype), so everything such a schema references stays
 *   too: in OpenAI's spec, hundreds of chat and response schemas. Here the reach is followed transitively,
 *   and an `allOf` subtype of a reached schema with a `discriminator` counts as reached, as OpenAPI says.
 *   Security schemes are reached by name, from the document's or a kept operation's `security`.
 */

type Json = Record<string, unknown>

const COMPONENT_REF = /^#\/components\/([^/]+)\/([^/]+)$/

export function trimToTracked(document: Json): Json {
  const trimmed: Json = {}
  for (const [key, value] of Object.entries(document)) {
    if (key === 'webhooks' || key.startsWith('x-')) continue
    trimmed[key] = value
  }
  keepUsedTags(trimmed)
  pruneUnreachableComponents(trimmed)
  return trimmed
}

function keepUsedTags(document: Json): void {
  if (!Array.isArray(document.tags)) return
  const used = new Set<string>()
  for (const item of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(item ?? {})) {
      const tags = (operation as { tags?: unknown } | null)?.tags
      if (Array.isArray(tags)) for (const tag of tags) used.add(String(tag))
    }
  }
  const kept = document.tags.filter((tag) => used.has(String((tag as { name?: unknown }).name)))
  if (kept.length > 0) document.tags = kept
  else delete document.tags
}

function pruneUnreachableComponents(document: Json): void {
  const components = document.components as Record<string, Json> | undefined
  if (!components) return
  const lookup = (ref: string): unknown => {
    const match = COMPONENT_REF.exec(ref)
    if (!match) return undefined
    const [, type = '', name = ''] = match
    return components[type]?.[unescapePointer(name)]
  }

  const reached = new Set<string>()
  const visit = (node: unknown) => {
    for (const ref of refsIn(node)) {
      if (reached.has(ref) || lookup(ref) === undefined) continue
      reached.add(ref)
      visit(lookup(ref))
    }
  }
  const { components: _components, ...outside } = document
  visit(outside)

  // Implicit discriminator subtypes: reached through the parent they extend, not through a $ref to them.
  const schemas = (components.schemas ?? {}) as Record<string, Json>
  let grew = true
  while (grew) {
    grew = false
    for (const [name, schema] of Object.entries(schemas)) {
      const ref = `#/components/schemas/${escapePointer(name)}`
      if (reached.has(ref) || !Array.isArray(schema?.allOf)) continue
      const extendsReachedBase = schema.allOf.some((part) => {
        const base = (part as { $ref?: unknown }).$ref
        return (
          typeof base === 'string' &&
          reached.has(base) &&
          (lookup(base) as { discriminator?: unknown }).discriminator !== undefined
        )
      })
      if (extendsReachedBase) {
        reached.add(ref)
        visit(schema)
        grew = true
      }
    }
  }

  const schemes = securitySchemesUsed(document)
  for (const [type, entries] of Object.entries(components)) {
    if (typeof entries !== 'object' || entries === null) continue
    for (const name of Object.keys(entries)) {
      const used =
        type === 'securitySchemes'
          ? schemes.has(name)
          : reached.has(`#/components/${type}/${escapePointer(name)}`)
      if (!used) delete entries[name]
    }
    if (Object.keys(entries).length === 0) delete components[type]
  }
  if (Object.keys(components).length === 0) delete document.components
}

function securitySchemesUsed(document: Json): Set<string> {
  const requirements: unknown[] = Array.isArray(document.security) ? [...document.security] : []
  for (const item of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(item ?? {})) {
      const security = (operation as { security?: unknown } | null)?.security
      if (Array.isArray(security)) requirements.push(...security)
    }
  }
  return new Set(requirements.flatMap((requirement) => Object.keys((requirement ?? {}) as Json)))
}

/** Every local component $ref in `node`, and discriminator mapping targets (also references). */
function refsIn(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) refsIn(item, found)
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value)
      else if (key === 'mapping' && typeof value === 'object' && value !== null) {
        // A mapping target is a $ref, or a bare schema name.
        for (const target of Object.values(value)) {
          if (typeof target !== 'string') continue
          found.add(target.startsWith('#') ? target : `#/components/schemas/${escapePointer(target)}`)
        }
      } else refsIn(value, found)
    }
  }
  return found
}

function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1')
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~')
}
