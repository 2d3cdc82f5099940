import { relative, resolve } from 'node:path'
import { BUILT_IN_VENDORS } from 'evalrun'
import { CONFIG_KEY_NAMES, checkSuites } from 'evalrun/gate'
import { collapsedSection } from '../ci/gitlab-sections.js'
import { defineCommand } from '../command-definition.js'
import { withReportFlags } from '../common-flags.js'
import { CliError, ExitCode, worstExitCode } from '../exit-codes.js'
import { type SuiteOutcome, suiteOutcomeOf } from '../gate/gate-outcome.js'
import { checkScoreThreshold, vendorOfRef } from '../gate/score-threshold-check.js'
import { describeSuiteDetails } from '../output/suite-details.js'
import { jsonLine } from '../output/write-json-line.js'
import { checkReportPaths, writeGateReports } from '../output/write-reports.js'
import { parseDuration } from '../parse-values.js'
import { MAX_FAILED_POLLS } from './runs-wait.js'

export const checkCommand = defineCommand({
  name: 'check',
  description:
    'judge every suite of evalrun.config.(yaml|yml|json) on its gates and baseline: the one CI step',
  declare: (command) =>
    withReportFlags(
      command
        .argument(
          '[refs...]',
          "runs a workflow just started: waited for, then judged (default: each suite's newest run)",
        )
        .option('--config <file>', 'the config file (default: evalrun.config.yaml, .yml or .json here)')
        .option('--timeout <duration>', 'give up waiting after this long: 90s, 30m, 1h (default 30m)'),
      '',
    ).option('--json', 'one JSON verdict per suite per line'),
  help: `Each suite's gates (minScore, minPassRate, minMetric, maxDrop with confidence) and baseline ("previous", a
ref, or { match: { name, metadata } }) are in the config file; its schema is
@evalrun/cli/schema/evalrun.config.schema.json. Exit codes as runs wait; the worst suite's wins.`,
  examples: [
    'evalrun check',
    'evalrun check --config ci/evalrun.config.yaml <ref> <ref> --junit evalrun.xml',
  ],
  async run(ctx, [refs], flags) {
    // Loaded here, not at start-up: only `check` needs a YAML parser and a schema validator.
    const { findConfigFile, loadCheckConfig } = await import('../check-config/load-check-config.js')
    const path = await findConfigFile(flags.config, process.cwd())
    const checks = await loadCheckConfig(path)
    for (const check of checks) {
      const vendor = vendorOfRef(check.suite)
      if (vendor === undefined) {
        const known = BUILT_IN_VENDORS.map((v) => v.id).join(', ')
        ctx.io.stderr.write(`evalrun: ${check.where}: ${check.suite}: no such vendor (known: ${known}).\n`)
        return ExitCode.usage
      }
      checkScoreThreshold(check.criteria, vendor, `${check.suite} (${check.where})`, CONFIG_KEY_NAMES)
    }
    const timeoutMs = flags.timeout ? parseDuration(flags.timeout, '--timeout') : 30 * 60_000
    await checkReportPaths(flags)
    const evalrun = ctx.evalrun()
    // Only a drop gate needs the stats functions (and jStat): loaded then.
    const stats = checks.some((check) => check.drop !== null) ? await import('evalrun/stats') : undefined
    // Ctrl-C stops the reads and waits; the suites judged by then keep their verdicts, the others are not judged.
    const interrupt = new AbortController()
    const over = new AbortController()
    void ctx.untilInterrupted(over.signal).then(() => interrupt.abort(interruption))
    const verdicts = await checkSuites(evalrun, checks, {
      refs,
      signal: interrupt.signal,
      wait: (ref) =>
        evalrun.runs.wait(ref, {
          timeoutMs,
          maxFailedPolls: MAX_FAILED_POLLS,
          signal: interrupt.signal,
          ...ctx.waitPolling,
        }),
      ...(stats ? { stats } : {}),
      onWarning: (message) => ctx.io.stderr.write(`evalrun: ${message}\n`),
    })
    over.abort()
    const outcomes = verdicts.map(suiteOutcomeOf).map((o) => (interrupt.signal.aborted ? cutShort(o) : o))
    if (interrupt.signal.aborted) {
      const cut = outcomes.filter((o) => o.exitCode === ExitCode.interrupted).length
      ctx.io.stderr.write(
        `evalrun: interrupted: ${cut} of ${outcomes.length} ${outcomes.length === 1 ? 'suite' : 'suites'} not judged, so the check did not pass.\n`,
      )
    }
    for (const [i, o] of outcomes.entries()) {
      if (flags.json) {
        ctx.io.stdout.write(
          jsonLine({
            suite: o.suite,
            ref: o.ref,
            passed: o.exitCode === ExitCode.ok,
            exitCode: o.exitCode,
            reason: o.line,
            baseline: o.baseline?.ref ?? null,
            drop: o.drop,
          }),
        )
      } else {
        const mark = o.exitCode === ExitCode.ok ? ctx.colors.green('✓') : ctx.colors.red('✗')
        const subject = o.ref === o.suite || o.suite === '' ? o.ref : `${o.suite} ${o.ref}`
        const verdict = `${mark} ${subject} ${o.line}`
        // On GitLab each verdict heads a folded section of what it rests on; elsewhere the verdict alone.
        ctx.io.stdout.write(
          ctx.ci === 'gitlab' && !ctx.quiet
            ? collapsedSection(`evalrun_suite_${i + 1}_${o.suite || o.ref}`, verdict, describeSuiteDetails(o))
            : `${verdict}\n`,
        )
      }
    }
    // Annotations point at the suite's entry in the config, as a path from the repository's root.
    const file = relative(ctx.io.env.GITHUB_WORKSPACE || process.cwd(), resolve(path))
    const located = outcomes.map((outcome) => {
      const line = /:(\d+):\d+$/.exec(checks.find((c) => c.suite === outcome.suite)?.where ?? '')?.[1]
      return { ...outcome, location: line === undefined ? null : { file, line: Number(line) } }
    })
    const reported = await writeGateReports(ctx, flags, located)
    return worstExitCode([...outcomes.map((o) => o.exitCode), reported])
  },
})

const interruption = new CliError('interrupted', ExitCode.interrupted)

/** After Ctrl-C, a verdict that is neither a pass nor a failure was cut short by it: not judged, said so. */
function cutShort(outcome: SuiteOutcome): SuiteOutcome {
  if (outcome.exitCode === ExitCode.ok || outcome.exitCode === ExitCode.gateFailed) return outcome
  const seen = outcome.run ? ` while it was ${outcome.run.status}` : ''
  return { ...outcome, exitCode: ExitCode.interrupted, line: `interrupted${seen}: not judged` }
}
