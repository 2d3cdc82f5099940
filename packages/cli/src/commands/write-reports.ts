import { appendFile, mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { EvalItem, EvalRun } from 'evalrun'
import type { ReportRun, RunComparison, UnreadRun } from 'evalrun/reports'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import type { GateOutcome } from '../gate/judge-run.js'
import { writeFileAtomically } from '../output/write-file-atomically.js'

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

/**
 * Writes the gate's outcomes as JUnit XML (each run's items read again, lazily, as test cases) and as a Markdown
 * summary, when asked. The JUnit file is replaced atomically; the summary is appended, as GitHub's
 * `$GITHUB_STEP_SUMMARY` expects, so that a step's earlier summary is kept. Says what it wrote on stderr (stdout
 * holds the verdicts). Resolves with `ExitCode.api` when a run's items could not be read in full, else `ok`.
 */
export async function writeReports(
  ctx: CommandContext,
  flags: ReportFileFlags,
  outcomes: readonly GateOutcome[],
  comparisons: readonly RunComparison[] = [],
): Promise<ExitCode> {
  if (flags.junit === undefined && flags.summary === undefined) return ExitCode.ok
  // Loaded only when a report is asked for: the renderers are no part of a plain gate.
  const { toJUnit, toMarkdown } = await import('evalrun/reports')
  const problems: string[] = []
  const unreadRuns: UnreadRun[] = outcomes
    .filter((outcome) => outcome.run === null)
    .map((outcome) => ({ ref: outcome.ref, reason: outcome.line }))
  const reportRuns = (withItems: boolean): ReportRun[] =>
    outcomes.flatMap(({ run, exitCode, line }) =>
      run === null
        ? []
        : [
            {
              run,
              verdict: { passed: exitCode === ExitCode.ok, reason: line },
              ...(withItems && run.terminal ? { items: itemsOf(ctx, run, problems) } : {}),
            },
          ],
    )
  if (flags.junit !== undefined) {
    const xml = await toJUnit({ runs: reportRuns(true), unreadRuns, comparisons, title: 'evalrun' })
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

/** A run's items, read lazily; a read that fails ends them, and is said rather than thrown. */
async function* itemsOf(ctx: CommandContext, run: EvalRun, problems: string[]): AsyncGenerator<EvalItem> {
  try {
    yield* ctx.evalrun().runs.results(run)
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
