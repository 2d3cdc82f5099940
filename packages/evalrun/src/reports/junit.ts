import type { ComparedItem, RunComparison } from '../core/comparison.js'
import type { EvalRun } from '../core/model.js'
import { escapeAttribute, escapeText } from './escape-markup.js'
import { type CaseOutcome, itemCases } from './item-cases.js'
import { significanceProperties } from './junit-significance.js'
import {
  formatDelta,
  formatNumber,
  formatScale,
  iterate,
  type ReportInput,
  type ReportRun,
  type RunVerdict,
  runLabel,
  suiteLabel,
} from './report-input.js'

interface Counts {
  tests: number
  failures: number
  errors: number
  skipped: number
}

interface Case {
  classname: string
  name: string
  outcome: CaseOutcome
  message: string | null
  /** `verdict` (an evaluator's), `gate` (evalrun's), `error` or `regression`. */
  type: string
  details: string
}

/**
 * JUnit XML, as GitLab (`artifacts:reports:junit`), Jenkins and the GitHub report actions read it: one
 * `<testsuite>` per run with its vendor, ref, score, scale, normalised score and pass rate as properties; one
 * `<testcase>` per item and judgement (see `itemCases` for the rule); one more, `gate`, when the run has a verdict;
 * one `<testsuite>` per comparison, with a failing case per regressed item. Items are read one at a time and only
 * their text is kept. Every count attribute adds up: `tests` counts every case, of which `failures`, `errors` and
 * `skipped` are the ones that did not pass.
 */
export async function toJUnit(input: ReportInput): Promise<string> {
  const suites: string[] = []
  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  let id = 0
  for await (const entry of iterate(input.runs)) {
    const cases = await runCases(entry)
    suites.push(
      testsuite(
        id++,
        runSuiteName(entry.run),
        entry.run.suite.ref,
        runProperties(entry),
        cases,
        entry.run,
        total,
      ),
    )
  }
  const unread = input.unreadRuns ?? []
  if (unread.length > 0) {
    const cases = unread.map(
      ({ ref, reason }): Case => ({
        classname: ref,
        name: 'read',
        outcome: 'error',
        message: reason,
        type: 'error',
        details: `ref: ${ref}\nreason: ${reason}`,
      }),
    )
    suites.push(
      testsuite(id++, `${input.title ?? 'evalrun'} runs not read`, 'evalrun', [], cases, null, total),
    )
  }
  for (const comparison of input.comparisons ?? []) {
    const { base, head } = comparison
    suites.push(
      testsuite(
        id++,
        `${input.title ?? 'evalrun'} compare ${base.ref} → ${head.ref}`,
        head.suite.ref,
        comparisonProperties(comparison),
        [
          ...comparison.items.map((item) => comparedCase(head.ref, item)),
          ...(comparison.complete ? [] : [incompleteCase(head.ref, comparison)]),
        ],
        null,
        total,
      ),
    )
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeAttribute(input.title ?? 'evalrun')}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}

async function runCases({ run, items, verdict }: ReportRun): Promise<Case[]> {
  const cases: Case[] = []
  for await (const item of iterate(items ?? [])) {
    for (const itemCase of itemCases(item)) {
      cases.push({
        classname: run.ref,
        type: itemCase.outcome === 'error' ? 'error' : 'verdict',
        ...itemCase,
      })
    }
  }
  if (verdict) cases.push(gateCase(run, verdict))
  return cases
}

function gateCase(run: EvalRun, verdict: RunVerdict): Case {
  return {
    classname: run.ref,
    name: 'gate',
    outcome: verdict.passed ? 'passed' : 'failed',
    message: verdict.passed ? null : verdict.reason,
    type: 'gate',
    details: [
      `verdict: ${verdict.passed ? 'passed' : 'failed'}`,
      `reason: ${verdict.reason}`,
      `status: ${run.status}`,
      `score: ${formatNumber(run.score)} on ${formatScale(run.scoreScale)}`,
      `normalised score: ${formatNumber(run.normalizedScore)}`,
      `pass rate: ${formatNumber(run.passRate)}`,
    ].join('\n'),
  }
}

/** A comparison whose item listing stopped early: its counts are partial, which is an error, not a pass. */
function incompleteCase(classname: string, comparison: RunComparison): Case {
  const message = 'an item listing stopped before its end: the counts cover only the items read'
  return {
    classname,
    name: 'complete',
    outcome: 'error',
    message,
    type: 'error',
    details: [message, ...comparison.warnings].join('\n'),
  }
}

function comparedCase(classname: string, item: ComparedItem): Case {
  const score = `score ${formatNumber(item.base?.normalizedScore ?? item.base?.score ?? null)} → ${formatNumber(item.head?.normalizedScore ?? item.head?.score ?? null)}`
  const details = [
    `change: ${item.change}`,
    score,
    `delta: ${formatDelta(item.scoreDelta)}`,
    ...item.metrics.map(
      (metric) =>
        `${metric.name}: ${formatNumber(metric.base)} → ${formatNumber(metric.head)} (${formatDelta(metric.delta, metric.normalized)})`,
    ),
  ].join('\n')
  const outcome: CaseOutcome =
    item.change === 'regressed' ? 'failed' : item.change === 'removed' ? 'skipped' : 'passed'
  const message =
    item.change === 'regressed'
      ? `regressed: ${score} (${formatDelta(item.scoreDelta)})`
      : item.change === 'removed'
        ? 'not in the head run'
        : null
  return { classname, name: item.key, outcome, message, type: 'regression', details }
}

