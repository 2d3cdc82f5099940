/**
 * `pnpm test`: every check CI runs, in order, stopping at the first that fails, then the summary
 * (`scripts/test-summary.ts`) whatever happened: the stage that failed, if any, and `tests: N passed, N failed`.
 * Exits non-zero when any stage failed (130 when interrupted).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './lib/vendors.js'
import { parseVitestReport, type StageResult, summarize, VITEST_STAGE } from './test-summary.js'

const REPORT = join(repoRoot, '.vitest-results.json')

/** The stages, each one command run from the repository root with the terminal's stdio. */
const STAGES: readonly { name: string; args: readonly string[] }[] = [
  { name: 'generate:check', args: ['run', 'generate:check'] },
  { name: 'lint', args: ['run', 'lint'] },
  { name: 'typecheck', args: ['run', 'typecheck'] },
  { name: 'build', args: ['run', 'build'] },
  { name: 'size-budget', args: ['run', 'size-budget'] },
  {
    name: VITEST_STAGE,
    args: [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=.vitest-results.json',
    ],
  },
  { name: 'publint', args: ['run', 'publint'] },
]

// Ctrl-C reaches the running stage too: live on to print the summary, then exit 130.
process.on('SIGINT', () => {})
process.on('SIGTERM', () => {})

const results: StageResult[] = []
let exitCode = 0
rmSync(REPORT, { force: true })
for (const stage of STAGES) {
  if (exitCode !== 0) {
    results.push({ name: stage.name, outcome: 'skipped' })
    continue
  }
  const run = spawnSync('pnpm', stage.args, { cwd: repoRoot, stdio: 'inherit' })
  const interrupted = run.signal === 'SIGINT' || run.signal === 'SIGTERM'
  const code = interrupted ? 130 : (run.status ?? 1)
  results.push({ name: stage.name, outcome: code === 0 ? 'passed' : 'failed' })
  exitCode = code
}

const report = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : null
const summary = summarize(results, parseVitestReport(report))
for (const line of summary.lines) console.log(line)
process.exitCode = summary.passed ? 0 : exitCode || 1
