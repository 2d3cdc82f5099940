// Safe readers for vendor JSON: mappers receive whatever the vendor sent (or arbitrary values in property
// tests), so nothing here may throw, whatever the input.

export type JsonRecord = Record<string, unknown>

export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null
}

export function readField(value: unknown, key: string): unknown {
  const record = asRecord(value)
  // Own properties only: `constructor`, `__proto__` and the like are not vendor data.
  return record !== null && Object.hasOwn(record, key) ? record[key] : undefined
}

export function readString(value: unknown, key: string): string | null {
  const field = readField(value, key)
  return typeof field === 'string' ? field : null
}

export function readNumber(value: unknown, key: string): number | null {
  const field = readField(value, key)
  return typeof field === 'number' && Number.isFinite(field) ? field : null
}

/** A non-negative whole number, or null. */
export function readCount(value: unknown, key: string): number | null {
  const field = readNumber(value, key)
  return field !== null && Number.isInteger(field) && field >= 0 ? field : null
}

export function readArray(value: unknown, key: string): unknown[] {
  const field = readField(value, key)
  return Array.isArray(field) ? field : []
}

/** An id as the vendor sent it (string or number), as a string; null when absent or of another type. */
export function readId(value: unknown, key: string): string | null {
  const field = readField(value, key)
  if (typeof field === 'string' && field !== '') return field
  if (typeof field === 'number' && Number.isFinite(field)) return String(field)
  return null
}

/** For warnings: a short, safe rendering of an unexpected value. */
export function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}
