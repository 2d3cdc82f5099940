/** A throwaway copy of the repository's shape for one test vendor, "widgets", synced from the fixture spec. */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'
import { generateTypes, sha256 } from '../../lib/codegen.js'
import { normaliseSpec } from '../../lib/spec-normalise.js'
import { selectTrackedSpec } from '../../lib/spec-select.js'
import { listVendorSpecs, repoRoot, type SpecSource, type VendorSpec } from '../../lib/vendors.js'

export const VENDOR = 'widgets'
export const fixtureText = readFileSync(join(repoRoot, 'scripts/test/fixtures/widgets.yaml'), 'utf8')

/** A fresh, deep copy of the fixture spec to edit into the next upstream version. */
// biome-ignore lint/suspicious/noExplicitAny: tests edit the fixture spec at any depth
export function fixture(): Record<string, any> {
  return YAML.parse(fixtureText)
}

export const trackedOperations = [
  { method: 'get', path: '/widgets', operationId: 'listWidgets' },
  { method: 'post', path: '/widgets', operationId: 'createWidget' },
  { method: 'get', path: '/widgets/{id}', operationId: 'getWidget' },
]

export interface TempRepo {
  root: string
  spec: () => VendorSpec
  /** Every file a failed or unchanged sync must leave alone, with its bytes and mtime. */
  snapshot: () => Map<string, { bytes: string; mtimeMs: number }>
  changesets: () => string[]
  remove: () => void
}

export async function createTempRepo(upstreamUrl: string): Promise<TempRepo> {
  const root = mkdtempSync(join(tmpdir(), 'evalrun-sync-'))
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
  write('package.json', json({ name: 'temp-monorepo', private: true, version: '0.0.0' }))
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n')
  write('.changeset/config.json', readFileSync(join(repoRoot, '.changeset/config.json'), 'utf8'))
  write('packages/widgets/package.json', json({ name: '@evalrun/widgets', version: '1.2.3' }))
  write(
    'packages/evalrun/package.json',
    json({ name: 'evalrun', version: '0.4.0', dependencies: { '@evalrun/widgets': 'workspace:*' } }),
  )
  // `changeset version` loads the changelog generator named in config.json from the workspace.
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir')

  const vendored = normaliseSpec(
    (await selectTrackedSpec(VENDOR, 'fixture', fixtureText, trackedOperations)).document,
  )
  write('specs/widgets/openapi.yaml', vendored)
  const source: SpecSource = {
    vendor: VENDOR,
    upstream: { url: upstreamUrl, format: 'yaml', confirmed: true },
    vendoredFile: 'openapi.yaml',
    sha256: sha256(vendored),
    syncedAt: '2026-01-01',
    basis: [],
    trackedOperations,
    knownMissingUpstream: [],
    inferred: [],
  }
  write('specs/widgets/source.json', json(source))
  const spec = () => listVendorSpecs([VENDOR], root)[0] as VendorSpec
  write('packages/widgets/src/generated/openapi.ts', await generateTypes(spec().specPath, root))

  const watched = () => {
    const current = spec()
    return [current.specPath, current.sourcePath, current.generatedPath]
  }
  return {
    root,
    spec,
    snapshot: () =>
      new Map(
        [...watched(), join(root, '.changeset')].map((path) => [
          path,
          {
            bytes: statSync(path).isDirectory() ? changesetNames(root).join(',') : readFileSync(path, 'utf8'),
            mtimeMs: statSync(path).mtimeMs,
          },
        ]),
      ),
    changesets: () => changesetNames(root),
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}

function changesetNames(root: string): string[] {
  return readdirSync(join(root, '.changeset'))
    .filter((name) => name.endsWith('.md'))
    .sort()
}
