/** One JSON object per line; Dates become ISO strings through their toJSON. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`
}
