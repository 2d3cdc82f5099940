/**
 * (5) Cold import: 20 fresh `node` processes each importing `evalrun` (from the packed tarballs), beside the
 * same for `humanloop@0.8.20` and for an empty `node` (the floor). Rounds are interleaved so that machine
 * noise hits every candidate alike. Target: ≤ 50 ms.
 */
import { execFileSync } from 'node:child_process'
import type { BenchInstalls } from '../lib/installs.js'
import { type Measurement, skipped, verdictOf } from '../lib/result.js'
import { median, round } from '../lib/stats.js'

const ROUNDS = 20
const TARGET_MS = 50

/** Prints how long the import itself took, measured inside the process. */
const importScript = (specifier: string) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t))`

interface Candidate {
  label: string
  cwd: string
  script: string
  wallMs: number[]
  importMs: number[]
}

function runOnce(candidate: Candidate): void {
  const started = performance.now()
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', candidate.script], {
    cwd: candidate.cwd,
    encoding: 'utf8',
  })
  candidate.wallMs.push(performance.now() - started)
  candidate.importMs.push(Number(output) || 0)
}

export function measureColdImport(installs: BenchInstalls): Measurement {
  const title = 'Cold import'
  const target = `importing evalrun in a fresh process costs ≤ ${TARGET_MS} ms`
  if (installs.evalrun.dir === null)
    return skipped(5, title, target, installs.evalrun.problem ?? 'no install')
  const candidates: Candidate[] = [
    { label: 'node, nothing imported', cwd: installs.evalrun.dir, script: '', wallMs: [], importMs: [] },
    {
      label: 'evalrun',
      cwd: installs.evalrun.dir,
      script: importScript('evalrun'),
      wallMs: [],
      importMs: [],
    },
  ]
  if (installs.humanloop.dir !== null) {
    candidates.push({
      label: 'humanloop@0.8.20',
      cwd: installs.humanloop.dir,
      script: importScript('humanloop'),
      wallMs: [],
      importMs: [],
    })
  }
  for (let round = 0; round < ROUNDS; round++) for (const candidate of candidates) runOnce(candidate)

  const floor = median(candidates[0]?.wallMs ?? [])
  const rows = candidates.map((candidate) => ({
    candidate: candidate.label,
    'process wall, median (ms)': round(median(candidate.wallMs), 1),
    'above empty node (ms)': round(median(candidate.wallMs) - floor, 1),
    'import() inside the process, median (ms)': candidate.script
      ? round(median(candidate.importMs), 1)
      : null,
  }))
  const ours = median(candidates[1]?.importMs ?? [])
  const theirs = candidates[2] ? median(candidates[2].importMs) : null
  const notes = [
    `${ROUNDS} rounds, candidates interleaved; \`node --input-type=module -e "await import(…)"\` in the scratch project where each was npm-installed.`,
    'The target is checked on the import itself (timed inside the process); the whole process also pays Node start-up, shown as "node, nothing imported".',
  ]
  if (installs.humanloop.problem) notes.push(`humanloop@0.8.20 not measured: ${installs.humanloop.problem}`)
  return {
    id: 5,
    title,
    target,
    verdict: verdictOf(ours <= TARGET_MS),
    summary: `import('evalrun') ${round(ours, 1)} ms median${theirs !== null ? `; humanloop@0.8.20 takes ${round(theirs / ours, 1)}× as long` : ''}`,
    rows,
    notes,
  }
}
