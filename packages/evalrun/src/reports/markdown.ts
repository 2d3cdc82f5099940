import type { ComparedItem, RunComparison } from '../core/comparison.js'
import type { EvalRun, ItemStatus } from '../core/model.js'
import { withoutForbiddenChars } from './escape-markup.js'
import { plusMinus } from './interval-text.js'
import {
  formatDelta,
  formatNumber,
  formatPercent,
  formatScale,
  iterate,
  type ReportInput,
  type ReportRun,
  runLabel,
  suiteLabel,
} from './report-input.js'
import { safeUrl } from './safe-url.js'
import { significanceRows } from './significance-rows.js'

/** What GitHub takes per step summary (1 MiB), less a margin; a pull request comment takes 65,536 characters. */
export const MARKDOWN_MAX_BYTES = 1_000_000

export interface MarkdownOptions {
  /** The cap in UTF-8 bytes; past it rows are left out and a note says how many. Default `MARKDOWN_MAX_BYTES`. */
  maxBytes?: number
  /** Regressed items listed per comparison, largest drop first. Default 10. */
  topRegressions?: number
}

// Room kept for the heading and the note, which are written last but printed first and last.
const RESERVED_BYTES = 2_000
const encoder = new TextEncoder()

/**
 * GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY` or a pull request comment: the verdict, a table of the runs
 * (score, scale, normalised score, pass rate, items, verdict), and per comparison the counts, the metrics' change
 * and the top regressions. Never longer than `maxBytes`: rows that do not fit are counted in a closing note.
 */
export async function toMarkdown(input: ReportInput, options: MarkdownOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? MARKDOWN_MAX_BYTES
  const top = options.topRegressions ?? 10
  const body = new Budget(Math.max(0, maxBytes - RESERVED_BYTES))
  const verdicts = { passed: 0, failed: 0, runs: 0 }

  body.add(
    '| Run | Vendor | Suite | Status | Score | Scale | Normalised | Pass rate | Items | Verdict |',
    '|---|---|---|---|---|---|---|---|---|---|',
  )
  for await (const entry of iterate(input.runs)) {
    verdicts.runs++
    if (entry.verdict) verdicts[entry.verdict.passed ? 'passed' : 'failed']++
    // Past the cap the row is only counted: its items are not read.
    if (body.full) body.skip()
    else body.row(await runRow(entry))
  }
  for (const { ref, reason } of input.unreadRuns ?? []) {
    verdicts.runs++
    verdicts.failed++
    body.row(`| ${cell(ref)} | | | not read | | | | | | ❌ ${cell(reason)} |`)
  }
  for (const comparison of input.comparisons ?? []) comparisonSection(body, comparison, top)

  const note =
    body.skipped > 0
      ? `\n> [!NOTE]\n> Cut to stay under ${maxBytes.toLocaleString('en')} bytes: ${body.skipped.toLocaleString('en')} more ${body.skipped === 1 ? 'row was' : 'rows were'} left out. The JUnit report or \`evalrun report --html\` has every run.\n`
      : ''
  const text = [heading(input.title ?? 'evalrun', verdicts), '', ...body.lines, note].join('\n')
  return encoder.encode(text).length <= maxBytes ? text : cutToBytes(text, maxBytes)
}

/** Lines added while they fit, and a count of the rows that did not. */
class Budget {
  readonly lines: string[] = []
  skipped = 0
  full = false
  private used = 0
  constructor(private readonly max: number) {}

  add(...lines: string[]): boolean {
    const size = lines.reduce((sum, line) => sum + encoder.encode(line).length + 1, 0)
    if (this.full || this.used + size > this.max) {
      this.full = true
      return false
    }
    this.used += size
    this.lines.push(...lines)
    return true
  }

  row(line: string): void {
    if (!this.add(line)) this.skipped++
  }

  skip(): void {
    this.skipped++
  }
}

function heading(title: string, verdicts: { passed: number; failed: number; runs: number }): string {
  const runs = `${verdicts.runs} ${verdicts.runs === 1 ? 'run' : 'runs'}`
  const gated = verdicts.passed + verdicts.failed
  if (gated === 0) return `## ${cell(title)}: ${runs}`
  if (verdicts.failed === 0) return `## ✅ ${cell(title)}: passed (${runs}, every gate passed)`
  return `## ❌ ${cell(title)}: failed (${verdicts.failed} of ${gated} gated ${gated === 1 ? 'run' : 'runs'} failed)`
}

async function runRow({ run, items, verdict, stats }: ReportRun): Promise<string> {
  const verdictCell = verdict ? `${verdict.passed ? '✅' : '❌'} ${cell(verdict.reason)}` : '—'
  return `| ${runLink(run)} | ${cell(run.vendor)} | ${cell(suiteLabel(run))} | ${run.status} | ${formatNumber(run.score)} | ${formatScale(run.scoreScale)} | ${formatNumber(run.normalizedScore)}${plusMinus(stats?.score)} | ${formatPercent(run.passRate)}${plusMinus(stats?.passRate, true)} | ${items ? await itemCounts(items) : progressText(run)} | ${verdictCell} |`
}

