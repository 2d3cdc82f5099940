import type { ListingWarn } from './paginate.js'
import type { EvalSuite, StartOption } from './suite.js'

/**
 * One start option from a vendor's list entry, or null for an entry without an id (nothing a flag could take):
 * that one is said through `warn` rather than shown blank.
 */
export function startOption(
  fields: Omit<StartOption, 'id'> & { id: string | null },
  warn: ListingWarn,
): StartOption | null {
  if (fields.id === null || fields.id === '') {
    warn(`A ${fields.kind} listed for ${fields.field} has no id; it is left out.`)
    return null
  }
  return { ...fields, id: fields.id }
}

/** A listed suite as what a start flag takes (`field`): its id, name and creation; null (and said) without an id. */
export function suiteStartOption(suite: EvalSuite, field: string, warn: ListingWarn): StartOption | null {
  const { kind, id, name, createdAt } = suite
  return startOption({ field, kind, id, name, use: null, createdAt }, warn)
}
