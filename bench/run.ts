/**
 * `pnpm bench`: the measurements of issue 7 (and issue 18's compare, 10, Braintrust's, 11, and issue 26's
 * significance, 12), written to
 * bench/results.json and BENCHMARKS.md.
 * `pnpm bench --only=1,3` runs some of them and writes nothing (for trying things out).
 * Needs built packages (`pnpm bench` builds first). The vendors' own SDKs are npm-installed into scratch folders;
 * without the registry their comparisons are left out, and the report says so.
 */
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeEnvironment } from './lib/environment.js'
import { type BenchInstalls, prepareInstalls } from './lib/installs.js'
import { renderMarkdown } from './lib/markdown.js'
import { benchDir, repoRoot } from './lib/paths.js'
import type { Measurement } from './lib/result.js'
import { measureBraintrust } from './measurements/braintrust.js'
import { measureBundleSize } from './measurements/bundle-size.js'
import { measureCallOverhead } from './measurements/call-overhead.js'
import { measureCliStartup } from './measurements/cli-startup.js'
import { measureCodegenTypecheck } from './measurements/codegen-typecheck.js'
import { measureColdImport } from './measurements/cold-import.js'
import { measureCompareAtScale } from './measurements/compare-at-scale.js'
import { measureInstallFootprint } from './measurements/install-footprint.js'
import { measureListingAtScale } from './measurements/listing-at-scale.js'
import { measureLoopback } from './measurements/loopback.js'
import { measureSignificance } from './measurements/significance.js'
import { measureWaiting } from './measurements/waiting.js'

const onlyArg = process.argv.find((arg) => arg.startsWith('--only='))
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',').map(Number)) : null
const wanted = (id: number) => only === null || only.has(id)

const environment = describeEnvironment()
console.log(`bench: node ${environment.node}, ${environment.cpu} × ${environment.cores}`)

const needsInstalls = [3, 4, 5, 8].some(wanted)
const installs: BenchInstalls | null = needsInstalls ? await prepareInstalls() : null
const problems = installs
  ? Object.values(installs).flatMap((install) =>
      install.problem ? [`${install.label}: ${install.problem}; its comparisons are left out.`] : [],
    )
  : []
for (const problem of problems) console.warn(`bench: ${problem}`)

const steps: Array<[number, () => Promise<Measurement> | Measurement]> = [
  [1, measureCallOverhead],
  [2, measureLoopback],
  [3, () => measureBundleSize(installs!.humanloop)],
  [4, () => measureInstallFootprint(installs!)],
  [5, () => measureColdImport(installs!)],
  [6, measureListingAtScale],
  [7, measureWaiting],
  [8, () => measureCodegenTypecheck(installs!.evalrun)],
  [9, measureCliStartup],
  [10, measureCompareAtScale],
  [11, measureBraintrust],
  [12, measureSignificance],
]
const measurements: Measurement[] = []
try {
  for (const [id, measure] of steps) {
    if (!wanted(id)) continue
    const started = performance.now()
    const measurement = await measure()
    measurements.push(measurement)
    console.log(
      `bench: (${id}) ${measurement.title}: ${measurement.verdict}: ${measurement.summary} [${Math.round(performance.now() - started)} ms]`,
    )
    // Trying things out: the table too, since nothing is written.
    if (only !== null) console.table(measurement.rows)
  }
} finally {
  for (const install of installs ? Object.values(installs) : []) {
    if (install.dir) rmSync(install.dir, { recursive: true, force: true })
  }
}

if (only === null) {
  writeFileSync(
    join(benchDir, 'results.json'),
    `${JSON.stringify({ environment, problems, measurements }, null, 2)}\n`,
  )
  // In the repo's JSON style, so that `pnpm lint` accepts the file as written.
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', 'bench/results.json'], {
    cwd: repoRoot,
    stdio: 'ignore',
  })
  writeFileSync(join(repoRoot, 'BENCHMARKS.md'), renderMarkdown(environment, measurements, problems))
  console.log('bench: wrote bench/results.json and BENCHMARKS.md')
}
