/**
 * `pnpm specs:sync [vendor…] [--from <url|file>] [--check] [--summary-file <path>]`: see HELP below and
 * docs/regenerating.md.
 */
import { appendFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { type SyncResult, syncVendor } from './lib/spec-sync.js'
import { SyncError } from './lib/sync-error.js'
import { listVendorSpecs, repoRoot } from './lib/vendors.js'

const HELP = `Usage: pnpm specs:sync [vendor...] [--from <url|file>] [--upstream-commit <sha>] [--check] [--summary-file <path>]

Downloads each vendor's upstream OpenAPI spec (specs/<vendor>/source.json upstream.url, or --from: a URL or a
file path, JSON or YAML; one vendor only), keeps the trackedOperations and the components they reach (Redocly's
bundler: filter-in on operationId + remove-unused-components), validates it (Redocly's minimal ruleset),
normalises it (YAML, stable key order, arrays untouched) and compares its sha256 with the vendored file.

  unchanged  prints "<vendor>: unchanged", writes nothing, exit 0
  changed    writes specs/<vendor>/openapi.yaml, regenerates packages/<vendor>/src/generated/openapi.ts,
             updates source.json (sha256, syncedAt), writes .changeset/<vendor>-spec-<yyyymmdd>-<hash8>.md and
             prints a summary; with --check: writes nothing and exits 1
  error      network failure, HTTP error, timeout (SPECS_SYNC_TIMEOUT_MS, default 30000), invalid spec or a
             tracked operation missing upstream: one line naming the vendor and the URL, nothing written, exit 2

Operations upstream that are not tracked are left out and listed as "untracked, ignored".

A new vendor: create specs/<vendor>/source.json (trackedOperations, upstream, "sha256": "") and sync it. The
first sync writes the spec and the types, and no changeset (the changeset adding the package announces it).
source.json's upstream.sha256 records the full file each written subset was cut from; upstream.commit is kept
only while that file is the same (or set with --upstream-commit <sha>, one vendor only).

Bump of the vendor package (the highest over all changes; api-smart-diff finds and first classifies them):
  major  an operation, parameter, request or response field, component or enum value removed; a parameter
         or request field newly required; a type narrowed; any response field's type changed; anything
         api-smart-diff calls breaking or cannot classify
  minor  an operation, optional parameter or field, enum value or component added; a deprecation
  patch  descriptions, summaries, examples and other annotations only, or formatting only
The evalrun facade gets the same bump when it is minor or major (it re-exports the vendor's types).

--summary-file <path>  also append the summary (Markdown) there, e.g. for a pull request body.
--root <dir>           work on another copy of the repository (the tests use a temporary one).`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    'upstream-commit': { type: 'string' },
    check: { type: 'boolean', default: false },
    'summary-file': { type: 'string' },
    root: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (values.help) {
  console.log(HELP)
  process.exit(0)
}

const root = values.root ? resolve(values.root) : repoRoot
const specs = listVendorSpecs(positionals, root)
const unknown = positionals.filter((vendor) => !specs.some((spec) => spec.vendor === vendor))
if (unknown.length > 0 || specs.length === 0) {
  console.error(`specs:sync: no spec folder for ${unknown.join(', ') || 'any vendor'} under specs/`)
  process.exit(2)
}
if ((values.from !== undefined || values['upstream-commit'] !== undefined) && specs.length !== 1) {
  console.error('specs:sync: --from and --upstream-commit need exactly one vendor')
  process.exit(2)
}

let failed = false
let differs = false
for (const spec of specs) {
  let result: SyncResult
  try {
    result = await syncVendor(spec, {
      root,
      check: values.check,
      ...(values.from ? { from: values.from } : {}),
      ...(values['upstream-commit'] ? { upstreamCommit: values['upstream-commit'] } : {}),
    })
  } catch (error) {
    if (!(error instanceof SyncError)) throw error
    console.error(`✗ ${error.message}`)
    failed = true
    continue
  }
  for (const warning of result.warnings) console.warn(`${spec.vendor}: warning: ${warning}`)
  if (result.status === 'unchanged') {
    console.log(`${spec.vendor}: unchanged (${result.origin})`)
    continue
  }
  differs = true
  console.log(result.summary)
  if (result.written) {
    const changeset = result.changesetPath ? ` and ${relative(root, result.changesetPath)}` : ''
    console.log(`${spec.vendor}: wrote ${relative(root, spec.specPath)}, its types, source.json${changeset}`)
  } else {
    console.log(`${spec.vendor}: upstream differs (--check: nothing written)`)
  }
  if (values['summary-file']) appendFileSync(values['summary-file'], `${result.summary}\n\n`)
}

if (failed) process.exit(2)
if (values.check && differs) process.exit(1)
