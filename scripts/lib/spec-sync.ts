/**
 * `specs:sync` for one vendor: fetch upstream, keep the tracked operations, normalise, compare by sha256 and,
 * when it changed, write the spec, its generated types, source.json and a changeset. Everything is computed in
 * memory first, so any failure (network, HTTP status, timeout, invalid spec, missing tracked operation,
 * codegen) leaves every file as it was.
 *
 * A new vendor starts as a folder with only source.json: its first sync writes the spec and the types, and no
 * changeset, since the new package's release is announced by the changeset that adds the package.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import YAML from 'yaml'
import { writeFileAtomic } from './atomic-write.js'
import { changesetFileName, changesetText, FACADE_PACKAGE } from './changeset-file.js'
import { generateTypesFromText, sha256 } from './codegen.js'
import { packageName } from './package-names.js'
import { type Bump, compareSpecs, type SpecComparison } from './spec-diff.js'
import { fetchSpecText, fetchTimeoutMs } from './spec-fetch.js'
import { normaliseSpec } from './spec-normalise.js'
import { listOperations, selectTrackedSpec, type UpstreamOperation } from './spec-select.js'
import { changeList, changesetSummary, untrackedList } from './spec-summary.js'
import { SyncError } from './sync-error.js'
import { repoRoot, type SpecSource, type UpstreamSource, type VendorSpec } from './vendors.js'

export interface SyncOptions {
  /** The repository to work in; tests pass a temporary copy. */
  root?: string
  /** Read the spec from here instead of source.json's upstream.url: a URL or a file path. */
  from?: string
  /** Only report whether upstream differs; write nothing. */
  check?: boolean
  /** The upstream commit the spec was read at, recorded as source.json's upstream.commit. */
  upstreamCommit?: string
  timeoutMs?: number
  /** The sync date (source.json's syncedAt and the changeset's name). */
  now?: Date
}

interface SyncReport {
  vendor: string
  origin: string
  untracked: UpstreamOperation[]
  warnings: string[]
}

export type SyncResult =
  | (SyncReport & { status: 'unchanged' })
  | (SyncReport & {
      status: 'changed'
      /** No spec was vendored before: a new vendor's first sync. */
      created: boolean
      written: boolean
      bump: Bump
      comparison: SpecComparison
      /** The human summary: what changed, then what upstream has that is not tracked. */
      summary: string
      changesetPath?: string
    })

