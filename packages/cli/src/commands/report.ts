import type { EvalRun, ListRunsOptions, Vendor } from 'evalrun'
import { renderHtmlReport } from 'evalrun/reports'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { createReadProgress } from '../output/read-progress.js'
import { writeFileAtomically } from '../output/write-file-atomically.js'

export interface ReportFlags {
  html?: string
  since?: string
  suite?: string
  vendor?: string[]
  title?: string
}

/**
 * `evalrun report --html <file>`: reads every run the filters select, across vendors, and writes one HTML page
 * (see `renderHtmlReport`). A vendor that fails is said on stderr and left out; the page is still written, and the
 * exit code says an API failed.
 */
export async function report(ctx: CommandContext, flags: ReportFlags): Promise<ExitCode> {
  if (!flags.html || flags.html.trim() === '') {
    throw new CliError('report needs --html <file>: where to write the page.', ExitCode.usage)
  }
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
  for await (const run of evalrun.runs.list(options)) {
    runs.push(run)
    progress.add(run.vendor)
  }
  progress.done()
  for (const failure of failures) {
    ctx.io.stderr.write(`evalrun: ${failure} (its runs are not in the report)\n`)
  }

  const html = await renderHtmlReport({
    runs: runs.map((run) => ({ run })),
    title: flags.title ?? 'evalrun report',
  })
  const path = await writeFileAtomically(flags.html, html)
  ctx.io.stdout.write(`wrote ${path} (${runs.length} ${runs.length === 1 ? 'run' : 'runs'})\n`)
  return failures.length > 0 ? ExitCode.api : ExitCode.ok
}
