import {
  BUILT_IN_VENDORS,
  type EvalRun,
  type ListRunsOptions,
  type RunComparison,
  type Vendor,
} from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { collect } from '../common-flags.js'
import { requireSomeVendor } from '../configured-vendors.js'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { createReadProgress } from '../output/read-progress.js'
import { writeFileAtomically } from '../output/write-file-atomically.js'
import { vendorHelp } from '../vendor-help.js'

export const reportCommand = defineCommand({
  name: 'report',
  description:
    'write one self-contained HTML page of every run across vendors: trends per suite, counts, pairs',
  declare: (command) =>
    command
      .option('--html <file>', 'where to write the page (required)')
      .option('--since <date>', 'only runs created at or after this ISO date')
      .option('--suite <ref>', `only runs of one suite: ${vendorHelp.suiteRefs}`)
      .option('--vendor <vendor...>', `only these vendors (${vendorHelp.ids})`, collect)
      .option('--title <text>', 'the page title (default: evalrun report)')
      .option('--no-compare', "don't compare each suite's latest pair item by item (reads no items)"),
  examples: [
    'evalrun report --html report.html',
    `evalrun report --html out/nightly.html --since 2026-11-01 --vendor ${vendorHelp.firstId}`,
  ],
  run: (ctx, _args, flags) => report(ctx, flags),
})

export interface ReportFlags {
  html?: string
  since?: string
  suite?: string
  vendor?: string[]
  title?: string
  /** `--no-compare` sets it false: no items are read, the pairs are shown by their runs' scores only. */
  compare?: boolean
}

/**
 * `evalrun report --html <file>`: reads every run the filters select, across vendors, and writes one HTML page
 * (see `renderHtmlReport`), with each suite's latest two completed runs compared item by item (`runs.compare`). A
 * vendor or a comparison that fails is said on stderr and left out; the page is still written, and the exit code
 * says an API failed.
 */
async function report(ctx: CommandContext, flags: ReportFlags): Promise<ExitCode> {
  if (!flags.html || flags.html.trim() === '') {
    throw new CliError('report needs --html <file>: where to write the page.', ExitCode.usage)
  }
  // Loaded only here: the report renderers are no part of the other commands.
  const { latestPairs, renderHtmlReport, vendorColorsOf } = await import('evalrun/reports')
  const failures: string[] = []
  // The facade validates vendors, suite and since (typed errors, exit 2) before any request.
  const options: ListRunsOptions = {
    ...(flags.vendor ? { vendors: flags.vendor as Vendor[] } : {}),
    ...(flags.suite ? { suite: flags.suite } : {}),
    ...(flags.since ? { since: flags.since } : {}),
    onError: (error, vendor) =>
      failures.push(`${vendor}: ${error instanceof Error ? error.message : String(error)}`),
  }
  const evalrun = ctx.evalrun()
  const progress = createReadProgress(ctx.io)
  const runs: EvalRun[] = []
  // A warning (a listing window a vendor chose, pages it repeated) on a line of its own, not inside the counter's.
  const warn = (message: string, vendor: string) => progress.say(`evalrun (${vendor}): ${message}`)
  const listing = evalrun.runs.list({ ...options, onWarning: warn }) // checks the options at once
  if (!flags.vendor && !flags.suite) requireSomeVendor(evalrun)
  for await (const run of listing) {
    runs.push(run)
    progress.add(run.vendor)
  }
  progress.done()
  const comparisons: RunComparison[] = []
  const pairs = flags.compare === false ? [] : latestPairs(runs)
  if (pairs.length > 0) {
    progress.say(`comparing the latest pair of ${pairs.length} ${pairs.length === 1 ? 'suite' : 'suites'}`)
    for (const { base, head } of pairs) {
      try {
        comparisons.push(await evalrun.runs.compare(base, head))
      } catch (error) {
        failures.push(
          `comparing ${base.ref} with ${head.ref}: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    }
  }
  for (const failure of failures) {
    ctx.io.stderr.write(`evalrun: ${failure} (left out of the report)\n`)
  }

  const html = await renderHtmlReport(
    { runs: runs.map((run) => ({ run })), comparisons, title: flags.title ?? 'evalrun report' },
    // Each vendor in the colour its description declares, the same in every report.
    { vendorColors: vendorColorsOf(BUILT_IN_VENDORS) },
  )
  const path = await writeFileAtomically(flags.html, html)
  ctx.io.stdout.write(`wrote ${path} (${runs.length} ${runs.length === 1 ? 'run' : 'runs'})\n`)
  return failures.length > 0 ? ExitCode.api : ExitCode.ok
}
