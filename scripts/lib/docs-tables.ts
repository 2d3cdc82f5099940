/**
 * The tables of docs/vendors.md, rendered from code: the vendor descriptions (`BUILT_IN_VENDORS`) and each vendor's
 * status and run mappers. `pnpm docs:tables` writes them between `<!-- generated:<name> -->` and
 * `<!-- /generated:<name> -->`; `--check` fails when the file differs from what the code gives.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EvalRun, RunStatus, ScoreScale } from '../../packages/evalrun/src/core/model.js'
import type { EvalrunVendor } from '../../packages/evalrun/src/core/vendor.js'
import { BRAINTRUST_SCORE_RULE } from '../../packages/evalrun/src/vendors/braintrust/map-metrics.js'
import { mapBraintrustRun } from '../../packages/evalrun/src/vendors/braintrust/map-run.js'
import {
  BRAINTRUST_QUIET_PERIOD_MS,
  deriveBraintrustStatus,
} from '../../packages/evalrun/src/vendors/braintrust/map-status.js'
import { mapDatalabRun } from '../../packages/evalrun/src/vendors/datalab/map-run.js'
import {
  DATALAB_STATUS_WORDS,
  mapDatalabStatus,
} from '../../packages/evalrun/src/vendors/datalab/map-status.js'
import { mapHumanloopRun } from '../../packages/evalrun/src/vendors/humanloop/map-run.js'
import {
  HUMANLOOP_STATUS_WORDS,
  mapHumanloopStatus,
} from '../../packages/evalrun/src/vendors/humanloop/map-status.js'
import { BUILT_IN_VENDORS } from '../../packages/evalrun/src/vendors/index.js'
import { mapLangfuseRun } from '../../packages/evalrun/src/vendors/langfuse/map-run.js'
import { UNKNOWN_SCALES } from '../../packages/evalrun/src/vendors/langfuse/map-score-configs.js'
import {
  DEFAULT_QUIET_PERIOD_MS,
  deriveLangfuseStatus,
} from '../../packages/evalrun/src/vendors/langfuse/map-status.js'
import { LANGFUSE_SCORE_RULE } from '../../packages/evalrun/src/vendors/langfuse/score-rule.js'
import { mapOpenAIRun, OPENAI_SCORE_RULE } from '../../packages/evalrun/src/vendors/openai/map-run.js'
import { mapOpenAIStatus, OPENAI_STATUS_WORDS } from '../../packages/evalrun/src/vendors/openai/map-status.js'
import { mapPromptLayerReport } from '../../packages/evalrun/src/vendors/promptlayer/map-run.js'
import { mapPromptLayerStatus } from '../../packages/evalrun/src/vendors/promptlayer/map-status.js'
import { repoRoot } from './vendors.js'

/** The file the tables live in, from the repository root. */
export const TABLES_FILE = 'docs/vendors.md'

/** One case fed to a vendor's status mapper: what it is, in words, and the status the mapper gives it. */
interface StatusCase {
  when: string
  status: RunStatus
  warns: boolean
}

/** The order statuses are listed in. */
const STATUS_ORDER: readonly RunStatus[] = ['queued', 'running', 'completed', 'failed', 'canceled', 'unknown']

