import { preview } from './read-json.js'

// ISO 8601 date or date-time. FastAPI back ends (Datalab, Humanloop) may send naive date-times with microseconds.
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * A vendor timestamp as a `Date`. Null and absent values are null; anything that is not a valid ISO 8601 date
 * becomes null with a warning pushed to `warnings`. Date-times without an offset are read as UTC, which is what
 * the vendors' servers send (reading them as local time would shift them by the machine's zone).
 */
export function parseVendorDate(value: unknown, field: string, warnings: string[]): Date | null {
  if (value === null || value === undefined) return null
  const parsed = typeof value === 'string' ? parseIso(value.trim()) : null
  if (parsed === null) {
    warnings.push(`${field} is ${preview(value)}, not a valid ISO 8601 date; it is left null.`)
  }
  return parsed
}

function parseIso(text: string): Date | null {
  const match = ISO_DATE_TIME.exec(text)
  if (!match) return null
  const [, day, time, fraction, zone] = match
  if (time === undefined) return validDate(`${day}T00:00:00.000Z`, day)
  const seconds = time.length === 5 ? `${time}:00` : time
  // Keep milliseconds only: more digits are legal ISO 8601 but not every engine parses them.
  const millis = (fraction ?? '').padEnd(3, '0').slice(0, 3)
  const offset = zone === undefined ? 'Z' : zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone)
  return validDate(`${day}T${seconds}.${millis}${offset}`, day)
}

function normaliseOffset(zone: string): string {
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
}

/** Rejects dates that engines silently roll over (2024-02-30 → March 1). */
function validDate(iso: string, day: string | undefined): Date | null {
  const time = Date.parse(iso)
  if (Number.isNaN(time) || day === undefined) return null
  // `day` is YYYY-MM-DD (the pattern says so): checked by arithmetic, which listings do for every run's dates.
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  const date = Number(day.slice(8, 10))
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return null
  return new Date(time)
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number
  // As `Date.UTC` reads them: years 0–99 are 1900–1999.
  const full = year < 100 ? year + 1900 : year
  const leap = (full % 4 === 0 && full % 100 !== 0) || full % 400 === 0
  return leap ? 29 : 28
}
