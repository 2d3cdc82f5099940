import { EvalrunListError, type EvalSuite, type Vendor } from 'evalrun'
import { defineCommand } from '../command-definition.js'
import { requireSomeVendor } from '../configured-vendors.js'
import { warnTo } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { formatDate } from '../output/format-run.js'
import { renderTable } from '../output/table.js'
import { jsonLine } from '../output/write-json-line.js'
import { vendorHelp } from '../vendor-help.js'

const HEADERS = ['REF', 'KIND', 'NAME', 'CREATED']
/** Names longer than this are cut in the table (`--json` has them whole). */
const NAME_WIDTH = 48

/**
 * Every suite of the configured vendors (or of one): the refs `runs list --suite` and `evalrun.config` take. A
 * vendor that fails does not hide the others: their suites are printed, then the failure is said (exit 3).
 */
export const suitesListCommand = defineCommand({
  name: 'suites list',
  description:
    'list the suites (collections, pipelines, evaluations, evals, projects, datasets) runs belong to',
  declare: (command) =>
    command
      .option('--vendor <vendor>', `only this vendor (${vendorHelp.ids})`)
      .option('--json', 'one JSON object per line, as the vendors send them'),
  help: `Suite refs: ${vendorHelp.suiteRefs}. A vendor with no list of its suites gives those its runs name, without names (—).`,
  examples: ['evalrun suites list', `evalrun suites list --vendor ${vendorHelp.firstId} --json | jq -r .ref`],
  async run(ctx, _args, flags) {
    const warn = warnTo(ctx.io)
    let cutShort: string | null = null
    const evalrun = ctx.evalrun()
    // Checked at once: an unknown or unconfigured vendor is said before anything is sent (exit 2).
    const listing = evalrun.suites.list({
      ...(flags.vendor === undefined ? {} : { vendor: flags.vendor as Vendor }),
      onWarning: (message, vendor, detail) => {
        warn(message, vendor)
        if (detail?.stoppedEarly) cutShort ??= `${vendor}: ${message}`
      },
    })
    if (flags.vendor === undefined) requireSomeVendor(evalrun)
    let failure: unknown
    const suites: EvalSuite[] = []
    try {
      for await (const suite of listing) {
        if (flags.json) ctx.io.stdout.write(jsonLine(suite))
        else suites.push(suite)
      }
    } catch (error) {
      if (!EvalrunListError.isInstance(error)) throw error
      failure = error
    }
    if (!flags.json) {
      const order = evalrun.vendors
      suites.sort(
        (a, b) =>
          order.indexOf(a.vendor) - order.indexOf(b.vendor) ||
          (a.name ?? a.id).localeCompare(b.name ?? b.id) ||
          a.id.localeCompare(b.id),
      )
      ctx.io.stdout.write(
        suites.length === 0
          ? `No suites found${failure === undefined ? '' : ' from the vendors that answered'}.\n`
          : `${renderTable(HEADERS, suites.map(suiteRow), (text) => text.length)}\n`,
      )
    }
    // Said (exit 3) once the suites the other vendors delivered are printed.
    if (failure !== undefined) throw failure
    if (cutShort !== null) {
      throw new CliError(
        `The listing is incomplete, so the suites above are not all there are: ${cutShort}`,
        ExitCode.api,
      )
    }
    return ExitCode.ok
  },
})

function suiteRow(suite: EvalSuite): string[] {
  const name = suite.name ?? '—'
  return [
    suite.ref,
    suite.kind,
    name.length > NAME_WIDTH ? `${name.slice(0, NAME_WIDTH - 1)}…` : name,
    suite.createdAt ? formatDate(suite.createdAt) : '—',
  ]
}
