import type { EvalrunVendor, StartOption, Vendor } from 'evalrun'
import { type CommandContext, warnTo } from './context.js'
import { CliError, ExitCode } from './exit-codes.js'
import { formatDate } from './output/format-run.js'
import { renderTable } from './output/table.js'
import { jsonLine } from './output/write-json-line.js'

/** Names longer than this are cut in the table (`--json` has them whole). */
const NAME_WIDTH = 48

/**
 * `runs start <vendor> --list-options`: what each start flag accepts, read from the vendor's lists, under the
 * flag it goes to (ids and names; for a JSON-file flag, where the id goes in the file). The flags nothing was
 * listed for are named at the end. A listing that fails is said after what was read (exit 3).
 */
export async function listStartOptions(
  ctx: CommandContext,
  vendor: EvalrunVendor,
  json: boolean,
): Promise<ExitCode> {
  const flags = vendor.startFlags ?? []
  const flagOf = (field: string) => flags.find((flag) => flag.field === field)?.flag.split(' ')[0] ?? field
  const warn = warnTo(ctx.io)
  let cutShort: string | null = null
  const listing = ctx.evalrun().runs.startOptions(vendor.id as Vendor, {
    onWarning: (message, from, detail) => {
      warn(message, from)
      if (detail?.stoppedEarly) cutShort ??= message
    },
  })
  const byField = new Map<string, StartOption[]>()
  let failure: unknown
  try {
    for await (const option of listing) {
      if (json) ctx.io.stdout.write(jsonLine({ flag: flagOf(option.field), ...option }))
      else byField.set(option.field, [...(byField.get(option.field) ?? []), option])
    }
  } catch (error) {
    failure = error
  }
  if (!json) ctx.io.stdout.write(render(vendor, byField))
  if (failure !== undefined) throw failure
  if (cutShort !== null) {
    throw new CliError(
      `The listing is incomplete, so the options above are not all there are: ${cutShort}`,
      ExitCode.api,
    )
  }
  return ExitCode.ok
}

function render(vendor: EvalrunVendor, byField: Map<string, StartOption[]>): string {
  const sections: string[] = []
  const unlisted: string[] = []
  for (const flag of vendor.startFlags ?? []) {
    const options = byField.get(flag.field)
    // Flags without a value (`--wait`-like switches) and fixed choices have nothing to list.
    if (flag.kind === 'true' || flag.kind === 'false' || flag.choices !== undefined) continue
    if (options === undefined) {
      // Free text (a name, metadata, a count) is not an id to look up: only id flags are said to be unlisted.
      if (flag.flag.endsWith('<id>')) unlisted.push(flag.flag.split(' ')[0] ?? flag.flag)
      continue
    }
    const withUse = options.some((option) => option.use !== null)
    const headers = ['ID', 'NAME', 'CREATED', ...(withUse ? ['IN THE FILE'] : [])]
    const rows = options.map((option) => {
      const name = option.name ?? '—'
      return [
        option.id,
        name.length > NAME_WIDTH ? `${name.slice(0, NAME_WIDTH - 1)}…` : name,
        option.createdAt ? formatDate(option.createdAt) : '—',
        ...(withUse ? [option.use ?? '—'] : []),
      ]
    })
    const plural = options.length === 1 ? '' : 's'
    const kinds = [...new Set(options.map((option) => `${option.kind}${plural}`))].join(', ')
    const table = renderTable(headers, rows, (text) => text.length)
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n')
    sections.push(`${flag.flag} (${flag.description}): ${options.length} ${kinds}\n${table}`)
  }
  if (sections.length === 0) sections.push(`Nothing to list for ${vendor.displayName}'s start flags.`)
  if (unlisted.length > 0)
    sections.push(
      `Ids not listed (evalrun reads no list of them from ${vendor.displayName}): ${unlisted.join(', ')}`,
    )
  return `${sections.join('\n\n')}\n`
}
