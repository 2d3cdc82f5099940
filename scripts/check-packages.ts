/**
 * `pnpm publint`: packs every published package as npm would receive it, then runs publint and
 * @arethetypeswrong/cli on the tarball. Run after `pnpm build`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { repoRoot } from './lib/vendors.js'

const packagesDir = join(repoRoot, 'packages')
const packDir = mkdtempSync(join(tmpdir(), 'evalrun-pack-'))
let failed = false

try {
  for (const dir of readdirSync(packagesDir).sort()) {
    const pkgDir = join(packagesDir, dir)
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    if (manifest.private) continue

    const { messages, pkg } = await publint({ pkgDir, level: 'suggestion', strict: true })
    for (const message of messages) {
      console.error(`${manifest.name}: publint ${message.type}: ${formatMessage(message, pkg)}`)
    }
    if (messages.some((m) => m.type !== 'suggestion')) failed = true

    const tarball = execFileSync('pnpm', ['pack', '--pack-destination', packDir], {
      cwd: pkgDir,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop() as string
    try {
      execFileSync('attw', [tarball, '--format', 'table-flipped', ...attwProfile(manifest)], {
        stdio: 'pipe',
        encoding: 'utf8',
      })
      console.log(`${manifest.name}: publint and attw clean`)
    } catch (error) {
      failed = true
      console.error(
        `${manifest.name}: attw found problems:\n${(error as { stdout?: string }).stdout ?? error}`,
      )
    }
  }
} finally {
  rmSync(packDir, { recursive: true, force: true })
}

// Packages that are ESM-only by design (the CLI) say so, and attw checks them as such.
function attwProfile(manifest: { exports?: Record<string, unknown> }): string[] {
  const root = manifest.exports?.['.'] as Record<string, unknown> | undefined
  return root && !('require' in root) ? ['--profile', 'esm-only'] : []
}

process.exit(failed ? 1 : 0)
