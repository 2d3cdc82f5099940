import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const benchDir = join(repoRoot, 'bench')

/** The built entry of a workspace package: benchmarks measure what users install, not the sources. */
export function distEntry(dir: string): string {
  const entry = join(repoRoot, 'packages', dir, 'dist', 'index.js')
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`pnpm build\` first.`)
  return entry
}
