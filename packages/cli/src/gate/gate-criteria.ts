import type { GateCriteria, GateCriterionNames } from 'evalrun/gate'
import { CliError, ExitCode } from '../exit-codes.js'
import { parseScore } from '../parse-values.js'

/** How `runs wait` and `runs start --wait` name the criteria in their verdicts: as the user wrote them. */
export const FLAG_NAMES: GateCriterionNames = {
  minScore: '--min-score',
  minPassRate: '--min-pass-rate',
  minMetric: '--min-metric',
}

export interface GateFlags {
  minScore?: string
  minPassRate?: string
  minMetric?: string[]
}

/** Reads the gate flags; a value that cannot work is a usage error (exit 2) before anything is read. */
export function parseGateCriteria(flags: GateFlags): GateCriteria {
  return {
    minScore:
      flags.minScore === undefined ? null : parseShare(flags.minScore, '--min-score', 'normalised score'),
    minPassRate:
      flags.minPassRate === undefined ? null : parseShare(flags.minPassRate, '--min-pass-rate', 'pass rate'),
    minMetrics: (flags.minMetric ?? []).map(parseMetricThreshold),
  }
}

function parseShare(text: string, flag: string, what: string): number {
  const value = parseScore(text, flag)
  if (value < 0 || value > 1) {
    throw new CliError(
      `${flag} ${JSON.stringify(text)}: expected a number from 0 to 1, since it compares each run's ${what} ` +
        '(0..1 on every vendor; a score of 80 out of 100 is 0.8).',
      ExitCode.usage,
    )
  }
  return value
}

/** `name=value`; the name may itself contain `=`, so the value is after the last one. */
function parseMetricThreshold(text: string): { name: string; value: number } {
  const at = text.lastIndexOf('=')
  const name = at > 0 ? text.slice(0, at).trim() : ''
  if (name === '') {
    throw new CliError(
      `--min-metric ${JSON.stringify(text)}: expected <metric name>=<value>, such as "accuracy=0.8".`,
      ExitCode.usage,
    )
  }
  return { name, value: parseScore(text.slice(at + 1), `--min-metric ${name}`) }
}
