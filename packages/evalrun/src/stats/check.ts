import { EvalrunInvalidInputError } from '../core/errors.js'

/** A confidence level strictly between 0 and 1. */
export function checkLevel(level: unknown, field = 'level'): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new EvalrunInvalidInputError({
      field,
      value: level,
      expected: 'a confidence level strictly between 0 and 1, such as 0.95',
    })
  }
  return level
}

/** A whole number at least `min`. */
export function checkCount(value: unknown, field: string, min: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new EvalrunInvalidInputError({ field, value, expected: `${what}: a whole number ≥ ${min}` })
  }
  return value
}

/** An array of at least `min` entries. */
export function checkArray(value: unknown, field: string, min: number, what: string): readonly unknown[] {
  if (!Array.isArray(value) || value.length < min) {
    throw new EvalrunInvalidInputError({
      field,
      value: Array.isArray(value) ? `an array of ${value.length}` : value,
      expected: `${what}: an array of at least ${min}`,
    })
  }
  return value
}

/** A finite number, named by its place in the input (`values[3]`). */
export function checkFinite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EvalrunInvalidInputError({ field, value, expected: 'a finite number' })
  }
  return value
}
