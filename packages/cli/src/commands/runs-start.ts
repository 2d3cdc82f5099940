import { readFileSync } from 'node:fs'
import { type Command, Option } from '@commander-js/extra-typings'
import { BUILT_IN_VENDORS, type EvalrunVendor, type StartFlag, type StartRunInput } from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { withGateFlags, withReportFlags } from '../common-flags.js'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { parseGateCriteria } from '../gate/gate-criteria.js'
import { checkScoreThreshold } from '../gate/score-threshold-check.js'
import { listStartOptions } from '../list-start-options.js'
import { listed } from '../output/listed.js'
import { jsonLine } from '../output/write-json-line.js'
import { checkReportPaths } from '../output/write-reports.js'
import { parsePositiveInt } from '../parse-values.js'
import { flagAttribute } from '../vendor-flags.js'
import { type RunsWaitFlags, runsWait } from './runs-wait.js'

const starters = BUILT_IN_VENDORS.filter((vendor) => vendor.startFlags !== undefined)

/** `runs start <vendor>` reaches here only for a vendor without a start command of its own: says why (exit 2). */
export const runsStartCommand = defineCommand({
  name: 'runs start',
  description: `start a run on ${listed(starters.map((vendor) => vendor.id))}`,
  declare: (command) => command.argument('<vendor>').allowUnknownOption().allowExcessArguments(),
  async run(_ctx, [vendor]) {
    const known = BUILT_IN_VENDORS.find((candidate) => candidate.id === vendor)
    throw new CliError(
      known
        ? `${known.displayName} cannot start runs through its API (runs start takes ${listed(starters.map((v) => v.id))}); read its runs with runs get, runs wait and runs results.`
        : `unknown vendor ${JSON.stringify(vendor)}: expected ${listed(starters.map((v) => v.id))}.`,
      ExitCode.usage,
    )
  },
})

/** `runs start <vendor>` for each vendor that can start runs: its own flags, from its description, and --wait's. */
export const vendorStartCommands = starters.map((vendor) =>
  defineCommand({
    name: `runs start ${vendor.id}`,
    description: `start a run on ${vendor.displayName}`,
    declare: (command) =>
      withReportFlags(
        withGateFlags(
          withStartFlags(command, vendor)
            .option(
              '--list-options',
              'list what the flags above accept (ids and names), then exit; starts nothing',
            )
            .option('--wait', 'then wait for it, as `runs wait` does')
            .option('--timeout <duration>', 'with --wait: give up after this long (default 30m)'),
          'with --wait: ',
        ),
        'with --wait: ',
      ).option('--json', 'as JSON'),
    examples: [...(vendor.examples ?? []), `runs start ${vendor.id} --list-options`].map(
      (line) => `evalrun ${line}`,
    ),
    // The vendor's flags are known only at run time: read by name, as `startInput` converts them.
    run: (ctx, _args, flags, command) =>
      flags.listOptions
        ? listStartOptions(ctx, vendor, flags.json === true)
        : runsStart(ctx, vendor, flags, (attribute) => command.getOptionValue(attribute)),
  }),
)

/** The vendor's start flags, as its description declares them (their values are read back by `startInput`). */
function withStartFlags(command: Command, vendor: EvalrunVendor): Command {
  for (const flag of vendor.startFlags ?? []) {
    const option = new Option(flag.flag, flag.required ? `${flag.description} (required)` : flag.description)
    command.addOption(flag.choices ? option.choices(flag.choices) : option)
  }
  return command
}

const WAIT_ONLY_FLAGS = [
  ['minScore', '--min-score'],
  ['minPassRate', '--min-pass-rate'],
  ['minMetric', '--min-metric'],
  ['junit', '--junit'],
  ['summary', '--summary'],
  ['prComment', '--pr-comment'],
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

export type RunsStartFlags = RunsWaitFlags & { wait?: boolean }

export async function runsStart(
  ctx: CommandContext,
  vendor: EvalrunVendor,
  flags: RunsStartFlags,
  startFlagValue: (attribute: string) => unknown,
): Promise<ExitCode> {
  const input = startInput(vendor, startFlagValue)
  if (!flags.wait) refuseGateWithoutWait(flags)
  else {
    // Everything that can be refused is refused before the run is started, not after it ends.
    checkScoreThreshold(parseGateCriteria(flags), vendor, `runs of ${vendor.id}`)
    await checkReportPaths(flags)
  }
  const run = await ctx.evalrun().runs.start(input)
  // With --quiet and --wait only the verdict is printed; without --wait the ref is what the command gives.
  if (!(ctx.quiet && flags.wait && !flags.json)) {
    ctx.io.stdout.write(flags.json ? jsonLine(run) : `started ${run.ref} (${run.status})\n`)
  }
  if (!flags.wait) return ExitCode.ok
  return runsWait(ctx, [run.ref], flags)
}

/**
 * Flags → the facade's start input, as the vendor's `startFlags` describe them. The facade then checks the
 * vendor's own rules (e.g. Datalab's extract needs a page schema).
 */
export function startInput(
  vendor: EvalrunVendor,
  startFlagValue: (attribute: string) => unknown,
): StartRunInput {
  const input: Record<string, unknown> = { vendor: vendor.id }
  for (const startFlag of vendor.startFlags ?? []) {
    const flag = startFlag.flag.split(' ')[0] ?? startFlag.flag
    const value = startFlagValue(flagAttribute(startFlag.flag))
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
