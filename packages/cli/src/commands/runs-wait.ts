import { type EvalRun, EvalrunWaitDeadlineError } from 'evalrun'
import { judgeRun } from 'evalrun/gate'
import type { RunStats } from 'evalrun/stats'
import { collapsedSection } from '../ci/gitlab-sections.js'
import { classifyError } from '../classify-error.js'
import { defineCommand } from '../command-definition.js'
import { GATE_HELP, withGateFlags, withReportFlags } from '../common-flags.js'
import { type CommandContext, warnTo } from '../context.js'
import { CliError, ExitCode, worstExitCode } from '../exit-codes.js'
import { FLAG_NAMES, type GateFlags, parseGateCriteria } from '../gate/gate-criteria.js'
import { type GateOutcome, outcomeOf } from '../gate/gate-outcome.js'
import { checkScoreThreshold, vendorOfRef } from '../gate/score-threshold-check.js'
import { formatProgress } from '../output/format-run.js'
import { describeRunStats } from '../output/format-run-stats.js'
import { createProgressView } from '../output/progress-view.js'
import { jsonLine } from '../output/write-json-line.js'
import { checkReportPaths, type ReportFileFlags, writeGateReports } from '../output/write-reports.js'
import { parseDuration } from '../parse-values.js'
import { vendorHelp } from '../vendor-help.js'

export interface RunsWaitFlags extends GateFlags, ReportFileFlags {
  timeout?: string
  json?: boolean
}

/** Polls in a row that may fail (5xx, network) before a wait gives up with the last error (exit 3). */
export const MAX_FAILED_POLLS = 10

export const runsWaitCommand = defineCommand({
  name: 'runs wait',
  description: 'wait for runs to end, with progress; the exit code is the CI gate',
  declare: (command) =>
    withReportFlags(
      withGateFlags(
        command
          .argument('<refs...>')
          .option('--timeout <duration>', 'give up after this long: 90s, 30m, 1h (default 30m)'),
        '',
      ),
      '',
    ).option('--json', 'one JSON verdict per line, no progress'),
  help: `${vendorHelp.refs}\n${GATE_HELP}`,
  examples: [
    'evalrun runs wait <ref> <ref> --timeout 20m',
    'evalrun runs wait <ref> --min-score 0.8 --min-pass-rate 0.9 || echo "gate failed"',
    'evalrun runs wait <ref> --min-metric "accuracy=0.75"',
  ],
  run: (ctx, [refs], flags) => runsWait(ctx, refs, flags),
})

/**
 * Waits for every run, then gates: see `ExitCode` for what each outcome exits with. Ctrl-C stops the wait: the
 * runs not yet judged are marked interrupted, the reports asked for are written, and the exit code is 130.
 */
