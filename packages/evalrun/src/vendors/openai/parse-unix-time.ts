import { preview } from '../../core/read-json.js'

// OpenAI sends times as Unix seconds; dates after 9999 or before 1970 are not timestamps it would send.
const LATEST_SECONDS = 253_402_300_799

/** Unix seconds as a `Date`; null when absent, null with a warning when not a plausible timestamp. */
export function parseUnixSeconds(value: unknown, field: string, warnings: string[]): Date | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LATEST_SECONDS) {
    return new Date(value * 1000)
  }
  warnings.push(`${field} is ${preview(value)}, not a Unix time in seconds; it is left null.`)
  return null
}
