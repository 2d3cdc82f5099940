/** `a, b or c`. */
export function listed(names: readonly string[], conjunction = 'or'): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`
}
