import { EvalrunInvalidInputError } from 'evalrun'
import { regressionVerdict } from 'evalrun/gate'
import { defineCommand } from '../command-definition.js'
import { withReportFlags } from '../common-flags.js'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { joinKey, KEY_CHOICES } from '../join-key.js'
import { describeComparison } from '../output/format-comparison.js'
import { jsonLine } from '../output/write-json-line.js'
import { checkReportPaths, type ReportFileFlags, writeComparisonReports } from '../output/write-reports.js'
import { parseConfidence, parseCount, parseFraction } from '../parse-values.js'
import { vendorHelp } from '../vendor-help.js'

export interface RunsCompareFlags extends ReportFileFlags {
  json?: boolean
  /** `true` for the bare flag (no regression allowed), or the number of regressions allowed. */
  failOnRegression?: boolean | string
  key?: string
  /** Gate on a comparison of two suites' runs joined on the vendor's key, knowingly. */
  allowCrossSuite?: boolean
  /** Exit 1 when the pass rate (or normalised score) dropped by more than this with `confidence`. */
  maxDrop?: string
  confidence?: string
  /** With `maxDrop`: exit 1 unless the drop is shown to be within it. */
  nonInferiority?: boolean
}

export const runsCompareCommand = defineCommand({
  name: 'runs compare',
  description: 'compare two runs item by item: regressions first, then improvements, added and removed items',
  declare: (command) =>
    withReportFlags(
      command
        .argument('<base>')
        .argument('<head>')
        .option(
          '--key <key>',
          `join items on ${KEY_CHOICES} (default: the vendor's item key; needed across vendors)`,
        )
        .option('--fail-on-regression [n]', 'exit 1 when more than n items regressed (default 0)')
        .option(
          '--allow-cross-suite',
          "with --fail-on-regression: gate on runs of two suites joined on the vendor's item key (else exit 2)",
        )
        .option(
          '--max-drop <d>',
          'exit 1 when the pass rate (or normalised score) dropped by more than d (0..1) with --confidence',
        )
        .option('--confidence <level>', 'the confidence of the intervals and of --max-drop (default 0.95)')
        .option('--non-inferiority', 'with --max-drop: exit 1 unless the drop is shown to be at most d')
        .option('--json', 'the comparison as one JSON document'),
      '',
    ),
  help: `An item regressed when its status got worse (passed/completed, then pending/skipped/unknown, then failed, then
error); else when its score fell (0..1 where the scales are known, raw within one vendor); else, with no score to
compare, when one of its metrics fell. Improved likewise. --key input joins on the whole input, --key
input.question on one field of it, --key name on the item's name.
Significance: paired tests of the pass rate, the normalised score and each metric on a known scale, clustered by
key when a key repeats (trials). --max-drop 0.02 fails when the drop is beyond 0.02 with 95% confidence (the
interval's upper bound is below -0.02); --non-inferiority fails unless its lower bound is at least -0.02.
${vendorHelp.refs}`,
  examples: [
    'evalrun runs compare datalab:41 datalab:42',
    'evalrun runs compare <base> <head> --fail-on-regression || echo "items regressed"',
    'evalrun runs compare <base> <head> --max-drop 0.02 --confidence 0.95',
    'evalrun runs compare promptlayer:12 humanloop:evr_1/rn_2 --key input.question --json | jq .summary',
  ],
  run: (ctx, [base, head], flags) => runsCompare(ctx, base, head, flags),
})

/**
 * Compares two runs item by item. Exits 1 when `--fail-on-regression [N]` is given and more than N items
 * regressed; usage and API errors exit as everywhere (2, 3). Gating runs of two suites joined on the vendor's key
 * (which may match `row 4` of one dataset with `row 4` of another) is a usage error unless `--key` chose the join
 * or `--allow-cross-suite` is given.
 */
export async function runsCompare(
  ctx: CommandContext,
  base: string,
  head: string,
  flags: RunsCompareFlags,
): Promise<ExitCode> {
  const allowed =
    flags.failOnRegression === undefined
      ? null
      : flags.failOnRegression === true
        ? 0
        : parseCount(String(flags.failOnRegression), '--fail-on-regression')
  const key = flags.key === undefined ? undefined : joinKey(flags.key)
  const maxDrop = flags.maxDrop === undefined ? null : parseFraction(flags.maxDrop, '--max-drop')
  const confidence = flags.confidence === undefined ? 0.95 : parseConfidence(flags.confidence, '--confidence')
  if (flags.nonInferiority && maxDrop === null) {
    throw new CliError(
      '--non-inferiority needs --max-drop <d>: the drop to prove the head run within.',
      ExitCode.usage,
    )
  }
  await checkReportPaths(flags)
  // Loaded here, not at start-up: only a comparison needs the distributions.
  const stats = await import('evalrun/stats')
  const comparison = await ctx
    .evalrun()
    .runs.compare(base, head, { ...(key === undefined ? {} : { key }), stats, confidence })
    .catch((error: unknown) => {
      // The library's advice names its `key` option; a CLI user has the flag.
      if (EvalrunInvalidInputError.isInstance(error) && error.field === 'options.key') {
        throw new CliError(
          `${base} and ${head} are runs of two vendors, whose item keys never match: choose what joins their items with --key (${KEY_CHOICES}), e.g. --key input.question.`,
          ExitCode.usage,
        )
      }
      throw error
    })
  const gated = allowed !== null || maxDrop !== null
  if (gated && !comparison.sameSuite && key === undefined && !flags.allowCrossSuite) {
    throw new CliError(
      `${base} and ${head} are runs of two suites (${comparison.base.suite.ref} and ${comparison.head.suite.ref}), whose item keys may name different test cases: a gate would count changes between unrelated items. Choose the join with --key (${KEY_CHOICES}), or pass --allow-cross-suite if the keys do match.`,
      ExitCode.usage,
    )
  }
  const verdict = allowed === null ? null : regressionVerdict(comparison, allowed, '--fail-on-regression')
  const drop =
    maxDrop === null ? null : stats.judgeDrop(comparison, { maxDrop, nonInferiority: flags.nonInferiority })
  const failed = (verdict !== null && !verdict.passed) || (drop !== null && !drop.passed)
  if (flags.json) {
    ctx.io.stdout.write(jsonLine(comparison))
  } else if (!ctx.quiet) {
    ctx.io.stdout.write(describeComparison(comparison, ctx.colors))
  }
  for (const judged of [verdict, drop]) {
    if (judged === null) continue
    const line = `${judged === drop ? '--max-drop: ' : ''}${judged.reason}.`
    if (flags.json) {
      if (!judged.passed) ctx.io.stderr.write(`evalrun: ${line}\n`)
    } else if (!judged.passed || judged === drop) {
      ctx.io.stdout.write(`${judged.passed ? ctx.colors.green('✓') : ctx.colors.red('✗')} ${line}\n`)
    }
  }
  const reportVerdict = verdict !== null && !verdict.passed ? verdict : (drop ?? verdict)
  const reported = await writeComparisonReports(ctx, flags, comparison, reportVerdict)
  // Neither measure could be tested: a threshold the runs cannot be judged on.
  if (drop !== null && drop.measure === null) return ExitCode.usage
  return failed ? ExitCode.gateFailed : reported
}
