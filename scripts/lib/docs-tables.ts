/**
 * The tables of docs/vendors.md, rendered from code: the vendor descriptions (`BUILT_IN_VENDORS`) and each vendor's
 * status and run mappers, through the facts its folder states (`vendors/<id>/doc-facts.ts`): this file names no vendor. `pnpm docs:tables` writes them between `<!-- generated:<name> -->` and
 * `<!-- /generated:<name> -->`; `--check` fails when the file differs from what the code gives.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { RunStatus, ScoreScale } from '../../packages/evalrun/src/core/model.js'
import type { EvalrunVendor } from '../../packages/evalrun/src/core/vendor.js'
import type { VendorDocFacts } from '../../packages/evalrun/src/vendors/doc-facts.js'
import { BUILT_IN_VENDORS } from '../../packages/evalrun/src/vendors/index.js'
import { repoRoot } from './vendors.js'

/** The file the tables live in, from the repository root. */
export const TABLES_FILE = 'docs/vendors.md'

/** The order statuses are listed in. */
const STATUS_ORDER: readonly RunStatus[] = ['queued', 'running', 'completed', 'failed', 'canceled', 'unknown']

/** The instant the status cases and empty runs are judged at, so that the tables never change with the clock. */
const NOW = new Date('2026-01-01T12:00:00Z')
const code = (text: string) => `\`${text}\``

/** Each vendor's facts, from its own folder (`vendors/<id>/doc-facts.ts`), by vendor id. */
export type DocFacts = ReadonlyMap<string, VendorDocFacts>

export async function loadDocFacts(vendors: readonly EvalrunVendor[] = BUILT_IN_VENDORS): Promise<DocFacts> {
  const facts = new Map<string, VendorDocFacts>()
  for (const vendor of vendors) {
    const file = join(repoRoot, 'packages', 'evalrun', 'src', 'vendors', vendor.id, 'doc-facts.ts')
    const module = (await import(pathToFileURL(file).href)) as { docFacts?: VendorDocFacts }
    if (module.docFacts === undefined) throw new Error(`${file} exports no docFacts.`)
    facts.set(vendor.id, module.docFacts)
  }
  return facts
}

const SCALE_DECLARED: Record<NonNullable<EvalrunVendor['scoreScale']>, string> = {
  always: '`always`',
  sometimes: '`sometimes` (per run)',
  never: '`never` (`--min-score` refused)',
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function packageName(vendor: EvalrunVendor): string {
  const manifest = JSON.parse(
    readFileSync(join(repoRoot, 'packages', vendor.id, 'package.json'), 'utf8'),
  ) as {
    name: string
  }
  return manifest.name
}

function factsOf(facts: DocFacts, vendor: EvalrunVendor): VendorDocFacts {
  const found = facts.get(vendor.id)
  if (found === undefined) throw new Error(`No doc facts for vendor ${vendor.id}: see loadDocFacts.`)
  return found
}

function describeScale(scale: ScoreScale | null): string {
  return scale === null ? 'none' : `${scale.min}..${scale.max} (\`${scale.source}\`)`
}

/** The vendor table: package, what evalrun can do there, ref forms, env vars. */
export function renderVendorTable(vendors: readonly EvalrunVendor[] = BUILT_IN_VENDORS): string {
  return table(
    [
      'vendor',
      'package',
      'start',
      'cancel',
      'run ref',
      'suite ref',
      'items',
      'env vars (credentials; settings)',
    ],
    vendors.map((vendor) => [
      `[${vendor.displayName}](vendors/${vendor.id}.md)`,
      code(packageName(vendor)),
      vendor.startFlags === undefined ? 'no' : 'yes',
      vendor.canCancel ? 'yes' : 'no',
      code(vendor.refForm),
      code(vendor.suiteRefForm),
      vendor.itemsAre,
      [vendor.credentials.map(credentialEnv).join(', '), vendor.settingsEnv.map(code).join(', ')]
        .filter((part) => part !== '')
        .join('; '),
    ]),
  )
}

/** The status table: each vendor word (or situation) and the status evalrun gives it. */
export function renderStatusTable(
  facts: DocFacts,
  vendors: readonly EvalrunVendor[] = BUILT_IN_VENDORS,
): string {
  const rows: string[][] = []
  for (const vendor of vendors) {
    const cases = factsOf(facts, vendor).statusCases(NOW)
    for (const status of STATUS_ORDER) {
      const matching = cases.filter((entry) => entry.status === status)
      if (matching.length === 0) continue
      const words = matching.map((entry) => (entry.warns ? `${entry.when} (warning)` : entry.when))
      // Words read as a list; situations (with spaces) as separate clauses.
      const separator = matching.some((entry) => entry.when.includes(' ')) ? '; ' : ', '
      rows.push([vendor.displayName, code(status), words.join(separator)])
    }
  }
  return table(['vendor', 'evalrun status', 'vendor word or situation'], rows)
}

/** The scale table: what `score` is, the scale a run carries, and what the description declares. */
export function renderScaleTable(
  facts: DocFacts,
  vendors: readonly EvalrunVendor[] = BUILT_IN_VENDORS,
): string {
  return table(
    ['vendor', '`score`', '`scoreScale` of a run', "description's `scoreScale`"],
    vendors.map((vendor) => [
      vendor.displayName,
      factsOf(facts, vendor).scoreIs,
      describeScale(factsOf(facts, vendor).emptyRun(NOW).scoreScale),
      SCALE_DECLARED[vendor.scoreScale ?? 'sometimes'],
    ]),
  )
}

/** Every generated table, by marker name. */
export async function renderTables(): Promise<Record<string, string>> {
  const facts = await loadDocFacts()
  return { vendors: renderVendorTable(), statuses: renderStatusTable(facts), scales: renderScaleTable(facts) }
}

/**
 * `text` with each `<!-- generated:<name> -->` … `<!-- /generated:<name> -->` block's content replaced by its
 * table. A table without its markers in `text` is an error, so that a lost marker cannot pass a check.
 */
export function applyTables(text: string, tables: Record<string, string>): string {
  let out = text
  for (const [name, body] of Object.entries(tables)) {
    const open = `<!-- generated:${name} -->`
    const close = `<!-- /generated:${name} -->`
    const start = out.indexOf(open)
    const end = out.indexOf(close)
    if (start === -1 || end === -1 || end < start) {
      throw new Error(`${TABLES_FILE} has no ${open} … ${close} block.`)
    }
    out = `${out.slice(0, start + open.length)}\n${body}\n${out.slice(end)}`
  }
  return out
}

/** A credential's env var, with its alternatives' (`OPENAI_API_KEY` or `AZURE_OPENAI_API_KEY`). */
function credentialEnv(credential: EvalrunVendor['credentials'][number]): string {
  const others = (credential.alternatives ?? []).flatMap(({ envVar }) =>
    envVar === undefined ? [] : [code(envVar)],
  )
  return [code(credential.envVar), ...others].join(' or ')
}
