/** The human summary of a spec sync: printed, written with --summary-file (the pull request body) and, without
 * the untracked list, used as the changeset's text (so it becomes the CHANGELOG entry). */

import type { SpecChange, SpecComparison } from './spec-diff.js'
import type { UpstreamOperation } from './spec-select.js'

const MAX_LISTED = 40

export function changeList(comparison: SpecComparison): string[] {
  const lines: string[] = []
  const section = (title: string, changes: SpecChange[], withBump: boolean) => {
    if (changes.length === 0) return
    lines.push(`${title}:`)
    for (const change of changes.slice(0, MAX_LISTED))
      lines.push(`- ${withBump ? `[${change.bump}] ` : ''}${change.text}`)
    if (changes.length > MAX_LISTED) lines.push(`- …and ${changes.length - MAX_LISTED} more`)
  }
  section(
    'Operations added',
    comparison.changes.filter((change) => change.kind === 'operation-added'),
    false,
  )
  section(
    'Operations removed',
    comparison.changes.filter((change) => change.kind === 'operation-removed'),
    false,
  )
  section(
    'Fields, parameters and responses',
    comparison.changes.filter((change) => change.kind === 'change'),
    true,
  )
  if (comparison.changes.length === 0) lines.push('Formatting only: no structural change.')
  return lines
}

export function untrackedList(untracked: UpstreamOperation[]): string[] {
  if (untracked.length === 0) return []
  const names = untracked.map(
    (operation) =>
      `- ${operation.method.toUpperCase()} ${operation.path}${operation.operationId ? ` (${operation.operationId})` : ''}`,
  )
  const shown =
    names.length > MAX_LISTED
      ? [...names.slice(0, MAX_LISTED), `- …and ${names.length - MAX_LISTED} more`]
      : names
  return [
    'Untracked upstream operations, ignored (add one to trackedOperations in source.json to vendor it):',
    ...shown,
  ]
}

export function changesetSummary(vendor: string, specSha256: string, comparison: SpecComparison): string {
  return [
    `Sync the ${vendor} OpenAPI spec with upstream (sha256 ${specSha256.slice(0, 12)}).`,
    '',
    ...changeList(comparison),
  ].join('\n')
}
