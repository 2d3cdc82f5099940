import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BUILT_IN_VENDORS,
  createEvalrun,
  type EvalRun,
  type Evalrun,
  type RunComparison,
  type StartRunInput,
} from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { type CommandContext, warnTo } from '../context.js'
import { ExitCode } from '../exit-codes.js'
import { describeComparison } from '../output/format-comparison.js'
import { colorStatus, formatMetric, RUN_TABLE_HEADERS, runRow } from '../output/format-run.js'
import { createProgressView } from '../output/progress-view.js'
import {
  SCORE_SUMMARY_HEADERS,
  SCORE_SUMMARY_NOTE,
  scoreOnOneScale,
  scoreSummary,
  scoreSummaryRow,
} from '../output/score-summary.js'
import { renderTable, stripAnsi } from '../output/table.js'
import { writeFileAtomically } from '../output/write-file-atomically.js'
import { parseScore } from '../parse-values.js'

export const demoCommand = defineCommand({
  name: 'demo',
  description: 'a tour on a local sandbox, no API keys needed: start, follow, list and score runs',
  declare: (command) =>
    command
      .option('--speed <n>', 'how much faster than real time the sandbox runs (default 8)')
      .option('--report <file>', 'where to write the HTML report (default: in the temporary folder)'),
  run: (ctx, _args, flags) => demo(ctx, flags),
})

export interface DemoFlags {
  speed?: string
  /** Where to write the HTML report; default `evalrun-demo/report.html` in the system's temporary folder. */
  report?: string
}

/**
 * The tour, with no API keys: a sandbox in this process on a fast clock, one run started on each vendor and
 * followed live, then every vendor's runs in one table and a score summary, what changed item by item between one
 * of them and the run before it on its suite, and last the HTML report of them all. Leaves nothing running.
 */
