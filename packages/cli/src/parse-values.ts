import { CliError, ExitCode } from './exit-codes.js'

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const

/** `90s`, `30m`, `1.5h`, `500ms`, or a bare number of seconds. */
export function parseDuration(text: string, flag: string): number {
  const match = DURATION.exec(text.trim())
  if (!match) {
    throw new CliError(
      `${flag} ${JSON.stringify(text)}: expected a duration like 90s, 30m or 1h.`,
      ExitCode.usage,
    )
  }
  const unit = (match[2] ?? 's') as keyof typeof UNIT_MS
  const ms = Number(match[1]) * UNIT_MS[unit]
  if (ms <= 0) throw new CliError(`${flag} must be longer than zero.`, ExitCode.usage)
  return ms
}

export function parsePositiveInt(text: string, flag: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new CliError(
      `${flag} ${JSON.stringify(text)}: expected a whole number of 1 or more.`,
      ExitCode.usage,
    )
  }
  return value
}

/** A score threshold: a number, compared with each run's score on the vendor's own scale. */
export function parseScore(text: string, flag: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new CliError(`${flag} ${JSON.stringify(text)}: expected a number such as 0.8.`, ExitCode.usage)
  }
  return value
}

/** A TCP port on 127.0.0.1: 0 (any free one) to 65535. */
export function parsePort(text: string, flag: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value > 65_535) {
    throw new CliError(
      `${flag} ${JSON.stringify(text)}: expected a port number from 0 to 65535.`,
      ExitCode.usage,
    )
  }
  return value
}

/** A count that may be zero: 0, 1, 2, … */
export function parseCount(text: string, flag: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new CliError(
      `${flag} ${JSON.stringify(text)}: expected a whole number of 0 or more.`,
      ExitCode.usage,
    )
  }
  return value
}

/** A fraction on 0..1, such as a tolerated drop. */
export function parseFraction(text: string, flag: string): number {
  const value = Number(text)
  if (text.trim() === '' || !(value >= 0 && value <= 1)) {
    throw new CliError(
      `${flag} ${JSON.stringify(text)}: expected a number from 0 to 1 such as 0.02.`,
      ExitCode.usage,
    )
  }
  return value
}

/** A confidence level strictly between 0 and 1. */
export function parseConfidence(text: string, flag: string): number {
  const value = Number(text)
  if (text.trim() === '' || !(value > 0 && value < 1)) {
    throw new CliError(
      `${flag} ${JSON.stringify(text)}: expected a level between 0 and 1 such as 0.95.`,
      ExitCode.usage,
    )
  }
  return value
}

/** The longest time limit a timer takes (2^31 − 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647

/**
 * A per-request time limit: a bare number is milliseconds (`5000`), or a duration (`500ms`, `5s`, `2m`). `source`
 * names where it came from (`--request-timeout`, `EVALRUN_REQUEST_TIMEOUT`).
 */
export function parseRequestTimeout(text: string, source: string): number {
  const match = DURATION.exec(text.trim())
  const ms = match ? Number(match[1]) * UNIT_MS[(match[2] ?? 'ms') as keyof typeof UNIT_MS] : Number.NaN
  if (!(ms >= 1) || ms > MAX_TIMER_MS) {
    throw new CliError(
      `${source} ${JSON.stringify(text)}: expected a time of at least 1 ms per request, as milliseconds (5000) or a duration (500ms, 10s, 2m).`,
      ExitCode.usage,
    )
  }
  return Math.round(ms)
}
