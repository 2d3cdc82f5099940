import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { EvalItem, EvalRun } from 'evalrun'
import type { ReportRun, RunComparison, RunVerdict, UnreadRun } from 'evalrun/reports'
import type { RunStats } from 'evalrun/stats'
import { gateAnnotations } from '../ci/annotations.js'
import { reportFilesFor, setStepOutput } from '../ci/ci-report-files.js'
import type { AnnotationLocation } from '../ci/github-commands.js'
import { appendSummary, type RenderMarkdown, writePrComment } from '../ci/markdown-files.js'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import type { GateOutcome } from '../gate/gate-outcome.js'
import { writeFileAtomically } from './write-file-atomically.js'

/**
 * `--junit <file>`, `--summary <file>` and `--pr-comment <file>`, on `check`, `runs wait`, `runs start --wait` and
 * `runs compare`; `json` says where GitHub annotations go (stderr when stdout holds JSON lines).
 */
export interface ReportFileFlags {
  junit?: string
  summary?: string
  prComment?: string
  json?: boolean
}

/** Checks the report paths before anything is read: an empty path or a folder is a usage error (exit 2). */
export async function checkReportPaths(flags: ReportFileFlags): Promise<void> {
  for (const [flag, path] of [
    ['--junit', flags.junit],
    ['--summary', flags.summary],
    ['--pr-comment', flags.prComment],
  ] as const) {
    if (path === undefined) continue
    if (path.trim() === '') throw new CliError(`${flag} needs a file path.`, ExitCode.usage)
    const existing = await stat(resolve(path)).catch(() => null)
    if (existing?.isDirectory()) {
      throw new CliError(`${flag} ${path}: expected a file path, but it is a folder.`, ExitCode.usage)
    }
  }
}

/** One run to report: read (`run`) or not (`run` null, and `verdict.reason` says why), with its gate verdict. */
interface ReportedRun {
  ref: string
  /** What the annotations name: the suite and the run (`datalab:1 datalab:6`) or the run. */
  subject?: string
  /** Where the annotations point: the suite's entry in the config file (`check`). */
  location?: AnnotationLocation | null
  run: EvalRun | null
  verdict: RunVerdict | null
  /** The run's intervals, when they were read (`runs wait`). */
  stats?: RunStats | null
}

/**
 * The gate's outcomes (`runs wait`, `runs start --wait`) as JUnit XML, each run's items read again lazily as test
 * cases, and as a Markdown summary, when asked. See `writeReports`.
 */
export function writeGateReports(
  ctx: CommandContext,
  flags: ReportFileFlags,
  outcomes: readonly (GateOutcome & {
    suite?: string
    comparison?: RunComparison | null
    location?: AnnotationLocation | null
  })[],
  intervals: readonly (RunStats | null)[] = [],
): Promise<ExitCode> {
  const runs = outcomes.map(({ ref, run, exitCode, line, suite, location }, i) => ({
    ref,
    location: location ?? null,
    subject: suite === undefined || suite === '' || suite === ref ? ref : `${suite} ${ref}`,
    run,
    verdict: { passed: exitCode === ExitCode.ok, reason: line },
    stats: intervals[i] ?? null,
  }))
  // A suite's comparison with its baseline (`check`'s maxDrop) feeds the regression annotations only: its items
  // are not test cases of the gate.
  const compared = outcomes.flatMap(({ comparison }) => (comparison ? [comparison] : []))
  return writeReports(ctx, flags, runs, [], true, compared)
}

/**
 * A comparison (`runs compare`) as JUnit XML (its regressed items fail) and as a Markdown summary (the top
 * regressions), with a verdict on the head run when regressions were gated (`--fail-on-regression`).
 * The items are not read again: the comparison holds what changed.
 */
export function writeComparisonReports(
  ctx: CommandContext,
  flags: ReportFileFlags,
  comparison: RunComparison,
  verdict: RunVerdict | null,
): Promise<ExitCode> {
  const runs = [
    { ref: comparison.base.ref, run: comparison.base, verdict: null },
    { ref: comparison.head.ref, run: comparison.head, verdict },
  ]
  return writeReports(ctx, flags, runs, [comparison], false)
}

/**
 * Writes JUnit XML and a Markdown summary, when asked. The JUnit file is replaced atomically; the summary is
 * appended, as GitHub's `$GITHUB_STEP_SUMMARY` expects, so that a step's earlier summary is kept. Says what it wrote
 * on stderr (stdout holds the verdicts). Resolves with `ExitCode.api` when a run's items could not be read in full.
 */
