/**
 * The changeset a spec sync leaves for `changeset version`: the vendor package gets the classified bump, and the
 * `evalrun` facade gets the same bump when it is minor or major, because the facade re-exports the vendor's
 * types in its public API (its raw run payloads). A patch (descriptions only) does not change those types.
 */
import type { Bump } from './spec-diff.js'

export const FACADE_PACKAGE = 'evalrun'

export interface ChangesetInput {
  vendorPackage: string
  /** Present when the facade package exists in this workspace. */
  facadePackage?: string
  bump: Bump
  summary: string
}

export function changesetFileName(vendor: string, syncedAt: Date, specSha256: string): string {
  const day = syncedAt.toISOString().slice(0, 10).replaceAll('-', '')
  return `${vendor}-spec-${day}-${specSha256.slice(0, 8)}.md`
}

export function changesetText({ vendorPackage, facadePackage, bump, summary }: ChangesetInput): string {
  const releases = [[vendorPackage, bump]]
  if (facadePackage && bump !== 'patch') releases.push([facadePackage, bump])
  const frontMatter = releases.map(([name, type]) => `"${name}": ${type}`).join('\n')
  return `---\n${frontMatter}\n---\n\n${summary.trim()}\n`
}
