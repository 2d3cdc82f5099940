/** Pages any one listing may read: far beyond any real suite, low enough that a looping server cannot run away. */
export const MAX_PAGES = 5_000

/**
 * Watches one vendor listing's pages. Servers have been seen to ignore `offset` (every page the same runs, `total`
 * promising more) or to hand back a cursor already followed; either would page forever. The guard stops such a
 * listing with a warning naming the vendor, and bounds the pages any listing reads.
 */
export interface PageGuard {
  /** Whether to use this page: false when it repeats the previous page's runs (the listing then ends). */
  freshPage(ids: readonly string[]): boolean
  /** Whether to read the next page: false when its cursor was followed before or the page budget is spent. */
  mayContinue(nextCursor?: string | number | null): boolean
}

/**
 * How a listing reports what it could not do as asked. `stoppedEarly` marks a listing that ended before the vendor
 * said it was done: what was read is then incomplete, which a gate or a comparison must not take as the whole.
 */
export type ListingWarn = (message: string, detail?: { stoppedEarly?: boolean }) => void

const STOPPED_EARLY = { stoppedEarly: true } as const

export function createPageGuard(vendor: string, warn: ListingWarn, maxPages = MAX_PAGES): PageGuard {
  let previous = new Set<string>()
  let pages = 0
  const cursors = new Set<string>()
  return {
    freshPage(ids) {
      pages++
      if (ids.length > 0 && ids.every((id) => previous.has(id))) {
        warn(
          `${vendor} answered page ${pages} with the same runs as the page before; listing stopped there (the server may ignore the offset).`,
          STOPPED_EARLY,
        )
        return false
      }
      previous = new Set(ids)
      return true
    },
    mayContinue(nextCursor) {
      if (nextCursor !== undefined && nextCursor !== null) {
        const key = String(nextCursor)
        if (cursors.has(key)) {
          warn(
            `${vendor} handed back cursor ${JSON.stringify(key)} a second time; listing stopped there.`,
            STOPPED_EARLY,
          )
          return false
        }
        cursors.add(key)
      }
      if (pages >= maxPages) {
        warn(`${vendor}: listing stopped after ${maxPages} pages, the most one listing reads.`, STOPPED_EARLY)
        return false
      }
      return true
    },
  }
}
