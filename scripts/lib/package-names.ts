import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The npm name of packages/<dir>, or undefined when that package does not exist in this workspace. */
export function packageName(root: string, dir: string): string | undefined {
  const manifest = join(root, 'packages', dir, 'package.json')
  if (!existsSync(manifest)) return undefined
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name
}
