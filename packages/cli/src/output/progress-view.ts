import cliProgress from 'cli-progress'
import type { EvalRun } from 'evalrun'
import type { Colors } from 'picocolors/types'
import type { CliIo } from '../io.js'
import { colorStatus } from './format-run.js'

/** Shows how waiting runs move: live bars on a terminal, a plain line per change otherwise (CI logs). */
export interface ProgressView {
  update(run: EvalRun): void
  /** One line of news (a failed poll) on stderr, above the bars on a terminal so as not to tear them. */
  note(line: string): void
  stop(): void
}

export function createProgressView(io: CliIo, colors: Colors, now: () => number = Date.now): ProgressView {
  const started = now()
  const elapsed = () => formatElapsed(now() - started)
  return io.stderr.isTTY ? barsView(io, colors, elapsed) : linesView(io, elapsed)
}

function barsView(io: CliIo, colors: Colors, elapsed: () => string): ProgressView {
  const multibar = new cliProgress.MultiBar(
    {
      stream: io.stderr,
      format: '{ref} {bar} {value}/{total} {status} {elapsed}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      forceRedraw: true,
    },
    cliProgress.Presets.shades_classic,
  )
  const bars = new Map<string, cliProgress.SingleBar>()
  return {
    update(run) {
      const total = run.progress.total ?? 0
      const value = Math.min(run.progress.completed ?? 0, total || Number.POSITIVE_INFINITY)
      const payload = {
        ref: run.ref.padEnd(28),
        status: colorStatus(run.status, colors).padEnd(10),
        elapsed: elapsed(),
      }
      const bar = bars.get(run.ref)
      if (bar) {
        bar.setTotal(total)
        bar.update(value, payload)
      } else {
        bars.set(run.ref, multibar.create(total, value, payload))
      }
    },
    note(line) {
      // Before the first bar nothing is drawn (a vendor failing from the first poll): plain text then.
      if (bars.size === 0) io.stderr.write(`${line}\n`)
      else {
        multibar.log(`${line}\n`)
        multibar.update() // drawn now, not at the next tick, which may come after stop()
      }
    },
    stop() {
      multibar.stop()
    },
  }
}

function linesView(io: CliIo, elapsed: () => string): ProgressView {
  const last = new Map<string, string>()
  return {
    update(run) {
      const state = `${run.status} ${run.progress.completed ?? '?'}/${run.progress.total ?? '?'}`
      if (last.get(run.ref) === state) return
      last.set(run.ref, state)
      io.stderr.write(`${run.ref} ${state} (${elapsed()})\n`)
    },
    note(line) {
      io.stderr.write(`${line}\n`)
    },
    stop() {},
  }
}

export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  return seconds < 60
    ? `${seconds}s`
    : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`
}
