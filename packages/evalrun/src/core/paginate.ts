import { EvalrunMalformedResponseError, type RetryOptions } from '@evalrun/http'
import { backoffDelay, sleep } from '@evalrun/http/internal'
import { asRecord, type FieldKey, preview, readField } from './read-json.js'
import { RecentRefs } from './recent-refs.js'

/** Pages any one listing may read: far beyond any real suite, low enough that a looping server cannot run away. */
export const MAX_PAGES = 5_000
/** Entries a listing remembers to drop repeats and spot a page with nothing new; repeats come from much closer. */
const SEEN_WINDOW = 10_000

/** How a listing ends after a page, or where the next page starts. */
export type PageStep<Position> = { next: Position } | { end: 'done' } | { end: 'early'; why: string }

/** How a vendor pages one listing: where it starts, and what a page says of what follows it. */
export interface Paging<Position> {
  readonly first: Position
  /** After a page of `count` entries read at `at`. Never throws: a missing field means "not said". */
  after(page: unknown, count: number, at: Position): PageStep<Position>
}

/** The field of a page that holds its entries, checked against the page's schema. */
export interface ListField {
  readonly key: string
}

export function listIn<Schema>(key: FieldKey<Schema>): ListField {
  return { key }
}

/** One vendor listing, declared: `paginate` does the reading, the guards and the end rules. */
export interface Listing<Position> {
  /** For messages: `Datalab`. */
  vendor: string
  /** The operation, for messages and errors: `GET /api/v1/eval_batch_runs`. */
  operation: string
  /** What the entries are, for messages: `runs`, `items`. */
  entries: string
  paging: Paging<Position>
  read(position: Position): Promise<unknown>
  list: ListField
  /**
   * An entry's identity, to drop repeats and to stop on a page with nothing new. Absent where entries have none
   * (table rows): whole pages are then compared instead, and no entry is dropped.
   */
  key?(entry: unknown): string | null
  warn: ListingWarn
  signal: AbortSignal
  /**
   * The client's retry policy (`retryPolicyOf(client)`): a page whose list is missing or mistyped is read again on
   * its terms, as a cut-off body is (a proxy's glitch may pass), then fails. `false`: read once.
   */
  retry: Required<RetryOptions> | false
}

/**
 * How a listing reports what it could not do as asked. `stoppedEarly` marks a listing that ended before the vendor
 * said it was done: what was read is then incomplete, which a gate or a comparison must not take as the whole.
 */
export type ListingWarn = (message: string, detail?: { stoppedEarly?: boolean }) => void

const STOPPED_EARLY = { stoppedEarly: true } as const

/**
 * Every entry of a listing, lazily, each released from its page as it is yielded. The listing ends, with a
 * `stoppedEarly` warning, on a page that adds nothing not seen before (a server ignoring the offset, or rotating
 * pages under fresh cursors), on a position (cursor) handed back twice, on a page that ends before the vendor's
 * declared total or `has_more`, and after `MAX_PAGES` pages. A page whose list is missing or not a list is read
 * again, then fails as `EvalrunMalformedResponseError`: it is never taken for an empty, finished list.
 */
export async function* paginate<Position>(listing: Listing<Position>): AsyncGenerator<unknown> {
  for await (const entries of paginatePages(listing)) {
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]
      // Dropped from the page: the consumer holds it for as long as it needs it.
      entries[index] = undefined
      yield entry
    }
  }
}

/** As `paginate`, a page at a time (new entries only), for a consumer that works on a page at once. */
export async function* paginatePages<Position>(listing: Listing<Position>): AsyncGenerator<unknown[]> {
  const { vendor, entries: what, paging } = listing
  const seen = new RecentRefs(SEEN_WINDOW)
  const positions = new Set<string>()
  let at = paging.first
  for (let pages = 1; ; pages++) {
    const { page, entries } = await readPage(listing, at)
    const fresh = listing.key ? newEntries(entries, listing.key, seen) : wholePageIfNew(entries, seen)
    if (entries.length > 0 && fresh.length === 0) {
      stopEarly(
        listing,
        `${vendor} answered page ${pages} of ${what} (${listing.operation}) with nothing not seen before; listing stopped there (the server may ignore the offset or cursor).`,
      )
      return
    }
    const step = paging.after(page, entries.length, at)
    // Only `fresh` is handed on: the page's own list is emptied so that it holds no entry the consumer let go of.
    if (fresh !== entries) entries.length = 0
    if (fresh.length > 0) yield fresh
    if ('end' in step) {
      if (step.end === 'early') stopEarly(listing, `${vendor}'s listing of ${what} ended early: ${step.why}.`)
      return
    }
    const key = String(step.next)
    if (positions.has(key)) {
      stopEarly(
        listing,
        `${vendor} handed back cursor ${JSON.stringify(key)} a second time; listing stopped there.`,
      )
      return
    }
    positions.add(key)
    if (pages >= MAX_PAGES) {
      stopEarly(
        listing,
        `${vendor}: listing of ${what} stopped after ${MAX_PAGES} pages, the most one listing reads.`,
      )
      return
    }
    at = step.next
  }
}

