import { EvalrunInvalidInputError } from './errors.js'

// Small checks shared by the input validators. Each throws `EvalrunInvalidInputError` naming the field.

export function requirePositiveInteger(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new EvalrunInvalidInputError({ field, value, expected: 'a positive whole number' })
  }
  return value
}

export function optionalPositiveInteger(field: string, value: unknown): number | undefined {
  return value === undefined ? undefined : requirePositiveInteger(field, value)
}

export function requireNonEmptyString(field: string, value: unknown, maxLength = 10_000): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw new EvalrunInvalidInputError({
      field,
      value,
      expected: `a non-empty string of at most ${maxLength} characters`,
    })
  }
  return value
}

export function optionalBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value
  throw new EvalrunInvalidInputError({ field, value, expected: 'true or false' })
}

export function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EvalrunInvalidInputError({ field, value, expected: 'an object' })
  }
  return value as Record<string, unknown>
}

/** Rejects keys the input type does not have: a misspelt option would otherwise be silently ignored. */
export function rejectUnknownKeys(
  field: string,
  value: Record<string, unknown>,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new EvalrunInvalidInputError({
        field: `${field}.${key}`,
        value: value[key],
        expected: `no such option (known: ${allowed.join(', ')})`,
      })
    }
  }
}
