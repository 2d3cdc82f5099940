import { stripVTControlCharacters } from 'node:util'

/** Plain text columns, each as wide as its widest cell; the last column is not padded. */
export function renderTable(
  headers: string[],
  rows: string[][],
  visibleLength: (s: string) => number,
): string {
  const widths = headers.map((header, column) =>
    Math.max(visibleLength(header), ...rows.map((row) => visibleLength(row[column] ?? ''))),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - visibleLength(cell)),
      )
      .join('  ')
      .trimEnd()
  return [line(headers), ...rows.map(line)].join('\n')
}

/** Colour codes take no room on screen. */
export function stripAnsi(text: string): string {
  return stripVTControlCharacters(text)
}
