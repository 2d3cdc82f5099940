/**
 * `pnpm size-budget`: fails when a published package outgrows its budget (issue 7). Run after `pnpm build`.
 * - Bundle size: each vendor package and the facade, bundled for the browser by esbuild, minified + gzip.
 * - Install footprint: the packed `evalrun` tarballs installed by npm into an empty folder.
 * When the npm registry cannot be reached (openapi-fetch comes from it), the install check is skipped, saying so.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUDGETS, CI_CEILINGS, formatBytes, measurePackageBundles } from './lib/budgets.js'
import { measureInstall } from './lib/install-footprint.js'
import { npmInstallFresh } from './lib/npm-install.js'
import { assertBuilt, FACADE_PACKAGES, packPackages } from './lib/pack-workspace.js'

const failures: string[] = []
assertBuilt(FACADE_PACKAGES)

for (const bundle of await measurePackageBundles()) {
  const target = bundle.gzip <= bundle.budget ? 'target met' : 'target NOT met'
  const line = `${bundle.name}: ${formatBytes(bundle.gzip)} min+gzip (${formatBytes(bundle.minified)} min), CI ceiling ${formatBytes(bundle.ceiling)}, issue target ${formatBytes(bundle.budget)} (${target})`
  console.log(`size-budget: ${line}`)
  if (bundle.gzip > bundle.ceiling) failures.push(`bundle of ${line}`)
}

const packDir = mkdtempSync(join(tmpdir(), 'evalrun-budget-pack-'))
try {
  const tarballs = [...packPackages(FACADE_PACKAGES, packDir).values()]
  const install = await npmInstallFresh(tarballs, 'budget-install')
  if (!install.ok && install.unreachable) {
    console.warn(
      'size-budget: SKIPPED the install footprint: the npm registry is unreachable (openapi-fetch comes from it).',
    )
  } else if (!install.ok) {
    failures.push(`npm install of the packed evalrun tarballs failed:\n${install.message}`)
  } else {
    const footprint = measureInstall(install.dir)
    rmSync(install.dir, { recursive: true, force: true })
    const met = footprint.bytes <= BUDGETS.installBytes && footprint.packages <= BUDGETS.installPackages
    const line = `install of evalrun: ${formatBytes(footprint.bytes)} in ${footprint.packages} packages (${footprint.names.join(', ')}), CI ceiling ${formatBytes(CI_CEILINGS.installBytes)} and ${CI_CEILINGS.installPackages} packages, issue target ${formatBytes(BUDGETS.installBytes)} and ${BUDGETS.installPackages} packages (target ${met ? 'met' : 'NOT met'})`
    console.log(`size-budget: ${line}`)
    if (footprint.bytes > CI_CEILINGS.installBytes || footprint.packages > CI_CEILINGS.installPackages) {
      failures.push(line)
    }
  }
} finally {
  rmSync(packDir, { recursive: true, force: true })
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`size-budget: OVER BUDGET: ${failure}`)
  process.exit(1)
}
console.log('size-budget: every package within budget')
