import type { Command, OptionValues } from '@commander-js/extra-typings'

/** A repeatable, comma-separable flag: `--vendor a,b --vendor c` is `['a', 'b', 'c']`. */
export const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value.split(',').map((v) => v.trim()),
]

export const GATE_HELP = `Gate: a run passes when it completed and meets every --min-* given. --min-score and --min-pass-rate
are 0..1 on every vendor (a score of 80 on a 0..100 scale is 0.8); --min-metric compares a metric on its own
scale. A run with zero items, without what a threshold compares, or whose results could not be read, fails.`

/** The gate's thresholds, the same on `runs wait` and `runs start --wait`. */
export function withGateFlags<Args extends unknown[], Opts extends OptionValues>(
  command: Command<Args, Opts>,
  prefix: string,
) {
  return command
    .option('--min-score <0..1>', `${prefix}fail unless each run's normalised score is at least this`)
    .option(
      '--min-pass-rate <0..1>',
      `${prefix}fail unless each run's share of passed verdicts is at least this`,
    )
    .option(
      '--min-metric <name=value>',
      `${prefix}fail unless the metric is at least this, on its own scale (repeatable)`,
      collect,
    )
}

/** Where to write the verdicts as reports for CI: the same on every command that gates. */
export function withReportFlags<Args extends unknown[], Opts extends OptionValues>(
  command: Command<Args, Opts>,
  prefix: string,
) {
  return command
    .option(
      '--junit <file>',
      `${prefix}write the verdicts and items as JUnit XML (on GitLab CI: evalrun.junit.xml unless given)`,
    )
    .option(
      '--summary <file>',
      `${prefix}append a Markdown summary (on GitHub Actions: to $GITHUB_STEP_SUMMARY unless given)`,
    )
    .option(
      '--pr-comment <file>',
      `${prefix}write a pull-request comment body, ≤ 65,536 characters with a hidden marker (on GitHub Actions: $RUNNER_TEMP/evalrun-pr-comment.md unless given, its path set as the step output pr-comment)`,
    )
}
