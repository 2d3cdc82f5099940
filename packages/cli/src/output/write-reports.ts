import { appendFile, mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { EvalItem, EvalRun } from 'evalrun'
import type { ReportRun, RunComparison, RunVerdict, UnreadRun } from 'evalrun/reports'
import type { RunStats } from 'evalrun/stats'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import type { GateOutcome } from '../gate/gate-outcome.js'
import { writeFileAtomically } from './write-file-atomically.js'

/** `--junit <file>` and `--summary <file>`, on `runs wait`, `runs start --wait` and `runs compare`. */
export interface ReportFileFlags {
  junit?: string
  summary?: string
}

/** Checks the report paths before anything is read: an empty path or a folder is a usage error (exit 2). */
export async function checkReportPaths(flags: ReportFileFlags): Promise<void> {
  for (const [flag, path] of [
    ['--junit', flags.junit],
    ['--summary', flags.summary],
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
  outcomes: readonly GateOutcome[],
  intervals: readonly (RunStats | null)[] = [],
): Promise<ExitCode> {
  const runs = outcomes.map(({ ref, run, exitCode, line }, i) => ({
    ref,
    run,
    verdict: { passed: exitCode === ExitCode.ok, reason: line },
    stats: intervals[i] ?? null,
  }))
  return writeReports(ctx, flags, runs, [], true)
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
): Promise<ExitCode> {
  if (flags.junit === undefined && flags.summary === undefined) return ExitCode.ok
  // Loaded only when a report is asked for: the renderers are no part of a plain gate.
  const { toJUnit, toMarkdown } = await import('evalrun/reports')
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
  if (flags.junit !== undefined) {
    const xml = await toJUnit({ runs: reportRuns(readItems), unreadRuns, comparisons, title: 'evalrun' })
    const path = await write(flags.junit, '--junit', () => writeFileAtomically(flags.junit as string, xml))
    ctx.io.stderr.write(`wrote JUnit report ${path}\n`)
  }
  if (flags.summary !== undefined) {
    const markdown = await toMarkdown({ runs: reportRuns(false), unreadRuns, comparisons, title: 'evalrun' })
    const path = await write(flags.summary, '--summary', async () => {
      const target = resolve(flags.summary as string)
      await mkdir(dirname(target), { recursive: true })
      const existing = await stat(target).catch(() => null)
      await appendFile(target, `${existing && existing.size > 0 ? '\n' : ''}${markdown}`)
      return target
    })
    ctx.io.stderr.write(`wrote summary ${path}\n`)
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

async function write(path: string, flag: string, writing: () => Promise<string>): Promise<string> {
  try {
    return await writing()
  } catch (error) {
    throw new CliError(
      `${flag} ${path}: cannot write the file (${(error as Error).message}).`,
      ExitCode.usage,
    )
  }
}
