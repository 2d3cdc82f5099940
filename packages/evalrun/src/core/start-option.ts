import type { ListingWarn } from './paginate.js'
import type { StartOption } from './suite.js'

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
