import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

export interface TrackedOperation {
  method: string
  path: string
  operationId: string
}

/** Where a vendored spec is cut from. The provenance fields are optional: some specs have no public full file. */
export interface UpstreamSource {
  /** What `specs:sync` downloads when it is not given `--from` (for a repository: the raw URL of its file). */
  url: string
  format: 'json' | 'yaml'
  confirmed: boolean
  /** The repository that publishes the full spec, e.g. `https://github.com/openai/openai-openapi`. */
  repository?: string
  /** The spec's path inside that repository. */
  path?: string
  /** The commit the full file was read at; `specs:sync` drops it when the file it reads has another sha256. */
  commit?: string
  /** sha256 of the full upstream file the vendored subset was last cut from; `specs:sync` records it. */
  sha256?: string
  licence?: string
}

/**
 * A problem Redocly's `minimal` ruleset finds in the upstream spec itself, accepted so the subset can be vendored
 * unedited: a sync reports a matching error as a warning instead of failing. Anything else still fails.
 */
export interface AcceptedUpstreamProblem {
  /** The Redocly rule, e.g. `struct`. */
  rule: string
  /** A part of the problem's message. */
  message: string
  /** Why it is harmless for evalrun's generated types. */
  reason: string
}

/** `specs/<vendor>/source.json`: where the vendored spec comes from and what we track of it. */
export interface SpecSource {
  vendor: string
  upstream: UpstreamSource
  vendoredFile: string
  /** sha256 of the vendored subset; empty before the first sync of a new vendor. */
  sha256: string
  syncedAt: string
  basis: string[]
  trackedOperations: TrackedOperation[]
  acceptedUpstreamProblems?: AcceptedUpstreamProblem[]
  knownMissingUpstream: string[]
  inferred: string[]
  /**
   * A second API of a vendor whose first spec cannot be re-cut from the same upstream (PromptLayer's Tables beside
   * its project-written legacy subset): the packages/<dir> whose client it types, and the file under its
   * src/generated/. Absent for a vendor's own spec folder: packages/<folder>, openapi.ts.
   */
  partOf?: { package: string; generatedFile: string }
}

export interface VendorSpec {
  vendor: string
  /** The packages/<dir> the generated types go to: the folder's name unless source.json says `partOf`. */
  packageDir: string
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
      const packageDir = source.partOf?.package ?? vendor
      const generatedFile = source.partOf?.generatedFile ?? 'openapi.ts'
      return {
        vendor,
        packageDir,
        specPath: join(specsDir, vendor, source.vendoredFile),
        sourcePath,
        generatedPath: join(root, 'packages', packageDir, 'src', 'generated', generatedFile),
        source,
      }
    })
}
