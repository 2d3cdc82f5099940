import type { EvalItem } from 'evalrun'
import { CliError, ExitCode } from './exit-codes.js'

export const KEY_CHOICES = 'key, name, input or input.<field>'

/** Keys longer than this are kept as their start and a hash, so that a long input costs a short key. */
const MAX_KEY_LENGTH = 200

/**
 * `--key`: a key function for `runs.compare` from a fixed choice, so that runs of two vendors (whose item keys
 * never match) can be compared without writing code:
 * - `key`: the vendor's identity of the test case (`item.key`), the default within one vendor;
 * - `name`: `item.name`;
 * - `input`: the whole input, as JSON with object keys sorted (so `{a, b}` and `{b, a}` match);
 * - `input.<field>`: one field of the input, e.g. `input.question`; a dotted path reaches nested fields.
 * An item without the value is left out of the join (the comparison warns with a count). Keys longer than 200
 * characters keep their first 120 and a 64-bit hash of the whole.
 */
export function joinKey(choice: string): (item: EvalItem) => string | null {
  if (choice === 'key') return (item) => item.key
  if (choice === 'name') return (item) => item.name
  if (choice === 'input') return (item) => (item.input === undefined ? null : shorten(stableJson(item.input)))
  if (choice.startsWith('input.') && choice.length > 'input.'.length) {
    const path = choice.slice('input.'.length).split('.')
    return (item) => {
      const value = path.reduce<unknown>(
        (at, field) =>
          typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[field] : undefined,
        item.input,
      )
      if (value === undefined || value === null) return null
      return shorten(typeof value === 'string' ? value : stableJson(value))
    }
  }
  throw new CliError(`--key ${JSON.stringify(choice)}: expected ${KEY_CHOICES}.`, ExitCode.usage)
}

/** JSON with every object's keys in sorted order, so that equal values give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner
    const record = inner as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    )
  })
}

function shorten(text: string): string {
  return text.length <= MAX_KEY_LENGTH ? text : `${text.slice(0, 120)}…#${hash64(text)}`
}

/** Two 32-bit multiply-xor passes (FNV-1a forwards, another prime backwards): 64 bits, as hex. */
function hash64(text: string): string {
  let forward = 0x811c9dc5
  let backward = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    forward = Math.imul(forward ^ text.charCodeAt(i), 0x01000193)
    backward = Math.imul(backward ^ text.charCodeAt(text.length - 1 - i), 0x5bd1e995)
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0')
  return hex(forward) + hex(backward)
}
