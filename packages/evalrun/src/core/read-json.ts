// Safe readers for vendor JSON: mappers receive whatever the vendor sent (or arbitrary values in property
// tests), so nothing here may throw, whatever the input.
//
// Each reader takes the schema type it reads as a type argument (`readNumber<EvalBatchRun>(raw, 'avg_score')`),
// so the key must be a field the vendor's spec declares: renaming a field in a spec and regenerating breaks the
// mapper's build, not just its tests. The value itself stays `unknown`: the spec says what should arrive, not
// what does. Without a type argument any key is accepted; that form is for JSON no schema describes.

export type JsonRecord = Record<string, unknown>

/**
 * The keys a schema declares, without its index signatures. openapi-typescript gives open objects
 * (`additionalProperties`) an index signature, `{ id: string } & { [key: string]: unknown }`, whose `keyof` is
 * `string`: every typo would pass. A key remapping that drops `string`/`number`/`symbol` keeps only the declared
 * names. Distributes over unions, so a union schema accepts the keys of any of its members.
 */
export type KnownKeys<Schema> = Schema extends unknown
  ? keyof {
      [Key in keyof Schema as string extends Key
        ? never
        : number extends Key
          ? never
          : symbol extends Key
            ? never
            : Key]: Schema[Key]
    } &
      string
  : never

/** A key of `Schema`; any string when no schema is given (`Schema` left at `unknown`). */
export type FieldKey<Schema> = unknown extends Schema ? string : KnownKeys<Schema>

export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null
}

export function readField<Schema = unknown>(value: unknown, key: FieldKey<Schema>): unknown {
  const record = asRecord(value)
  // Own properties only: `constructor`, `__proto__` and the like are not vendor data.
  return record !== null && Object.hasOwn(record, key) ? record[key] : undefined
}

export function readString<Schema = unknown>(value: unknown, key: FieldKey<Schema>): string | null {
  const field = readField<Schema>(value, key)
  return typeof field === 'string' ? field : null
}

export function readNumber<Schema = unknown>(value: unknown, key: FieldKey<Schema>): number | null {
  const field = readField<Schema>(value, key)
  return typeof field === 'number' && Number.isFinite(field) ? field : null
}

export function readBoolean<Schema = unknown>(value: unknown, key: FieldKey<Schema>): boolean | null {
  const field = readField<Schema>(value, key)
  return typeof field === 'boolean' ? field : null
}

/** A non-negative whole number, or null. */
export function readCount<Schema = unknown>(value: unknown, key: FieldKey<Schema>): number | null {
  const field = readNumber<Schema>(value, key)
  return field !== null && Number.isInteger(field) && field >= 0 ? field : null
}

export function readArray<Schema = unknown>(value: unknown, key: FieldKey<Schema>): unknown[] {
  const field = readField<Schema>(value, key)
  return Array.isArray(field) ? field : []
}

/** An id as the vendor sent it (string or number), as a string; null when absent or of another type. */
export function readId<Schema = unknown>(value: unknown, key: FieldKey<Schema>): string | null {
  const field = readField<Schema>(value, key)
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
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
