/** A judgement as a number: numbers as they are, booleans as 1 or 0, anything else null. */
export function judgementValue(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number' && Number.isFinite(value)) return value
  return null
}

/** The mean of the judgements that are numbers or booleans, or null when there are none. */
export function meanJudgement(values: unknown[]): number | null {
  let sum = 0
  let count = 0
  for (const value of values) {
    const number = judgementValue(value)
    if (number === null) continue
    sum += number
    count++
  }
  return count === 0 ? null : sum / count
}
