import { EvalrunWaitDeadlineError } from 'evalrun'
import { classifyError } from '../classify-error.js'
import { type CommandContext, warnTo } from '../context.js'
import { ExitCode } from '../exit-codes.js'
import { type GateFlags, parseGateCriteria } from '../gate/gate-criteria.js'
import { type GateOutcome, judgeRun } from '../gate/judge-run.js'
import { createProgressView } from '../output/progress-view.js'
import { jsonLine } from '../output/write-json-line.js'
import { parseDuration } from '../parse-values.js'
import { checkReportPaths, type ReportFileFlags, writeGateReports } from './write-reports.js'

export interface RunsWaitFlags extends GateFlags, ReportFileFlags {
  timeout?: string
  json?: boolean
}

/** Waits for every run, then gates: see `ExitCode` for what each outcome exits with. */
export async function runsWait(ctx: CommandContext, refs: string[], flags: RunsWaitFlags): Promise<ExitCode> {
  const timeoutMs = flags.timeout ? parseDuration(flags.timeout, '--timeout') : 30 * 60_000
  const criteria = parseGateCriteria(flags)
  await checkReportPaths(flags)
  const evalrun = ctx.evalrun()
  const view = flags.json ? null : createProgressView(ctx.io, ctx.colors)

  const warn = warnTo(ctx.io)
  const outcomes = await Promise.all(
    refs.map(async (ref): Promise<GateOutcome> => {
      try {
        const run = await evalrun.runs.wait(ref, { timeoutMs, onProgress: (r) => view?.update(r) })
        view?.update(run)
        return await judgeRun(run, criteria, (onWarning) =>
          evalrun.runs.results(run, {
            onWarning: (message, vendor, detail) => {
              warn(message, vendor)
              onWarning(message, detail)
            },
          }),
        )
      } catch (error) {
        const lastRun = EvalrunWaitDeadlineError.isInstance(error) ? error.lastRun : null
        const { exitCode, message } = classifyError(error)
        return { ref, exitCode, line: message, run: lastRun }
      }
    }),
  )
  view?.stop()

  for (const outcome of outcomes) {
    if (flags.json) {
      ctx.io.stdout.write(
        jsonLine({
          ref: outcome.ref,
          passed: outcome.exitCode === ExitCode.ok,
          reason: outcome.line,
          run: outcome.run,
        }),
      )
    } else {
      const mark = outcome.exitCode === ExitCode.ok ? ctx.colors.green('✓') : ctx.colors.red('✗')
      ctx.io.stdout.write(`${mark} ${outcome.ref} ${outcome.line}\n`)
    }
  }
  return worstExitCode([...outcomes.map((o) => o.exitCode), await writeGateReports(ctx, flags, outcomes)])
}

/** Broken setup first, then API trouble, then timeouts, then failed gates. */
function worstExitCode(codes: ExitCode[]): ExitCode {
  for (const code of [ExitCode.usage, ExitCode.api, ExitCode.timeout, ExitCode.gateFailed]) {
    if (codes.includes(code)) return code
  }
  return ExitCode.ok
}