async function itemCounts(items: NonNullable<ReportRun['items']>): Promise<string> {
  const counts = new Map<ItemStatus, number>()
  for await (const item of iterate(items)) counts.set(item.status, (counts.get(item.status) ?? 0) + 1)
  if (counts.size === 0) return 'none'
  return [...counts].map(([status, count]) => `${count} ${status}`).join(' · ')
}

/** Without the items, what the run's progress says of them: `40/42 done, 2 failed`. */
function progressText(run: EvalRun): string {
  const { total, completed, failed } = run.progress
  if (total === null && completed === null) return '—'
  return `${completed ?? '?'}/${total ?? '?'} done${failed ? `, ${failed} failed` : ''}`
}

function comparisonSection(body: Budget, comparison: RunComparison, top: number): void {
  const { base, head, summary } = comparison
  const added = body.add(
    '',
    `### Compared: ${runLink(base)} → ${runLink(head)}`,
    '',
    `${summary.regressed} regressed · ${summary.improved} improved · ${summary.unchanged} unchanged · ${summary.added} added · ${summary.removed} removed (items joined by ${comparison.joinedBy === 'key' ? "the vendor's key" : 'a custom key'})`,
  )
  if (added && !comparison.complete) {
    body.add(
      '',
      '> [!WARNING]',
      '> An item listing stopped before its end: these counts cover only the items read.',
    )
  }
  if (!added) {
    body.skipped += 1 + summary.metrics.length + Math.min(top, summary.regressed)
    return
  }
  if (summary.metrics.length > 0) {
    body.add('', '| Metric | Base mean | Head mean | Change |', '|---|---|---|---|')
    for (const metric of summary.metrics) {
      body.row(
        `| ${cell(metric.name)} | ${formatNumber(metric.baseMean)} | ${formatNumber(metric.headMean)} | ${formatDelta(metric.delta, metric.normalized)} |`,
      )
    }
  }
  const tests = significanceRows(comparison.significance)
  if (tests.length > 0) {
    body.add(
      '',
      '| Measure | Change | Interval | n | Test | Detectable | Verdict |',
      '|---|---|---|---|---|---|---|',
    )
    for (const test of tests) {
      body.row(
        `| ${cell(test.name)} | ${test.change} | ${test.interval} | ${test.n} | ${test.test} | ${test.detectable} | ${test.verdict} |`,
      )
    }
  }
  const regressions = comparison.items.filter((item) => item.change === 'regressed').slice(0, top)
  if (regressions.length > 0) {
    body.add(
      '',
      `**Top regressions** (${regressions.length} of ${summary.regressed})`,
      '',
      '| Item | Base | Head | Change | Judgements that dropped |',
      '|---|---|---|---|---|',
    )
    for (const item of regressions) {
      const dropped = item.metrics
        .filter((metric) => metric.delta !== null && metric.delta < 0)
        .map((metric) => `${cell(metric.name)} ${formatDelta(metric.delta, metric.normalized)}`)
        .join(', ')
      body.row(
        `| ${cell(itemLabel(item))} | ${formatNumber(item.base?.normalizedScore ?? item.base?.score ?? null)} | ${formatNumber(item.head?.normalizedScore ?? item.head?.score ?? null)} | ${formatDelta(item.scoreDelta)} | ${dropped || '—'} |`,
      )
    }
  }
  for (const warning of comparison.warnings.slice(0, 5)) body.add(`> ${cell(warning)}`)
}

function runLink(run: EvalRun): string {
  const label = `${cell(run.ref)}${run.name ? ` ${cell(runLabel(run))}` : ''}`
  const url = safeUrl(run.url)
  return url ? `[${label}](${url.replace(/[()\s]/g, (char) => encodeURIComponent(char))})` : label
}

/**
 * Vendor text made safe for one table cell: on one line, with no `|` to split the cell and nothing Markdown or
 * HTML would read as markup (a run named `<script>` or `**x**` shows as written).
 */
export function cell(text: string): string {
  return withoutForbiddenChars(text)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\|`*_[\]~]/g, (char) => `\\${char}`)
}

/** The last resort if the reserve was not enough (a title of a megabyte): cut on a character boundary. */
function cutToBytes(text: string, maxBytes: number): string {
  const note = '\n\n> [!NOTE]\n> Cut here to stay under the size limit.\n'
  const room = maxBytes - encoder.encode(note).length
  let end = Math.min(text.length, room)
  while (end > 0 && encoder.encode(text.slice(0, end)).length > room) end = Math.floor(end * 0.9)
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--
  return `${text.slice(0, end)}${note}`
}

/** The item by its name at the vendor, its key after it: `How do I reset my password? (row 1)`. */
function itemLabel(item: ComparedItem): string {
  const name = (item.head?.name ?? item.base?.name)?.trim()
  return name && name !== item.key ? `${name} (${item.key})` : item.key
}
