import type { EvalRun } from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { type CommandContext, warnTo } from '../context.js'
import { ExitCode } from '../exit-codes.js'
import {
  colorStatus,
  formatDate,
  formatProgress,
  formatRate,
  formatScore,
  formatScoreOnScale,
} from '../output/format-run.js'
import { describeRunStats } from '../output/format-run-stats.js'
import { renderTable, stripAnsi } from '../output/table.js'
import { jsonLine } from '../output/write-json-line.js'
import { vendorHelp } from '../vendor-help.js'

export const runsGetCommand = defineCommand({
  name: 'runs get',
  description: 'show one run: status, progress, score, metrics',
  declare: (command) => command.argument('<ref>').option('--json', 'as JSON'),
  help: vendorHelp.refs,
  async run(ctx, [ref], flags) {
    const evalrun = ctx.evalrun()
    const run = await evalrun.runs.get(ref)
    ctx.io.stdout.write(flags.json ? jsonLine(run) : describeRun(run, ctx))
    // A finished run's intervals, from its items (loaded here: only this needs the distributions).
    if (!flags.json && run.terminal) {
      const stats = await import('evalrun/stats')
      const intervals = await evalrun.runs.stats(run, { stats, onWarning: warnTo(ctx.io) })
      ctx.io.stdout.write(`\n${describeRunStats(intervals)}`)
    }
    return ExitCode.ok
  },
})

/** A run as label/value lines, then its metrics and warnings. */
export function describeRun(run: EvalRun, ctx: CommandContext): string {
  const date = (value: Date | null) => (value ? formatDate(value) : '—')
  const fields: [string, string][] = [
    ['ref', run.ref],
    ['name', run.name ?? '—'],
    ['suite', `${run.suite.kind} ${run.suite.name ?? run.suite.id} (${run.suite.ref})`],
    [
      'status',
      `${colorStatus(run.status, ctx.colors)}${run.vendorStatus ? ` (${run.vendor}: ${run.vendorStatus})` : ''}`,
    ],
    ['progress', formatProgress(run)],
    ['score', formatScoreOnScale(run)],
    ['scale', describeScale(run)],
    ['normalised', run.normalizedScore === null ? '—' : run.normalizedScore.toFixed(3)],
    ['pass rate', formatRate(run.passRate)],
    ['created', date(run.createdAt)],
    ['started', date(run.startedAt)],
    ['completed', date(run.completedAt)],
  ]
  if (run.url) fields.push(['url', run.url])
  let text = `${fields.map(([label, value]) => `${label.padEnd(10)} ${value}`).join('\n')}\n`
  if (run.metrics.length > 0) {
    const rows = run.metrics.map((metric) => [
      metric.name,
      metric.kind,
      formatScore(metric.value),
      metric.counts
        ? Object.entries(metric.counts)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')
        : '',
    ])
    text += `\n${renderTable(['METRIC', 'KIND', 'VALUE', 'COUNTS'], rows, (s) => stripAnsi(s).length)}\n`
  }
  for (const warning of run.warnings) text += `${ctx.colors.yellow('warning')} ${warning}\n`
  return text
}

/** `0..100 (declared by the vendor)`, or `no scale` and why: the score then has no normalised value. */
function describeScale(run: EvalRun): string {
  const scale = run.scoreScale
  if (scale === null)
    return run.score === null ? '—' : `no scale (${run.vendor} declares none for this score)`
  const source = {
    declared: 'declared by the vendor',
    config: 'from the vendor config',
    computed: 'a computed rate',
  }
  return `${scale.min}..${scale.max} (${source[scale.source]})`
}
