/**
 * `specs:sync` for one vendor: fetch upstream, keep the tracked operations, normalise, compare by sha256 and,
 * when it changed, write the spec, its generated types, source.json and a changeset. Everything is computed in
 * memory first, so any failure (network, HTTP status, timeout, invalid spec, missing tracked operation,
 * codegen) leaves every file as it was.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import YAML from 'yaml'
import { writeFileAtomic } from './atomic-write.js'
import { changesetFileName, changesetText, FACADE_PACKAGE } from './changeset-file.js'
import { generateTypesFromText, sha256 } from './codegen.js'
import { packageName } from './package-names.js'
import { type Bump, compareSpecs, type SpecComparison } from './spec-diff.js'
import { fetchSpecText, fetchTimeoutMs } from './spec-fetch.js'
import { normaliseSpec } from './spec-normalise.js'
import { selectTrackedSpec, type UpstreamOperation } from './spec-select.js'
import { changeList, changesetSummary, untrackedList } from './spec-summary.js'
import { SyncError } from './sync-error.js'
import { repoRoot, type SpecSource, type VendorSpec } from './vendors.js'

export interface SyncOptions {
  /** The repository to work in; tests pass a temporary copy. */
  root?: string
  /** Read the spec from here instead of source.json's upstream.url: a URL or a file path. */
  from?: string
  /** Only report whether upstream differs; write nothing. */
  check?: boolean
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
  const selected = await selectTrackedSpec(spec.vendor, origin, text, spec.source.trackedOperations)
  const nextText = normaliseSpec(selected.document)
  const nextHash = sha256(nextText)
  const currentText = readFileSync(spec.specPath, 'utf8')
  const report: SyncReport = {
    vendor: spec.vendor,
    origin,
    untracked: selected.untracked,
    warnings: selected.warnings,
  }
  if (sha256(currentText) === nextHash) return { ...report, status: 'unchanged' }

  const comparison = compareSpecs(YAML.parse(currentText) ?? {}, YAML.parse(nextText))
  const vendorPackage = packageName(root, spec.vendor) ?? `@evalrun/${spec.vendor}`
  const facadePackage = packageName(root, FACADE_PACKAGE)
  const releases = [`${vendorPackage} ${comparison.bump}`]
  if (facadePackage && comparison.bump !== 'patch') releases.push(`${facadePackage} ${comparison.bump}`)
  const summary = [
    `${spec.vendor}: the tracked part of the upstream spec changed → ${releases.join(', ')}`,
    '',
    ...changeList(comparison),
    ...(selected.untracked.length > 0 ? ['', ...untrackedList(selected.untracked)] : []),
  ].join('\n')
  const changed = { ...report, status: 'changed' as const, bump: comparison.bump, comparison, summary }
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
  const source: SpecSource = { ...spec.source, sha256: nextHash, syncedAt: now.toISOString().slice(0, 10) }
  const changesetPath = join(root, '.changeset', changesetFileName(spec.vendor, now, nextHash))
  const changeset = changesetText({
    vendorPackage,
    ...(facadePackage ? { facadePackage } : {}),
    bump: comparison.bump,
    summary: changesetSummary(spec.vendor, nextHash, comparison),
  })

  // Each file lands whole; an interrupted run between two writes is caught by `pnpm generate --check`.
  writeFileAtomic(spec.generatedPath, types)
  writeFileAtomic(changesetPath, changeset)
  writeFileAtomic(spec.sourcePath, `${JSON.stringify(source, null, 2)}\n`)
  writeFileAtomic(spec.specPath, nextText)
  return { ...changed, written: true, changesetPath }
}
