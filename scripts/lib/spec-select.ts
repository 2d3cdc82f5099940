/**
 * Turns an upstream spec into the part evalrun vendors: the tracked operations and the components they reach.
 * Redocly's bundler does the selection (`filter-in` on operationId, then `remove-unused-components`),
 * trimToTracked removes what those leave behind unused, and Redocly's `minimal` ruleset decides whether the
 * result is a valid OpenAPI document (less the upstream problems source.json accepts, with a reason).
 */
import { bundleFromString, createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core'
import YAML from 'yaml'
import { trimToTracked } from './spec-prune.js'
import { SyncError } from './sync-error.js'
import type { AcceptedUpstreamProblem, TrackedOperation } from './vendors.js'

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

export interface UpstreamOperation {
  method: string
  path: string
  operationId: string | undefined
}

export interface SelectedSpec {
  /** The tracked subset, with internal $refs kept. */
  document: Record<string, unknown>
  /** Upstream operations that are not tracked, so were left out. */
  untracked: UpstreamOperation[]
  /** Lint warnings of the `minimal` ruleset, and a count of each accepted upstream problem: reported, not fatal. */
  warnings: string[]
}

/** Parses JSON or YAML (YAML 1.2 reads JSON too); anything that is not an OpenAPI 3 object is an error. */
export function parseUpstream(vendor: string, origin: string, text: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = YAML.parse(text, { maxAliasCount: 10_000 })
  } catch (error) {
    throw new SyncError(
      vendor,
      origin,
      `invalid spec: not JSON or YAML (${firstLine((error as Error).message)})`,
    )
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SyncError(vendor, origin, 'invalid spec: not an OpenAPI document (no top-level object)')
  }
  const version = (parsed as { openapi?: unknown }).openapi
  if (typeof version !== 'string' || !version.startsWith('3.')) {
    throw new SyncError(vendor, origin, 'invalid spec: not an OpenAPI 3.x document (no `openapi: 3.x` field)')
  }
  return parsed as Record<string, unknown>
}

export function listOperations(document: Record<string, unknown>): UpstreamOperation[] {
  const paths = (document.paths ?? {}) as Record<string, Record<string, { operationId?: string }> | undefined>
  const operations: UpstreamOperation[] = []
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method]
      if (operation) operations.push({ method, path, operationId: operation.operationId })
    }
  }
  return operations
}

export async function selectTrackedSpec(
  vendor: string,
  origin: string,
  text: string,
  tracked: TrackedOperation[],
  accepted: AcceptedUpstreamProblem[] = [],
): Promise<SelectedSpec> {
  const upstream = parseUpstream(vendor, origin, text)
  const operations = listOperations(upstream)
  const upstreamIds = new Set(operations.map((operation) => operation.operationId))
  const missing = tracked.filter((operation) => !upstreamIds.has(operation.operationId))
  if (missing.length > 0) {
    const names = missing.map(
      (operation) => `${operation.method.toUpperCase()} ${operation.path} (${operation.operationId})`,
    )
    throw new SyncError(vendor, origin, `tracked operation missing upstream: ${names.join(', ')}`)
  }
  const trackedIds = new Set(tracked.map((operation) => operation.operationId))

  // The source goes in as JSON so both upstream formats take the same path through Redocly.
  const source = JSON.stringify(upstream)
  const absoluteRef = `${vendor}-upstream.json`
  const bundleConfig = await createConfig({
    extends: [],
    decorators: {
      'filter-in': { property: 'operationId', value: [...trackedIds] },
      'remove-unused-components': 'on',
    },
  })
  let bundled: Awaited<ReturnType<typeof bundleFromString>>
  try {
    bundled = await bundleFromString({
      source,
      absoluteRef,
      config: bundleConfig,
      removeUnusedComponents: true,
    })
  } catch (error) {
    throw new SyncError(vendor, origin, `invalid spec: ${firstLine((error as Error).message)}`)
  }
  const bundleErrors = bundled.problems.filter((problem) => problem.severity === 'error')
  if (bundleErrors.length > 0) {
    throw new SyncError(vendor, origin, `invalid spec: ${describeProblems(bundleErrors)}`)
  }
  const document = trimToTracked(bundled.bundle.parsed as Record<string, unknown>)

  const lintConfig = await createConfig({ extends: ['minimal'] })
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef, config: lintConfig })
  const acceptedCounts = new Map<AcceptedUpstreamProblem, number>()
  const lintErrors = problems.filter((problem) => {
    if (problem.severity !== 'error') return false
    const match = accepted.find(
      (entry) => entry.rule === problem.ruleId && problem.message.includes(entry.message),
    )
    if (match) acceptedCounts.set(match, (acceptedCounts.get(match) ?? 0) + 1)
    return !match
  })
  if (lintErrors.length > 0) {
    throw new SyncError(vendor, origin, `invalid spec: ${describeProblems(lintErrors)}`)
  }
  return {
    document,
    untracked: operations.filter((operation) => !trackedIds.has(operation.operationId ?? '')),
    warnings: [
      ...problems.filter((problem) => problem.severity !== 'error').map(describeProblem),
      ...[...acceptedCounts].map(
        ([entry, count]) => `accepted upstream problem, ${count}×: ${entry.rule}: ${entry.message}`,
      ),
    ],
  }
}

function describeProblem(problem: NormalizedProblem): string {
  const pointer = problem.location[0]?.pointer?.replace(/^#/, '') ?? ''
  return `${problem.ruleId}: ${problem.message}${pointer ? ` at ${pointer}` : ''}`
}

function describeProblems(problems: NormalizedProblem[]): string {
  const shown = problems.slice(0, 3).map(describeProblem).join('; ')
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
