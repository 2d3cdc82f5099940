import { readFileSync } from 'node:fs'
import type { EvalrunVendor, StartFlag, StartRunInput } from 'evalrun'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { parseGateCriteria } from '../gate/gate-criteria.js'
import { checkScoreThreshold } from '../gate/score-threshold-check.js'
import { jsonLine } from '../output/write-json-line.js'
import { parsePositiveInt } from '../parse-values.js'
import { flagAttribute } from '../vendor-flags.js'
import { type RunsWaitFlags, runsWait } from './runs-wait.js'
import { checkReportPaths } from './write-reports.js'

const WAIT_ONLY_FLAGS = [
  ['minScore', '--min-score'],
  ['minPassRate', '--min-pass-rate'],
  ['minMetric', '--min-metric'],
  ['junit', '--junit'],
  ['summary', '--summary'],
  ['timeout', '--timeout'],
] as const

/** A gate or report flag without `--wait` would judge nothing while exiting 0: refused (exit 2). */
function refuseGateWithoutWait(flags: RunsStartFlags): void {
  const given = WAIT_ONLY_FLAGS.filter(([attribute]) => flags[attribute] !== undefined).map(
    ([, flag]) => flag,
  )
  if (given.length === 0) return
  throw new CliError(
    `${given.join(', ')} ${given.length === 1 ? 'needs' : 'need'} --wait: without it the run is only started, and nothing is judged or reported.`,
    ExitCode.usage,
  )
}

export type RunsStartFlags = RunsWaitFlags & { wait?: boolean } & Record<string, unknown>

export async function runsStart(
  ctx: CommandContext,
  vendor: EvalrunVendor,
  flags: RunsStartFlags,
): Promise<ExitCode> {
  const input = startInput(vendor, flags)
  if (!flags.wait) refuseGateWithoutWait(flags)
  else {
    // Everything that can be refused is refused before the run is started, not after it ends.
    checkScoreThreshold(parseGateCriteria(flags), vendor, `runs of ${vendor.id}`)
    await checkReportPaths(flags)
  }
  const run = await ctx.evalrun().runs.start(input)
  ctx.io.stdout.write(flags.json ? jsonLine(run) : `started ${run.ref} (${run.status})\n`)
  if (!flags.wait) return ExitCode.ok
  return runsWait(ctx, [run.ref], flags)
}

/**
 * Flags → the facade's start input, as the vendor's `startFlags` describe them. The facade then checks the
 * vendor's own rules (e.g. Datalab's extract needs a page schema).
 */
export function startInput(vendor: EvalrunVendor, flags: Record<string, unknown>): StartRunInput {
  const input: Record<string, unknown> = { vendor: vendor.id }
  for (const startFlag of vendor.startFlags ?? []) {
    const flag = startFlag.flag.split(' ')[0] ?? startFlag.flag
    const value = flags[flagAttribute(startFlag.flag)]
    // An empty value counts as not given, as the shell makes it easy to pass one by accident (`--name "$UNSET"`).
    const given =
      startFlag.kind === 'false'
        ? value === false
        : value !== undefined && value !== false && !(typeof value === 'string' && value.trim() === '')
    if (!given) {
      if (startFlag.required) throw new CliError(`runs start ${vendor.id} needs ${flag}.`, ExitCode.usage)
      continue
    }
    setPath(input, startFlag.field, convert(startFlag, flag, value))
  }
  return input as unknown as StartRunInput
}

function convert(startFlag: StartFlag, flag: string, value: unknown): unknown {
  switch (startFlag.kind) {
    case 'true':
      return true
    case 'false':
      return false
    case 'integer':
      return parsePositiveInt(String(value), flag)
    case 'json-file':
      return readJsonFile(String(value), flag)
    case 'string':
      return value
  }
}

/** Sets `dataset.versionId` as `{ dataset: { versionId } }`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  const last = keys.pop() as string
  let node = target
  for (const key of keys) {
    node[key] ??= {}
    node = node[key] as Record<string, unknown>
  }
  node[last] = value
}

function readJsonFile(path: string, flag: string): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new CliError(`${flag} ${path}: cannot read the file (${(error as Error).message}).`, ExitCode.usage)
  }
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new CliError(
      `${flag} ${path}: expected a JSON schema file, but it is not valid JSON.`,
      ExitCode.usage,
    )
  }
}