export async function runsWait(ctx: CommandContext, refs: string[], flags: RunsWaitFlags): Promise<ExitCode> {
  const timeoutMs = flags.timeout ? parseDuration(flags.timeout, '--timeout') : 30 * 60_000
  const criteria = parseGateCriteria(flags)
  for (const ref of refs) {
    const vendor = vendorOfRef(ref)
    if (vendor !== undefined) checkScoreThreshold(criteria, vendor, ref)
  }
  await checkReportPaths(flags)
  const evalrun = ctx.evalrun()
  const view = flags.json || ctx.quiet ? null : createProgressView(ctx.io, ctx.colors)
  const say = (line: string) => (view ? view.note(line) : ctx.io.stderr.write(`${line}\n`))

  const interrupt = new AbortController()
  const waitOver = new AbortController()
  void ctx.untilInterrupted(waitOver.signal).then(() => interrupt.abort(interruption))
  const lastSeen = new Map<string, EvalRun>()
  const warn = warnTo(ctx.io)
  const outcomes = await Promise.all(
    refs.map(async (ref): Promise<GateOutcome> => {
      let failedPolls = 0
      try {
        const run = await evalrun.runs.wait(ref, {
          timeoutMs,
          signal: interrupt.signal,
          maxFailedPolls: MAX_FAILED_POLLS,
          ...ctx.waitPolling,
          onProgress: (seen) => {
            failedPolls = 0
            lastSeen.set(ref, seen)
            view?.update(seen)
          },
          onPollError: (error, failed) => {
            failedPolls = failed
            const next = failed < MAX_FAILED_POLLS ? 'retrying' : 'giving up'
            say(
              `evalrun: ${ref}: poll ${failed} of ${MAX_FAILED_POLLS} in a row failed, ${next}: ${classifyError(error).message}`,
            )
          },
        })
        const gate = await judgeRun(
          run,
          criteria,
          (onWarning) =>
            evalrun.runs.results(run, {
              signal: interrupt.signal,
              onWarning: (message, vendor, detail) => {
                warn(message, vendor)
                onWarning(message, detail)
              },
            }),
          { names: FLAG_NAMES },
        )
        const outcome = outcomeOf(gate)
        // Reading its items for a pass rate was cut short by Ctrl-C: no verdict, rather than an API failure.
        const cut = outcome.exitCode === ExitCode.api || outcome.exitCode === ExitCode.interrupted
        return interrupt.signal.aborted && cut ? interrupted(ref, run) : outcome
      } catch (error) {
        if (interrupt.signal.aborted) return interrupted(ref, lastSeen.get(ref) ?? null)
        const lastRun = EvalrunWaitDeadlineError.isInstance(error) ? error.lastRun : null
        const { exitCode, message } = classifyError(error)
        const gaveUp =
          failedPolls >= MAX_FAILED_POLLS ? `gave up after ${failedPolls} failed polls in a row: ` : ''
        return { ref, exitCode, line: `${gaveUp}${message}`, run: lastRun ?? lastSeen.get(ref) ?? null }
      }
    }),
  )
  waitOver.abort()
  view?.stop()
  if (interrupt.signal.aborted) {
    const cut = outcomes.filter((outcome) => outcome.exitCode === ExitCode.interrupted).length
    ctx.io.stderr.write(
      `evalrun: interrupted: stopped waiting for ${cut} of ${outcomes.length} ${outcomes.length === 1 ? 'run' : 'runs'}; no gate passed.\n`,
    )
  }

  const intervals = await runIntervals(ctx, outcomes, interrupt.signal)
  for (const [i, outcome] of outcomes.entries()) {
    const stats = intervals[i] ?? null
    if (flags.json) {
      ctx.io.stdout.write(
        jsonLine({
          ref: outcome.ref,
          passed: outcome.exitCode === ExitCode.ok,
          reason: outcome.line,
          run: outcome.run,
          stats,
        }),
      )
    } else {
      const mark = outcome.exitCode === ExitCode.ok ? ctx.colors.green('✓') : ctx.colors.red('✗')
      const verdict = `${mark} ${outcome.ref} ${outcome.line}`
      const details = stats === null || ctx.quiet ? '' : indent(describeRunStats(stats))
      // On GitLab the intervals fold under the verdict line.
      ctx.io.stdout.write(
        ctx.ci === 'gitlab' && details !== ''
          ? collapsedSection(`evalrun_run_${i + 1}_${outcome.ref}`, verdict, details)
          : `${verdict}\n${details}`,
      )
    }
  }
  const reported = await writeGateReports(ctx, flags, outcomes, intervals)
  return worstExitCode([...outcomes.map((o) => o.exitCode), reported])
}

const interruption = new CliError('interrupted', ExitCode.interrupted)

/**
 * Each completed run's intervals (pass rate, score, metrics), from its items; null for the others, and for a run
 * whose items could not be read again (said on stderr: the intervals inform, the gate above decides).
 */
async function runIntervals(
  ctx: CommandContext,
  outcomes: GateOutcome[],
  signal: AbortSignal,
): Promise<(RunStats | null)[]> {
  if (signal.aborted || !outcomes.some((outcome) => outcome.run?.status === 'completed')) {
    return outcomes.map(() => null)
  }
  const stats = await import('evalrun/stats')
  const evalrun = ctx.evalrun()
  return Promise.all(
    outcomes.map(async ({ run }) => {
      if (run?.status !== 'completed') return null
      try {
        return await evalrun.runs.stats(run, { stats, signal, onWarning: warnTo(ctx.io) })
      } catch (error) {
        ctx.io.stderr.write(`evalrun: ${run.ref}: no intervals: ${classifyError(error).message}\n`)
        return null
      }
    }),
  )
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '    ')
}

/** A run whose wait (or judgement) Ctrl-C cut short: no verdict, and what was last seen of it. */
function interrupted(ref: string, run: EvalRun | null): GateOutcome {
  const seen = run === null ? 'before it was read' : `while it was ${run.status} (${formatProgress(run)})`
  return { ref, run, exitCode: ExitCode.interrupted, line: `interrupted ${seen}: not judged` }
}
