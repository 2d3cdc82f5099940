import { preview } from './read-json.js'

// ISO 8601 date or date-time. FastAPI back ends (Datalab, Humanloop) may send naive date-times with microseconds.
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\d(?:[T ](\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?)?$/i

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
  if (match === null) return null
  const hasTime = match[1] !== undefined
  const fraction = match[2]
  // The pattern fixed where each digit is: numbers are read digit by digit (listings do this for every run's dates).
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const date = digits(text, 8, 2)
  // Engines silently roll over impossible dates (2024-02-30 → March 1): rejected instead.
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return null
  const hours = hasTime ? digits(text, 11, 2) : 0
  const minutes = hasTime ? digits(text, 14, 2) : 0
  const seconds = hasTime && text.charCodeAt(16) === COLON ? digits(text, 17, 2) : 0
  // Milliseconds only: more digits are legal ISO 8601 but below what a Date holds.
  const millis =
    fraction === undefined ? 0 : Number(fraction.slice(0, 3)) * 10 ** (3 - Math.min(3, fraction.length))
  // 24:00 is ISO 8601's end of the day, the next day's midnight.
  const endOfDay = hours === 24 && minutes === 0 && seconds === 0 && millis === 0
  if ((hours > 23 && !endOfDay) || minutes > 59 || seconds > 59) return null
  // Date.UTC reads years 0–99 as 1900–1999: those are computed 400 years (one whole calendar cycle) later.
  const early = year < 100
  const utc = Date.UTC(early ? year + 400 : year, month - 1, date, hours, minutes, seconds, millis)
  // Four-digit years keep every instant within what a Date holds: no NaN to check for.
  return new Date(utc - (early ? MS_PER_400_YEARS : 0) - offsetMinutes(match[3]) * 60_000)
}

const COLON = 58
const MINUS = 45

/** The number written by `count` decimal digits of `text` from `start`. */
function digits(text: string, start: number, count: number): number {
  let value = 0
  for (let i = start; i < start + count; i++) value = value * 10 + text.charCodeAt(i) - 48
  return value
}

/** `Z`, `+02:00`, `-0530` or none (read as UTC) → minutes east of UTC. */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.length === 1) return 0
  // ±HH:MM or ±HHMM (the pattern allows nothing else).
  const minutes = digits(zone, 1, 2) * 60 + digits(zone, zone.length === 6 ? 4 : 3, 2)
  return zone.charCodeAt(0) === MINUS ? -minutes : minutes
}

const MS_PER_400_YEARS = 146_097 * 86_400_000
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return leap ? 29 : 28
}