function testsuite(
  id: number,
  name: string,
  pkg: string,
  properties: [string, string][],
  cases: Case[],
  run: EvalRun | null,
  total: Counts,
): string {
  const counts: Counts = { tests: cases.length, failures: 0, errors: 0, skipped: 0 }
  for (const c of cases) {
    if (c.outcome === 'failed') counts.failures++
    else if (c.outcome === 'error') counts.errors++
    else if (c.outcome === 'skipped') counts.skipped++
  }
  total.tests += counts.tests
  total.failures += counts.failures
  total.errors += counts.errors
  total.skipped += counts.skipped
  const timing = run ? runTiming(run) : ''
  const lines = [
    `  <testsuite name="${escapeAttribute(name)}" id="${id}" package="${escapeAttribute(pkg)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"${timing}>`,
    // The schema wants at least one property inside `<properties>`, so none means no element.
    ...(properties.length === 0
      ? []
      : [
          '    <properties>',
          ...properties.map(
            ([key, value]) =>
              `      <property name="${escapeAttribute(key)}" value="${escapeAttribute(value)}"/>`,
          ),
          '    </properties>',
        ]),
    ...cases.map(testcase),
    '  </testsuite>',
  ]
  return lines.join('\n')
}

function testcase(c: Case): string {
  const open = `    <testcase classname="${escapeAttribute(c.classname)}" name="${escapeAttribute(c.name)}">`
  const message = escapeAttribute(c.message ?? '')
  // The schema's order: skipped, then errors, then failures, then output. `<skipped>` takes no attribute in
  // Jenkins' schema, so its reason is its text.
  const outcome =
    c.outcome === 'skipped'
      ? `<skipped>${escapeText(c.message ?? '')}</skipped>`
      : c.outcome === 'error'
        ? `<error message="${message}" type="${c.type}">${escapeText(c.details)}</error>`
        : c.outcome === 'failed'
          ? `<failure message="${message}" type="${c.type}">${escapeText(c.details)}</failure>`
          : ''
  // A failure or error carries the details in its body; only the others need them as output.
  const output =
    c.outcome === 'failed' || c.outcome === 'error' ? '' : `<system-out>${escapeText(c.details)}</system-out>`
  return `${open}${outcome}${output}</testcase>`
}

function runSuiteName(run: EvalRun): string {
  return `${run.vendor} ${suiteLabel(run)}: ${runLabel(run)}`
}

function runProperties({ run, verdict, stats }: ReportRun): [string, string][] {
  const properties: [string, string][] = [
    ['vendor', run.vendor],
    ['ref', run.ref],
    ['suite', run.suite.ref],
    ['suiteName', run.suite.name ?? ''],
    ['status', run.status],
    ['vendorStatus', run.vendorStatus ?? ''],
    ['score', numberValue(run.score)],
    ['scale', run.scoreScale === null ? '' : formatScale(run.scoreScale)],
    ['normalizedScore', numberValue(run.normalizedScore)],
    ['passRate', numberValue(run.passRate)],
    ['url', run.url ?? ''],
  ]
  for (const [name, interval] of [
    ['passRate', stats?.passRate],
    ['normalizedScore', stats?.score],
  ] as const) {
    if (!interval) continue
    properties.push(
      [`${name}.low`, String(interval.low)],
      [`${name}.high`, String(interval.high)],
      [`${name}.n`, String(interval.n)],
      [`${name}.level`, String(interval.level)],
    )
  }
  if (verdict) properties.push(['verdict', verdict.passed ? 'passed' : 'failed'], ['reason', verdict.reason])
  return properties
}

function comparisonProperties(comparison: RunComparison): [string, string][] {
  const { summary } = comparison
  return [
    ['base', comparison.base.ref],
    ['head', comparison.head.ref],
    ['joinedBy', comparison.joinedBy],
    ['complete', String(comparison.complete)],
    ['improved', String(summary.improved)],
    ['regressed', String(summary.regressed)],
    ['unchanged', String(summary.unchanged)],
    ['added', String(summary.added)],
    ['removed', String(summary.removed)],
    ...summary.metrics.map((metric): [string, string] => [
      `metric.${metric.name}.delta`,
      numberValue(metric.delta),
    ]),
    ...significanceProperties(comparison),
  ]
}

/** Unknown numbers are empty values: a property must have one, and `null` or `NaN` would read as data. */
function numberValue(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value)
}

function runTiming(run: EvalRun): string {
  const start = run.startedAt ?? run.createdAt
  const timestamp =
    start && !Number.isNaN(start.getTime()) ? ` timestamp="${start.toISOString().slice(0, 19)}"` : ''
  const seconds =
    run.startedAt && run.completedAt ? (run.completedAt.getTime() - run.startedAt.getTime()) / 1000 : null
  return seconds !== null && seconds >= 0 ? `${timestamp} time="${seconds.toFixed(3)}"` : timestamp
}
