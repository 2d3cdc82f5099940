import type { ExperimentEvent, ObjectReference } from '@evalrun/braintrust'
import { asRecord, readField, readString } from '../../core/read-json.js'

/** Keys longer than this are hashed: inputs can be whole documents. */
const MAX_KEY_LENGTH = 200

/**
 * The identity of an event's test case across experiments. Braintrust matches cases by `input` ("to know whether
 * two test cases are the same between experiments"), so the key is the input as canonical JSON (keys sorted),
 * hashed when long; an event without input falls back to the dataset record it came from (`origin`). Null when it
 * has neither.
 */
export function braintrustCaseKey(event: unknown): string | null {
  const input = readField<ExperimentEvent>(event, 'input')
  if (input !== undefined && input !== null) {
    const text = canonicalJson(input)
    return text.length <= MAX_KEY_LENGTH ? text : `input#${hash(text)}`
  }
  const origin = asRecord(readField<ExperimentEvent>(event, 'origin'))
  const objectId = readString<ObjectReference>(origin, 'object_id')
  const recordId = readString<ObjectReference>(origin, 'id')
  if (objectId === null || recordId === null) return null
  return `${readString<ObjectReference>(origin, 'object_type') ?? 'origin'}:${objectId}/${recordId}`
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are one case. Cycles cannot come from JSON. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Two 32-bit FNV-1a passes with different offsets: 16 hex digits, enough to tell a suite's cases apart. */
function hash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}
