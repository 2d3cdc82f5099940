import { inspect } from 'node:util'
import { expect } from 'vitest'

/** Recognisable, and visible ASCII so the clients accept it. */
export const FAKE_KEY = 'sk-evalrun-FAKE-KEY-7f3a9c1e5b'

/** Every way an error is commonly shown or logged. */
export function renderings(error: unknown): Record<string, string> {
  const asError = error as Error
  return {
    message: String(asError?.message),
    stack: String(asError?.stack),
    string: String(error),
    json: JSON.stringify(error) ?? '',
    inspect: inspect(error, { depth: Number.POSITIVE_INFINITY }),
    inspectHidden: inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  }
}

/** The key appears in none of the error's renderings (its cause chain included, via inspect). */
export function expectKeyNotIn(error: unknown, label: string, key: string = FAKE_KEY): void {
  expect(error, `${label}: nothing was thrown`).toBeInstanceOf(Error)
  for (const [how, text] of Object.entries(renderings(error))) {
    expect(text.includes(key), `${label}: the key appears in its ${how}`).toBe(false)
  }
}
