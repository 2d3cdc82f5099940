import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './vendors.js'

interface Manifest {
  name: string
  private?: boolean
  dependencies?: Record<string, string>
  /** A package that carries more than the others of its kind says its own bundle ceiling here (see budgets.ts). */
  evalrun?: { bundleCeilingGzip?: number }
}

/**
 * The published package names `evalrun` ships with: itself and its workspace dependencies, read from its
 * package.json so that a vendor added to the facade is packed with it.
 */
export const FACADE_PACKAGES: readonly string[] = facadePackages()

function facadePackages(): string[] {
  const manifest = JSON.parse(
    readFileSync(join(repoRoot, 'packages', 'evalrun', 'package.json'), 'utf8'),
  ) as Manifest
  const workspace = Object.entries(manifest.dependencies ?? {})
    .filter(([, version]) => version.startsWith('workspace:'))
    .map(([name]) => name)
    .sort()
  return ['evalrun', ...workspace]
}

/** `@evalrun/datalab` → packages/datalab; `evalrun` → packages/evalrun. */
export function packageDir(name: string): string {
  return join(repoRoot, 'packages', name.replace(/^@evalrun\//, ''))
}

export function readManifest(name: string): Manifest {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as Manifest
}

/** Fails early, with the fix, when a package has not been built: packing it would ship no code. */
export function assertBuilt(names: readonly string[]): void {
  const missing = names.filter((name) => !existsSync(join(packageDir(name), 'dist', 'index.js')))
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')}: no dist/index.js. Run \`pnpm build\` first.`)
  }
}

/**
 * Packs each package as npm would receive it (`pnpm pack` rewrites `workspace:^` to real versions) into
 * `destination`, and returns the tarball paths by package name.
 */
export function packPackages(names: readonly string[], destination: string): Map<string, string> {
  assertBuilt(names)
  const tarballs = new Map<string, string>()
  for (const name of names) {
    const output = execFileSync('pnpm', ['pack', '--pack-destination', destination], {
      cwd: packageDir(name),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const tarball = output.trim().split('\n').pop() ?? ''
    if (!tarball.endsWith('.tgz')) throw new Error(`pnpm pack ${name} printed no tarball path:\n${output}`)
    tarballs.set(name, tarball)
  }
  return tarballs
}