const NOW = new Date('2026-01-01T12:00:00Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const code = (text: string) => `\`${text}\``

/** Each word of a vendor's status map, fed through its mapper. */
function wordCases(
  words: Readonly<Record<string, RunStatus>>,
  map: (word: string) => { status: RunStatus; warnings: string[] },
): StatusCase[] {
  return Object.keys(words).map((word) => {
    const mapped = map(word)
    return { when: code(word), status: mapped.status, warns: mapped.warnings.length > 0 }
  })
}

function fromMapper(when: string, mapped: { status: RunStatus; warnings: string[] }): StatusCase {
  return { when, status: mapped.status, warns: false }
}

/**
 * The cases of each vendor's status mapper. Where the vendor has words, every word of its map; where it has none
 * (Braintrust, Langfuse), the situations its rule tells apart. The status always comes from the mapper.
 */
const STATUS_CASES: Record<string, () => StatusCase[]> = {
  openai: () => [
    ...wordCases(OPENAI_STATUS_WORDS, mapOpenAIStatus),
    fromMapper('any other word (warning)', mapOpenAIStatus('no-such-status')),
  ],
  datalab: () => [
    ...wordCases(DATALAB_STATUS_WORDS, (word) => mapDatalabStatus({ status: word })),
    fromMapper(
      'any other word with `completed_at` set and `completed_files >= total_files` (warning)',
      mapDatalabStatus({
        status: 'no-such-status',
        completed_at: NOW.toISOString(),
        total_files: 2,
        completed_files: 2,
      }),
    ),
    fromMapper('any other word (warning)', mapDatalabStatus({ status: 'no-such-status' })),
  ],
  promptlayer: () => [
    fromMapper('`RUNNING`, every cell `QUEUED`', mapPromptLayerStatus('RUNNING', { QUEUED: 3 })),
    fromMapper('`RUNNING`', mapPromptLayerStatus('RUNNING', { RUNNING: 1, QUEUED: 2 })),
    fromMapper('`COMPLETED`', mapPromptLayerStatus('COMPLETED', { COMPLETED: 2, FAILED: 1 })),
    fromMapper('`COMPLETED`, every cell `FAILED`', mapPromptLayerStatus('COMPLETED', { FAILED: 3 })),
    fromMapper('any other word (warning)', mapPromptLayerStatus('PAUSED', {})),
  ],
  humanloop: () => [
    ...wordCases(HUMANLOOP_STATUS_WORDS, mapHumanloopStatus),
    fromMapper('any other word (warning)', mapHumanloopStatus('no-such-status')),
  ],
  braintrust: () => {
    const quiet = BRAINTRUST_QUIET_PERIOD_MS
    const event = (at: Date) => [{ created: at.toISOString() }]
    return [
      fromMapper(
        `newest event (else the experiment's creation) less than \`quietPeriodMs\` (${quiet / 1000} s) old`,
        deriveBraintrustStatus(null, event(ago(quiet / 2)), NOW, quiet),
      ),
      fromMapper(
        'newest event `quietPeriodMs` old or older',
        deriveBraintrustStatus(null, event(ago(quiet * 2)), NOW, quiet),
      ),
      fromMapper('no time to go by', deriveBraintrustStatus(null, [], NOW, quiet)),
    ]
  },
  langfuse: () => {
    const quiet = DEFAULT_QUIET_PERIOD_MS
    const ended = (at: Date) => ({ scores: [], endTime: at.toISOString() })
    return [
      fromMapper(
        `no experiment-level score, \`endTime\` less than \`quietPeriodMs\` (${quiet / 60_000} min) ago`,
        deriveLangfuseStatus(ended(ago(quiet / 2)), NOW, quiet),
      ),
      fromMapper(
        'experiment-level scores',
        deriveLangfuseStatus({ scores: [{ name: 'accuracy', value: 1 }] }, NOW, quiet),
      ),
      fromMapper(
        'no experiment-level score, `endTime` `quietPeriodMs` ago or more',
        deriveLangfuseStatus(ended(ago(quiet * 2)), NOW, quiet),
      ),
      fromMapper('no scores and no `endTime`', deriveLangfuseStatus({ scores: [] }, NOW, quiet)),
    ]
  },
}

/** An empty run through each vendor's run mapper: what scale the mapper sets when the data says nothing more. */
const EMPTY_RUN: Record<string, () => EvalRun> = {
  openai: () => mapOpenAIRun({}, null, 'eval_1'),
  datalab: () => mapDatalabRun({}),
  promptlayer: () => mapPromptLayerReport({}, {}),
  humanloop: () => mapHumanloopRun({ evaluation: {}, run: {}, stats: {} }, 'evr_1'),
  braintrust: () =>
    mapBraintrustRun({}, {}, { newestTrace: [], observedAt: NOW }, BRAINTRUST_QUIET_PERIOD_MS),
  langfuse: () =>
    mapLangfuseRun({}, { scales: UNKNOWN_SCALES, now: NOW, quietPeriodMs: DEFAULT_QUIET_PERIOD_MS }),
}

/** What `score` is, per vendor: the rule a vendor folder exports, else the field its run mapper reads. */
const SCORE_IS: Record<string, string> = {
  openai: OPENAI_SCORE_RULE,
  datalab: "the batch run's `avg_score`",
  promptlayer: "the report's `overall_score` (`GET /reports/{id}/score`)",
  humanloop: 'none: each evaluator is a metric',
  braintrust: BRAINTRUST_SCORE_RULE,
  langfuse: LANGFUSE_SCORE_RULE,
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

function needs<T>(record: Record<string, T>, vendor: EvalrunVendor, what: string): T {
  const value = record[vendor.id]
  if (value === undefined) {
    throw new Error(`scripts/lib/docs-tables.ts has no ${what} for vendor ${vendor.id}: add it there.`)
  }
  return value
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
      `${vendor.credentials.map(credentialEnv).join(', ')}; ${vendor.settingsEnv.map(code).join(', ')}`,
    ]),
  )
}

/** The status table: each vendor word (or situation) and the status evalrun gives it. */
export function renderStatusTable(vendors: readonly EvalrunVendor[] = BUILT_IN_VENDORS): string {
  const rows: string[][] = []
  for (const vendor of vendors) {
    const cases = needs(STATUS_CASES, vendor, 'status cases')()
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
export function renderScaleTable(vendors: readonly EvalrunVendor[] = BUILT_IN_VENDORS): string {
  return table(
    ['vendor', '`score`', '`scoreScale` of a run', "description's `scoreScale`"],
    vendors.map((vendor) => [
      vendor.displayName,
      needs(SCORE_IS, vendor, 'score text'),
      describeScale(needs(EMPTY_RUN, vendor, 'empty run')().scoreScale),
      SCALE_DECLARED[vendor.scoreScale ?? 'sometimes'],
    ]),
  )
}

/** Every generated table, by marker name. */
export function renderTables(): Record<string, string> {
  return { vendors: renderVendorTable(), statuses: renderStatusTable(), scales: renderScaleTable() }
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
