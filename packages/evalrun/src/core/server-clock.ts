/**
 * A vendor's clock, read from the `Date` header of its answers. A vendor's times are its own, so how long ago
 * something happened there is best judged on its clock rather than this machine's, which may be off by minutes.
 */
export interface ServerClock {
  /** Notes an answer's headers; one without a readable `Date` (a browser reading another origin) changes nothing. */
  observe(headers: Headers): void
  /** Now on the vendor's clock: the last `Date` seen plus the time since it arrived; this machine's before any. */
  now(): Date
}

export function createServerClock(): ServerClock {
  let last: { serverMs: number; receivedMs: number } | null = null
  return {
    observe(headers) {
      const date = httpDate(headers)
      if (date !== null) last = { serverMs: date.getTime(), receivedMs: Date.now() }
    },
    now: () => new Date(last === null ? Date.now() : last.serverMs + (Date.now() - last.receivedMs)),
  }
}

/** The `Date` header as a time, or null. */
export function httpDate(headers: Headers): Date | null {
  const value = headers.get('date')
  const ms = value === null ? Number.NaN : Date.parse(value)
  return Number.isNaN(ms) ? null : new Date(ms)
}
