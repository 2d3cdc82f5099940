import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml'

/**
 * The line and column of the value at `path` in a parsed YAML or JSON document (or of the key `key` inside it),
 * for error messages: the deepest node found on the path when the rest is missing.
 */
export function positionOf(
  doc: Document,
  lines: LineCounter,
  path: readonly (string | number)[],
  key?: string,
): { line: number; col: number } {
  let node: unknown = doc.contents
  let at = startOf(node)
  for (const segment of [...path, ...(key === undefined ? [] : [key])]) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment))
      if (pair === undefined) break
      // A key named as the problem points at the key itself; a value at its value.
      at = segment === key ? startOf(pair.key) : (startOf(pair.value) ?? startOf(pair.key))
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (item === undefined) break
      at = startOf(item) ?? at
      node = item
    } else break
  }
  return lines.linePos(at ?? 0)
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0]
}