async function writeReports(
  ctx: CommandContext,
  flags: ReportFileFlags,
  runs: readonly ReportedRun[],
  comparisons: readonly RunComparison[],
  readItems: boolean,
  annotatedComparisons: readonly RunComparison[] = comparisons,
): Promise<ExitCode> {
  if (ctx.ci === 'github') {
    const verdicts = runs.flatMap(({ ref, subject, verdict, location }) =>
      verdict
        ? [
            {
              subject: subject ?? ref,
              passed: verdict.passed,
              reason: verdict.reason,
              location: location ?? null,
            },
          ]
        : [],
    )
    const lines = gateAnnotations(verdicts, annotatedComparisons)
    ;(flags.json ? ctx.io.stderr : ctx.io.stdout).write(lines)
  }
  const files = reportFilesFor(flags, ctx.ci, ctx.io.env, process.cwd())
  const said = (line: string) => {
    if (!ctx.quiet) ctx.io.stderr.write(`${line}\n`)
  }
  if (files.junit === undefined && files.summary === undefined && files.prComment === undefined) {
    return ExitCode.ok
  }
  // Loaded only when a report is asked for: the renderers are no part of a plain gate.
  const { MARKDOWN_MAX_BYTES, toJUnit, toMarkdown } = await import('evalrun/reports')
  const problems: string[] = []
  const unreadRuns: UnreadRun[] = runs.flatMap(({ ref, run, verdict }) =>
    run === null ? [{ ref, reason: verdict?.reason ?? 'not read' }] : [],
  )
  const reportRuns = (withItems: boolean): ReportRun[] =>
    runs.flatMap(({ run, verdict, stats }) =>
      run === null
        ? []
        : [
            {
              run,
              verdict,
              stats,
              ...(withItems && run.terminal ? { items: itemsOf(ctx, run, problems) } : {}),
            },
          ],
    )
  const { junit, summary, prComment } = files
  if (junit !== undefined) {
    const xml = await toJUnit({ runs: reportRuns(readItems), unreadRuns, comparisons, title: 'evalrun' })
    const path = await write(junit, '--junit', () => writeFileAtomically(junit, xml))
    said(`wrote JUnit report ${path}`)
  }
  const render: RenderMarkdown = (maxBytes) =>
    toMarkdown({ runs: reportRuns(false), unreadRuns, comparisons, title: 'evalrun' }, { maxBytes })
  if (summary !== undefined) {
    const isStepSummary = ctx.ci === 'github' && summary === ctx.io.env.GITHUB_STEP_SUMMARY
    const written = await write(summary, '--summary', () =>
      appendSummary(summary, render, MARKDOWN_MAX_BYTES, isStepSummary),
    )
    if (written.path === null) ctx.io.stderr.write(`evalrun: ${written.why}\n`)
    else said(`wrote summary ${written.path}`)
  }
  if (prComment !== undefined) {
    const path = await write(prComment, '--pr-comment', () => writePrComment(prComment, render))
    said(`wrote pull-request comment body ${path}`)
    if (ctx.ci === 'github') await setStepOutput(ctx.io.env, 'pr-comment', path)
  }
  for (const problem of problems) ctx.io.stderr.write(`evalrun: ${problem}\n`)
  return problems.length > 0 ? ExitCode.api : ExitCode.ok
}

/** A run's items, read lazily; a read that fails or stops early ends them, and is said rather than thrown. */
async function* itemsOf(ctx: CommandContext, run: EvalRun, problems: string[]): AsyncGenerator<EvalItem> {
  const onWarning = (message: string, _vendor: string, detail?: { stoppedEarly?: boolean }) => {
    if (detail?.stoppedEarly) problems.push(`the JUnit report lacks some items of ${run.ref}: ${message}`)
  }
  try {
    yield* ctx.evalrun().runs.results(run, { onWarning })
  } catch (error) {
    problems.push(
      `the JUnit report lacks some items of ${run.ref}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

async function write<T>(path: string, flag: string, writing: () => Promise<T>): Promise<T> {
  try {
    return await writing()
  } catch (error) {
    throw new CliError(
      `${flag} ${path}: cannot write the file (${(error as Error).message}).`,
      ExitCode.usage,
    )
  }
}