export async function syncVendor(spec: VendorSpec, options: SyncOptions = {}): Promise<SyncResult> {
  const root = options.root ?? repoRoot
  const origin = options.from ?? spec.source.upstream.url
  const text = await fetchSpecText(spec.vendor, origin, fetchTimeoutMs(options.timeoutMs))
  const selected = await selectTrackedSpec(
    spec.vendor,
    origin,
    text,
    spec.source.trackedOperations,
    spec.source.acceptedUpstreamProblems,
  )
  const nextText = normaliseSpec(selected.document)
  const nextHash = sha256(nextText)
  const currentText = existsSync(spec.specPath) ? readFileSync(spec.specPath, 'utf8') : null
  const warnings = [...selected.warnings]
  const report: SyncReport = { vendor: spec.vendor, origin, untracked: selected.untracked, warnings }
  if (currentText !== null && sha256(currentText) === nextHash) return { ...report, status: 'unchanged' }

  const created = currentText === null
  const comparison = created
    ? firstComparison(selected.document)
    : compareSpecs(YAML.parse(currentText) ?? {}, YAML.parse(nextText))
  const vendorPackage = packageName(root, spec.packageDir) ?? `@evalrun/${spec.packageDir}`
  const facadePackage = facadeDependingOn(root, vendorPackage)
  const releases = [`${vendorPackage} ${comparison.bump}`]
  if (facadePackage && comparison.bump !== 'patch') releases.push(`${facadePackage} ${comparison.bump}`)
  const headline = created
    ? `${spec.vendor}: first vendored spec (no changeset: the changeset that adds ${vendorPackage} announces it)`
    : `${spec.vendor}: the tracked part of the upstream spec changed → ${releases.join(', ')}`
  const summary = [
    headline,
    '',
    ...changeList(comparison),
    ...(selected.untracked.length > 0 ? ['', ...untrackedList(selected.untracked)] : []),
  ].join('\n')
  const changed = {
    ...report,
    status: 'changed' as const,
    created,
    bump: comparison.bump,
    comparison,
    summary,
  }
  const upstream = recordUpstream(spec.source.upstream, sha256(text), options.upstreamCommit, warnings)
  if (options.check) return { ...changed, written: false }

  let types: string
  try {
    types = await generateTypesFromText(nextText, spec.specPath, root)
  } catch (error) {
    throw new SyncError(
      spec.vendor,
      origin,
      `type generation failed: ${(error as Error).message.split('\n')[0]}`,
    )
  }
  const now = options.now ?? new Date()
  const source: SpecSource = {
    ...spec.source,
    upstream,
    sha256: nextHash,
    syncedAt: now.toISOString().slice(0, 10),
  }
  const changesetPath = created
    ? undefined
    : join(root, '.changeset', changesetFileName(spec.vendor, now, nextHash))
  const changeset = changesetText({
    vendorPackage,
    ...(facadePackage ? { facadePackage } : {}),
    bump: comparison.bump,
    summary: changesetSummary(spec.vendor, nextHash, comparison),
  })

  // Each file lands whole; an interrupted run between two writes is caught by `pnpm generate --check`.
  writeFileAtomic(spec.generatedPath, types)
  if (changesetPath) writeFileAtomic(changesetPath, changeset)
  writeFileAtomic(spec.sourcePath, `${JSON.stringify(source, null, 2)}\n`)
  writeFileAtomic(spec.specPath, nextText)
  return { ...changed, written: true, ...(changesetPath ? { changesetPath } : {}) }
}

/** A first sync has nothing to compare with: every operation is new, a minor change by the usual rules. */
function firstComparison(document: Record<string, unknown>): SpecComparison {
  const changes = listOperations(document).map((operation) => ({
    bump: 'minor' as const,
    text: `${operation.method.toUpperCase()} ${operation.path}`,
    kind: 'operation-added' as const,
  }))
  return { bump: 'minor', changes }
}

/**
 * The facade package, when it depends on this vendor's package: it then re-exports the vendor's types and
 * follows its bump. A vendor the facade does not use yet (a new one) releases alone.
 */
function facadeDependingOn(root: string, vendorPackage: string): string | undefined {
  const facade = packageName(root, FACADE_PACKAGE)
  if (!facade) return undefined
  const manifest = JSON.parse(
    readFileSync(join(root, 'packages', FACADE_PACKAGE, 'package.json'), 'utf8'),
  ) as {
    dependencies?: Record<string, string>
  }
  return manifest.dependencies?.[vendorPackage] ? facade : undefined
}

/**
 * source.json's upstream record after a sync: the sha256 of the full file just read, and its commit when that
 * is still known (given now, or recorded for this very file). A commit recorded for another file is dropped
 * rather than left to vouch for content it never had.
 */
function recordUpstream(
  previous: UpstreamSource,
  upstreamHash: string,
  commit: string | undefined,
  warnings: string[],
): UpstreamSource {
  // Spread first, so the keys keep the order source.json already has them in.
  const next: UpstreamSource = { ...previous, sha256: upstreamHash }
  if (commit) next.commit = commit
  else if (previous.sha256 !== undefined && previous.sha256 !== upstreamHash && previous.commit) {
    delete next.commit
    warnings.push(
      `upstream.commit ${previous.commit} was recorded for another upstream file and is dropped; pass --upstream-commit to record the new one`,
    )
  }
  return next
}
