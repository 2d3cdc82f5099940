import { type EvalRun, EvalrunWaitDeadlineError } from 'evalrun'
import { classifyError } from '../classify-error.js'
import type { CommandContext } from '../context.js'
import { ExitCode } from '../exit-codes.js'
import { formatScore } from '../output/format-run.js'
import { createProgressView } from '../output/progress-view.js'
import { jsonLine } from '../output/write-json-line.js'
import { parseDuration, parseScore } from '../parse-values.js'

export interface RunsWaitFlags {
  timeout?: string
  minScore?: string
  json?: boolean
}

type Outcome = { ref: string; exitCode: ExitCode; line: string; run: EvalRun | null }

/** Waits for every run, then gates: see `ExitCode` for what each outcome exits with. */
export async function runsWait(ctx: CommandContext, refs: string[], flags: RunsWaitFlags): Promise<ExitCode> {
  const timeoutMs = flags.timeout ? parseDuration(flags.timeout, '--timeout') : 30 * 60_000
  const minScore = flags.minScore === undefined ? null : parseScore(flags.minScore, '--min-score')
  const evalrun = ctx.evalrun()
  const view = flags.json ? null : createProgressView(ctx.io, ctx.colors)

  const outcomes = await Promise.all(
    refs.map(async (ref): Promise<Outcome> => {
      try {
        const run = await evalrun.runs.wait(ref, { timeoutMs, onProgress: (r) => view?.update(r) })
        view?.update(run)
        return judge(run, minScore)
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
  return worstExitCode(outcomes.map((o) => o.exitCode))
}

function judge(run: EvalRun, minScore: number | null): Outcome {
  const base = { ref: run.ref, run }
  const score = `score ${formatScore(run.score)}`
  if (run.status === 'failed') {
    const failed = run.progress.failed
      ? `: ${run.progress.failed} of ${run.progress.total ?? '?'} items failed`
      : ''
    return { ...base, exitCode: ExitCode.gateFailed, line: `failed${failed}` }
  }
  if (run.status === 'canceled') return { ...base, exitCode: ExitCode.gateFailed, line: 'was canceled' }
  if (minScore !== null) {
    if (run.score === null) {
      return {
        ...base,
        exitCode: ExitCode.gateFailed,
        line: `completed without a score; --min-score ${minScore} cannot be met`,
      }
    }
    if (run.score < minScore) {
      return {
        ...base,
        exitCode: ExitCode.gateFailed,
        line: `completed, ${score} is below --min-score ${minScore}`,
      }
    }
  }
  return { ...base, exitCode: ExitCode.ok, line: `completed, ${score}` }
}

/** Broken setup first, then API trouble, then timeouts, then failed gates. */
function worstExitCode(codes: ExitCode[]): ExitCode {
  for (const code of [ExitCode.usage, ExitCode.api, ExitCode.timeout, ExitCode.gateFailed]) {
    if (codes.includes(code)) return code
  }
  return ExitCode.ok
}
