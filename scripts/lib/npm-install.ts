import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** What an npm failure looks like when the registry cannot be reached (as opposed to a real install error). */
const UNREACHABLE =
  /E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)|ENOTCACHED|network/i

export type InstallOutcome = { ok: true; dir: string } | { ok: false; unreachable: boolean; message: string }

/**
 * `npm install specs…` into a new empty project under the temp dir, as a user would, with no lockfile, audit
 * or install scripts. Registry failures come back as `unreachable` so that callers can skip rather than fail.
 */
export async function npmInstallFresh(specs: readonly string[], label: string): Promise<InstallOutcome> {
  const dir = mkdtempSync(join(tmpdir(), `evalrun-${label}-`))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `probe-${label}`, private: true }))
  try {
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--ignore-scripts',
        '--prefer-offline',
        '--fetch-retries=1',
        '--fetch-timeout=30000',
        '--fetch-retry-mintimeout=2000',
        '--fetch-retry-maxtimeout=10000',
        '--loglevel=error',
        ...specs,
      ],
      { cwd: dir, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
    )
    return { ok: true, dir }
  } catch (error) {
    const details = error as { stderr?: string; message?: string }
    const message = `${details.stderr ?? ''}\n${details.message ?? ''}`.trim()
    return { ok: false, unreachable: UNREACHABLE.test(message), message }
  }
}