async function demo(ctx: CommandContext, flags: DemoFlags): Promise<ExitCode> {
  const { io, colors } = ctx
  const say = (text: string) => io.stdout.write(`${text}\n`)
  // Loaded only here and in `sandbox`: the sandbox brings an OpenAPI router and its validators.
  const { startSandbox } = await import('@evalrun/sandbox')
  const sb = await startSandbox({
    seed: 12,
    runs: 24,
    suites: 2,
    clock: { speed: flags.speed ? parseScore(flags.speed, '--speed') : 8 },
  })
  try {
    const names = BUILT_IN_VENDORS.filter((vendor) => vendor.id in sb.urls).map(
      (vendor) => vendor.displayName,
    )
    say(colors.bold('evalrun demo') + colors.dim(` — a local sandbox stands in for ${names.join(', ')}`))
    const evalrun = createEvalrun({ ...sb.clientOptions, onWarning: warnTo(io) })

    // One run on each vendor that can start runs; the sandbox knows which of its suites to start them on.
    const starters = new Set(
      BUILT_IN_VENDORS.filter((vendor) => vendor.startFlags).map((vendor) => vendor.id),
    )
    const inputs = sb
      .sampleStartInputs()
      .filter((input) => starters.has(input.vendor)) as unknown as StartRunInput[]
    const started: EvalRun[] = []
    for (const input of inputs) {
      const run = await evalrun.runs.start(input)
      started.push(run)
      say(`started ${colors.cyan(run.ref)} on ${run.suite.kind} ${run.suite.name ?? run.suite.id}`)
    }

    say(`\nwaiting for the ${started.length} runs:`)
    const view = createProgressView(io, colors)
    const finished = await Promise.all(
      started.map((run) =>
        evalrun.runs.wait(run.ref, {
          timeoutMs: 60_000,
          pollIntervalMs: 250,
          onProgress: (r) => view.update(r),
        }),
      ),
    )
    for (const run of finished) view.update(run)
    view.stop()

    say(`\n${colors.bold('Latest runs across every vendor')}`)
    const rows: string[][] = []
    const all: EvalRun[] = []
    for await (const run of evalrun.runs.list()) all.push(run)
    all.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
    for (const run of all.slice(0, 12)) rows.push(runRow(run, colors))
    say(renderTable(RUN_TABLE_HEADERS, rows, (s) => stripAnsi(s).length))

    say(`\n${colors.bold('Score summary')} (${all.length} runs)`)
    say(
      renderTable(SCORE_SUMMARY_HEADERS, scoreSummary(all).map(scoreSummaryRow), (s) => stripAnsi(s).length),
    )
    say(colors.dim(SCORE_SUMMARY_NOTE))
    const line = (run: EvalRun) => {
      const metrics = run.metrics.map(formatMetric).join(' · ')
      return `  ${run.ref}  ${colorStatus(run.status, colors)}  score ${scoreOnOneScale(run)}${metrics ? `  ${metrics}` : ''}`
    }
    say(`\n${colors.bold('The runs started by this demo')}`)
    for (const run of finished) say(line(run))

    // Vendors whose runs are made elsewhere (Langfuse's experiments run in the user's own code): read, not started.
    const readOnly = BUILT_IN_VENDORS.filter((vendor) => !vendor.startFlags && vendor.id in sb.urls)
    if (readOnly.length > 0) {
      say(`\n${colors.bold('The latest scored run of each vendor that cannot start runs')}`)
      for (const vendor of readOnly) {
        const latest = all.find((run) => run.vendor === vendor.id && run.terminal && run.score !== null)
        if (latest) say(line(await evalrun.runs.get(latest.ref)))
      }
    }

    // The last word: a started run against the run before it on its suite, item by item (one with regressions,
    // when there is one: that is what a compare is for).
    const comparisons: RunComparison[] = []
    const stats = await import('evalrun/stats')
    for (const head of finished) {
      const base = await previousRunOf(evalrun, head)
      if (base !== null) comparisons.push(await evalrun.runs.compare(base, head, { stats }))
    }
    const shown = comparisons.sort((a, b) => telling(b) - telling(a))[0]
    if (shown !== undefined) {
      const suite = `${shown.head.suite.kind} ${shown.head.suite.name ?? shown.head.suite.id}`
      say(
        `\n${colors.bold(`What changed on ${suite}`)} (evalrun runs compare ${shown.base.ref} ${shown.head.ref})`,
      )
      say(describeComparison(shown, colors, { maxItems: 8 }).trimEnd())
    }

    // Last: every run on one page, as `evalrun report --html` writes it, with the comparisons just made.
    const { renderHtmlReport, vendorColorsOf } = await import('evalrun/reports')
    const html = await renderHtmlReport(
      {
        // Each completed run with its intervals: error bars on the charts, ± and n in the tables.
        runs: await Promise.all(
          all.map(async (run) => ({
            run,
            stats:
              run.status === 'completed' ? await evalrun.runs.stats(run, { stats }).catch(() => null) : null,
          })),
        ),
        comparisons,
        title: 'evalrun demo report',
      },
      { vendorColors: vendorColorsOf(BUILT_IN_VENDORS) },
    )
    const path = await writeFileAtomically(
      flags.report ?? join(tmpdir(), 'evalrun-demo', 'report.html'),
      html,
    )
    say(`\n${colors.bold('The report')}: every run, each suite's trend by vendor, the latest pairs`)
    say(`  ${path}`)
    return ExitCode.ok
  } finally {
    await sb.close()
  }
}

/** The newest completed run of `head`'s suite before it, if `head` completed and there is one. */
async function previousRunOf(evalrun: Evalrun, head: EvalRun): Promise<EvalRun | null> {
  if (head.status !== 'completed') return null
  let previous: EvalRun | null = null
  const createdMs = (run: EvalRun) => run.createdAt?.getTime() ?? 0
  for await (const run of evalrun.runs.list({ suite: head.suite.ref, status: ['completed'] })) {
    if (run.ref === head.ref || createdMs(run) > createdMs(head)) continue
    if (previous === null || createdMs(run) > createdMs(previous)) previous = run
  }
  return previous
}

/** Regressions first, then any change: how much a comparison has to show. */
function telling(comparison: RunComparison): number {
  const { regressed, improved } = comparison.summary
  return (regressed > 0 ? 1000 : 0) + regressed + improved
}