async function readPage<Position>(
  listing: Listing<Position>,
  at: Position,
): Promise<{ page: unknown; entries: unknown[] }> {
  for (let attempt = 1; ; attempt++) {
    const page = await listing.read(at)
    const entries = readField(page, listing.list.key)
    if (Array.isArray(entries)) return { page, entries }
    const { retry } = listing
    if (retry === false || attempt > retry.maxRetries) {
      const [method = 'GET', url = listing.operation] = listing.operation.split(' ')
      const problem = `${describePage(page, listing.list.key)}, where a list of ${listing.entries} was expected`
      throw new EvalrunMalformedResponseError({
        message: `${listing.vendor} answered ${listing.operation} with ${problem} (${attempt === 1 ? 'read once: retries are off' : `${attempt} reads`}).`,
        vendor: listing.vendor,
        method,
        url,
        status: 200,
        problem,
        attempts: attempt,
      })
    }
    await sleep(backoffDelay(attempt - 1, retry), listing.signal)
  }
}

function describePage(page: unknown, key: string): string {
  if (page === null || page === undefined || page === '') return 'an empty body'
  if (asRecord(page) === null) return `a body that is not a JSON object (${preview(page)})`
  return `a page whose "${key}" is ${preview(readField(page, key))}`
}

function newEntries(entries: unknown[], key: (entry: unknown) => string | null, seen: RecentRefs): unknown[] {
  // An entry without its id (a vendor's slip) is known by its content, so that a page of them can still repeat.
  return entries.filter((entry) => seen.add(key(entry) ?? `entry:${fingerprint(entry)}`))
}

/** For entries without ids: the page itself is new unless the same page was seen before. */
function wholePageIfNew(entries: unknown[], seen: RecentRefs): unknown[] {
  return entries.length === 0 || seen.add(`page:${fingerprint(entries)}`) ? entries : []
}

/** A short hash of a page's JSON (FNV-1a, two lanes): enough to tell pages apart, cheap to keep. */
function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? ''
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length}`
}

function stopEarly(listing: Listing<unknown>, message: string): void {
  listing.warn(message, STOPPED_EARLY)
}

/** One response that holds the whole list. */
export const onePage: Paging<null> = { first: null, after: () => ({ end: 'done' }) }

/**
 * `offset` counts entries; `total` (null when the page does not say) is the vendor's declared size. Without a
 * total the listing goes on until an empty page.
 */
export function offsetPaging(total: (page: unknown) => number | null): Paging<number> {
  return {
    first: 0,
    after(page, count, offset) {
      const declared = total(page)
      const next = offset + count
      if (count === 0) {
        return declared !== null && offset < declared
          ? { end: 'early', why: `an empty page at offset ${offset} of the ${declared} declared` }
          : { end: 'done' }
      }
      return declared !== null && next >= declared ? { end: 'done' } : { next }
    },
  }
}

/** Pages numbered from 1; `pages` is the vendor's declared page count (null when the page does not say). */
export function numberedPaging(pages: (page: unknown) => number | null): Paging<number> {
  return {
    first: 1,
    after(page, count, number) {
      const declared = pages(page)
      if (count === 0) {
        return declared !== null && number < declared
          ? { end: 'early', why: `page ${number} of the ${declared} declared was empty` }
          : { end: 'done' }
      }
      return declared !== null && number >= declared ? { end: 'done' } : { next: number + 1 }
    },
  }
}

/**
 * A cursor list. `next` reads the cursor for the following page (null when none); `more`, where the vendor says it
 * (`has_more`), whether one follows: then a page without a next cursor, or an empty one, while more are promised,
 * ended early. Where the vendor does not say, no next cursor or an empty page ends the list.
 */
export function cursorPaging(
  next: (page: unknown) => string | null,
  more?: (page: unknown) => boolean | null,
): Paging<string | undefined> {
  return {
    first: undefined,
    after(page, count) {
      const cursor = next(page)
      const promised = more?.(page) ?? null
      if (promised === false) return { end: 'done' }
      if (promised === true && (count === 0 || cursor === null)) {
        return {
          end: 'early',
          why: count === 0 ? 'an empty page where more were promised' : 'no cursor where more were promised',
        }
      }
      return count === 0 || cursor === null || cursor === '' ? { end: 'done' } : { next: cursor }
    },
  }
}
