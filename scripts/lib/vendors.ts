import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

export interface TrackedOperation {
  method: string
  path: string
  operationId: string
}

/** `specs/<vendor>/source.json`: where the vendored spec comes from and what we track of it. */
export interface SpecSource {
  vendor: string
  upstream: { url: string; format: 'json' | 'yaml'; confirmed: boolean }
  vendoredFile: string
  sha256: string
  syncedAt: string
  basis: string[]
  trackedOperations: TrackedOperation[]
  knownMissingUpstream: string[]
  inferred: string[]
}

export interface VendorSpec {
  vendor: string
  specPath: string
  sourcePath: string
  generatedPath: string
  source: SpecSource
}

/**
 * Every vendor is a folder of specs/ with a source.json: the one list, never kept by hand elsewhere.
 * `root` is injectable so the sync tests can run on a temporary copy of the repository.
 */
export function listVendorSpecs(only: string[] = [], root: string = repoRoot): VendorSpec[] {
  const specsDir = join(root, 'specs')
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((vendor) => only.length === 0 || only.includes(vendor))
    .sort()
    .map((vendor) => {
      const sourcePath = join(specsDir, vendor, 'source.json')
      const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as SpecSource
      return {
        vendor,
        specPath: join(specsDir, vendor, source.vendoredFile),
        sourcePath,
        generatedPath: join(root, 'packages', vendor, 'src', 'generated', 'openapi.ts'),
        source,
      }
    })
}
