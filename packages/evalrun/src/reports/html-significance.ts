import type { RunComparison } from '../core/comparison.js'
import { escapeText } from './escape-markup.js'
import { significanceRows } from './significance-rows.js'

/** The comparison's paired tests as a table: the change ± half its interval, n, the test and its p-value. */
export function significanceTable(comparison: RunComparison): string {
  const rows = significanceRows(comparison.significance)
  if (rows.length === 0) return ''
  const verdictClass = { regressed: 'bad', improved: 'good', 'no detectable change': 'note' } as const
  return `<table class="significance"><caption>Is the change real? Paired tests</caption><thead><tr><th scope="col">Measure</th><th scope="col">Change</th><th scope="col">Interval</th><th scope="col">n</th><th scope="col">Test</th><th scope="col">Detectable</th><th scope="col">Verdict</th></tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr><td>${escapeText(row.name)}</td><td class="num">${escapeText(row.change)}</td><td class="num">${escapeText(row.interval)}</td><td class="num">${escapeText(row.n)}</td><td>${escapeText(row.test)}</td><td class="num">${escapeText(row.detectable)}</td><td class="${verdictClass[row.verdict]}">${escapeText(row.verdict)}</td></tr>`,
    )
    .join('')}</tbody></table>`
}
