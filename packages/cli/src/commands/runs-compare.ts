import { EvalrunInvalidInputError } from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { withReportFlags } from '../common-flags.js'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { regressionVerdict } from '../gate/regression-verdict.js'
import { joinKey, KEY_CHOICES } from '../join-key.js'
import { describeComparison } from '../output/format-comparison.js'
import { jsonLine } from '../output/write-json-line.js'
import { checkReportPaths, type ReportFileFlags, writeComparisonReports } from '../output/write-reports.js'
import { parseCount } from '../parse-values.js'
import { vendorHelp } from '../vendor-help.js'

export interface RunsCompareFlags extends ReportFileFlags {
  json?: boolean
  /** `true` for the bare flag (no regression allowed), or the number of regressions allowed. */
  failOnRegression?: boolean | string
  key?: string
  /** Gate on a comparison of two suites' runs joined on the vendor's key, knowingly. */
  allowCrossSuite?: boolean
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
        .option('--json', 'the comparison as one JSON document'),
      '',
    ),
  help: `An item regressed when its status got worse (passed/completed, then pending/skipped/unknown, then failed, then
error); else when its score fell (0..1 where the scales are known, raw within one vendor); else, with no score to
compare, when one of its metrics fell. Improved likewise. --key input joins on the whole input, --key
input.question on one field of it, --key name on the item's name.
${vendorHelp.refs}`,
  examples: [
    'evalrun runs compare datalab:41 datalab:42',
    'evalrun runs compare <base> <head> --fail-on-regression || echo "items regressed"',
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
  await checkReportPaths(flags)
  const comparison = await ctx
    .evalrun()
    .runs.compare(base, head, key === undefined ? {} : { key })
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
  if (allowed !== null && !comparison.sameSuite && key === undefined && !flags.allowCrossSuite) {
    throw new CliError(
      `${base} and ${head} are runs of two suites (${comparison.base.suite.ref} and ${comparison.head.suite.ref}), whose item keys may name different test cases: --fail-on-regression would count regressions between unrelated items. Choose the join with --key (${KEY_CHOICES}), or pass --allow-cross-suite if the keys do match.`,
      ExitCode.usage,
    )
  }
  const verdict = regressionVerdict(comparison, allowed)
  const failed = verdict !== null && !verdict.passed
  if (flags.json) {
    ctx.io.stdout.write(jsonLine(comparison))
  } else {
    ctx.io.stdout.write(describeComparison(comparison, ctx.colors))
  }
  if (failed) {
    const line = `${verdict.reason}.`
    if (flags.json) ctx.io.stderr.write(`evalrun: ${line}\n`)
    else ctx.io.stdout.write(`${ctx.colors.red('✗')} ${line}\n`)
  }
  const reported = await writeComparisonReports(ctx, flags, comparison, verdict)
  return failed ? ExitCode.gateFailed : reported
}
