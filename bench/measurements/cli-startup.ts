/**
 * (9) CLI start-up: fresh processes of `evalrun --version` and `evalrun runs list --help` (the built bin, which is
 * what `npx @evalrun/cli` runs) beside an empty `node -e 0`, interleaved so that machine noise hits each alike.
 * Target: `evalrun --version` within 1.5× the empty process. The help line shows what a command that builds the
 * whole program costs; neither loads the sandbox.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../lib/paths.js'
import { type Measurement, verdictOf } from '../lib/result.js'
import { median, round } from '../lib/stats.js'

const ROUNDS = 25
const TARGET_RATIO = 1.5

export function measureCliStartup(): Measurement {
  const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js')
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first.`)
  const candidates = [
    { label: 'node -e 0 (the floor)', args: ['-e', '0'], wallMs: [] as number[] },
    { label: 'evalrun --version', args: [bin, '--version'], wallMs: [] as number[] },
    { label: 'evalrun runs list --help', args: [bin, 'runs', 'list', '--help'], wallMs: [] as number[] },
  ]
  for (let round = 0; round < ROUNDS; round++) {
    for (const candidate of candidates) {
      const started = performance.now()
      execFileSync(process.execPath, candidate.args, { stdio: 'ignore' })
      candidate.wallMs.push(performance.now() - started)
    }
  }
  const floor = median(candidates[0]?.wallMs ?? [])
  const ratio = (wall: number[]) => median(wall) / floor
  const versionRatio = ratio(candidates[1]?.wallMs ?? [])
  return {
    id: 9,
    title: 'CLI start-up',
    target: `\`evalrun --version\` within ${TARGET_RATIO}× a bare \`node -e 0\` process`,
    verdict: verdictOf(versionRatio <= TARGET_RATIO),
    summary: `evalrun --version ${round(versionRatio, 2)}× node -e 0 (${round(median(candidates[1]?.wallMs ?? []), 1)} vs ${round(floor, 1)} ms)`,
    rows: candidates.map((candidate) => ({
      process: candidate.label,
      'wall, median (ms)': round(median(candidate.wallMs), 1),
      'vs node -e 0': round(ratio(candidate.wallMs), 2),
    })),
    notes: [
      `${ROUNDS} rounds, candidates interleaved; the built bin (packages/cli/dist/bin.js) run with this Node.`,
      '`--version` is answered before the program (and with it the facade and every vendor client) is loaded; `sandbox` and `demo` load the sandbox only when run.',
    ],
  }
}
