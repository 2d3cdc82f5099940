// `evalrun/reports`: a run's verdict and results as JUnit XML, GitHub-flavoured Markdown and one self-contained
// HTML page, from plain data (runs, their items, verdicts, comparisons). An entry of its own, so that an app that
// writes no report does not bundle them.
export type {
  ComparedItem,
  ComparedSide,
  ComparisonSummary,
  ItemChange,
  MetricChange,
  MetricDelta,
  RunComparison,
} from './core/comparison.js'
export type { RunStats } from './core/run-stats.js'
export type {
  ComparisonSignificance,
  MeasureSignificance,
  PassRateSignificance,
  SignificanceVerdict,
} from './core/significance.js'
export { type HtmlReportOptions, renderHtmlReport } from './reports/html.js'
export { type CaseOutcome, type ItemCase, itemCases } from './reports/item-cases.js'
export { toJUnit } from './reports/junit.js'
export { latestPairs, type PairableRun, type RunPair } from './reports/latest-pairs.js'
export { MARKDOWN_MAX_BYTES, type MarkdownOptions, toMarkdown } from './reports/markdown.js'
export type { ReportInput, ReportItems, ReportRun, RunVerdict, UnreadRun } from './reports/report-input.js'
export { vendorColorsOf } from './reports/vendor-colors.js'
