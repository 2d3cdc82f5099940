import { lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export interface InstallFootprint {
  /** Bytes of every file under node_modules (apparent size, npm's own metadata excluded). */
  bytes: number
  /** Installed packages, nested ones included. */
  packages: number
  names: string[]
}

/** Measures `<projectDir>/node_modules` the way a user sees it after `npm install`. */
export function measureInstall(projectDir: string): InstallFootprint {
  const names: string[] = []
  const bytes = walkPackages(join(projectDir, 'node_modules'), names)
  return { bytes, packages: names.length, names: names.sort() }
}

function walkPackages(nodeModules: string, names: string[]): number {
  let bytes = 0
  for (const entry of safeReaddir(nodeModules)) {
    // npm's bookkeeping (.package-lock.json, .bin links) is not part of any package.
    if (entry.startsWith('.')) continue
    const path = join(nodeModules, entry)
    if (entry.startsWith('@')) {
      for (const scoped of safeReaddir(path)) {
        names.push(`${entry}/${scoped}`)
        bytes += sizeOf(join(path, scoped), names)
      }
    } else {
      names.push(entry)
      bytes += sizeOf(path, names)
    }
  }
  return bytes
}

/** A package's bytes; packages nested in its own node_modules are counted as packages of their own. */
function sizeOf(path: string, names: string[]): number {
  const stat = lstatSync(path)
  if (stat.isSymbolicLink()) return 0
  if (!stat.isDirectory()) return stat.size
  let bytes = 0
  for (const entry of readdirSync(path)) {
    const child = join(path, entry)
    bytes += entry === 'node_modules' ? walkPackages(child, names) : sizeOf(child, names)
  }
  return bytes
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path)
  } catch {
    return []
  }
}
