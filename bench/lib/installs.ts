/**
 * The installs the bench compares, each into its own empty scratch project, made once per run:
 * the packed `evalrun` tarballs, and the vendors' own SDKs (never project dependencies).
 * A registry that cannot be reached leaves the comparison out, and says so, rather than stop the bench.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { npmInstallFresh } from '../../scripts/lib/npm-install.js'
import { FACADE_PACKAGES, packPackages } from '../../scripts/lib/pack-workspace.js'

export const HUMANLOOP_SDK = 'humanloop@0.8.20'
export const PROMPTLAYER_SDK = 'promptlayer'

export interface ScratchInstall {
  label: string
  /** A project folder with node_modules, or null when the install could not be made. */
  dir: string | null
  problem: string | null
  /** The installed version of the main package, when known. */
  version: string | null
}

export interface BenchInstalls {
  evalrun: ScratchInstall
  humanloop: ScratchInstall
  promptlayer: ScratchInstall
}

async function install(label: string, specs: string[], mainPackage: string): Promise<ScratchInstall> {
  const outcome = await npmInstallFresh(specs, label)
  if (!outcome.ok) {
    const why = outcome.unreachable ? 'the npm registry is unreachable' : 'npm install failed'
    return { label, dir: null, problem: `${why}: ${outcome.message.split('\n')[0]}`, version: null }
  }
  const manifestPath = join(outcome.dir, 'node_modules', mainPackage, 'package.json')
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string }
  return { label, dir: outcome.dir, problem: null, version }
}

export async function prepareInstalls(): Promise<BenchInstalls> {
  const packDir = mkdtempSync(join(tmpdir(), 'evalrun-bench-pack-'))
  const tarballs = [...packPackages(FACADE_PACKAGES, packDir).values()]
  const [evalrun, humanloop, promptlayer] = await Promise.all([
    install('evalrun', tarballs, 'evalrun'),
    install('humanloop', [HUMANLOOP_SDK], 'humanloop'),
    install('promptlayer', [PROMPTLAYER_SDK], 'promptlayer'),
  ])
  return { evalrun, humanloop, promptlayer }
}
