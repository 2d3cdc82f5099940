/**
 * (4) Install footprint: the packed `evalrun` tarballs installed by npm into an empty folder, beside
 * `npm install humanloop@0.8.20` and `npm install promptlayer` measured the same way.
 * Target: ≤ 1 MB and ≤ 8 packages for evalrun.
 */
import { BUDGETS, formatBytes } from '../../scripts/lib/budgets.js'
import { measureInstall } from '../../scripts/lib/install-footprint.js'
import type { BenchInstalls, ScratchInstall } from '../lib/installs.js'
import { type Measurement, skipped, verdictOf } from '../lib/result.js'
import { round } from '../lib/stats.js'

const TITLE = 'Install footprint'
const TARGET = `evalrun ≤ ${formatBytes(BUDGETS.installBytes)} and ≤ ${BUDGETS.installPackages} packages`

export function measureInstallFootprint(installs: BenchInstalls): Measurement {
  if (installs.evalrun.dir === null)
    return skipped(4, TITLE, TARGET, installs.evalrun.problem ?? 'no install')
  const ours = measureInstall(installs.evalrun.dir)
  const row = (install: ScratchInstall, spec: string, suffix = '') => {
    if (install.dir === null)
      return { install: spec, 'size on disk': null, packages: null, 'size vs evalrun': null }
    const footprint = measureInstall(install.dir)
    return {
      install: `${spec}${install.version && !spec.includes(install.version) ? ` ${install.version}` : ''}${suffix}`,
      'size on disk': formatBytes(footprint.bytes),
      packages: footprint.packages,
      'size vs evalrun': round(footprint.bytes / ours.bytes, 1),
    }
  }
  const rows = [
    row(installs.evalrun, 'evalrun', ' (packed tarballs)'),
    row(installs.humanloop, 'humanloop@0.8.20'),
    row(installs.promptlayer, 'promptlayer'),
  ]
  const notes = [
    'npm install into an empty project (no lockfile, no scripts); size = apparent bytes of every file under node_modules, npm bookkeeping excluded.',
    `evalrun installs: ${ours.names.join(', ')}.`,
  ]
  for (const install of [installs.humanloop, installs.promptlayer]) {
    if (install.problem) notes.push(`${install.label} not measured: ${install.problem}`)
  }
  const met = ours.bytes <= BUDGETS.installBytes && ours.packages <= BUDGETS.installPackages
  const sdk = rows[1]?.['size vs evalrun']
  return {
    id: 4,
    title: TITLE,
    target: TARGET,
    verdict: verdictOf(met),
    summary: `evalrun: ${formatBytes(ours.bytes)} in ${ours.packages} packages${sdk ? `; humanloop@0.8.20 is ${sdk}× that` : ''}`,
    rows,
    notes,
  }
}
