/**
 * (8) Codegen and type-check: `pnpm generate` for all specs (as `--check`, which does the same generation but
 * writes nothing), and `tsc --noEmit` of a consumer file using all three clients and the facade, with the
 * types from the packed tarballs. Target: generation ≤ 3 s.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { listVendorSpecs } from '../../scripts/lib/vendors.js'
import type { ScratchInstall } from '../lib/installs.js'
import { benchDir, repoRoot } from '../lib/paths.js'
import { type Measurement, verdictOf } from '../lib/result.js'
import { median, round } from '../lib/stats.js'

const ROUNDS = 3
const TARGET_MS = 3_000
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name)

function timeCommand(command: string, args: string[], cwd: string): { ms: number; output: string } {
  const started = performance.now()
  const output = execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { ms: performance.now() - started, output }
}

/** A consumer project: the fixture beside the installed tarballs, checked as users' strict projects are. */
function prepareConsumer(dir: string): void {
  copyFileSync(join(benchDir, 'fixtures', 'consumer.ts'), join(dir, 'consumer.ts'))
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'DOM'],
    types: [],
    skipLibCheck: false,
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }))
}

export function measureCodegenTypecheck(evalrunInstall: ScratchInstall): Measurement {
  const generate: number[] = []
  const generateInside: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const { ms, output } = timeCommand(bin('tsx'), ['scripts/generate.ts', '--check'], repoRoot)
    generate.push(ms)
    const inside = /generate --check: (\d+) ms/.exec(output)?.[1]
    if (inside) generateInside.push(Number(inside))
  }
  const rows: Measurement['rows'] = [
    {
      step: `\`pnpm generate\` (all ${listVendorSpecs().length} specs), whole process`,
      'median (ms)': round(median(generate), 0),
    },
    { step: '… of which generation itself', 'median (ms)': round(median(generateInside), 0) },
  ]
  const notes = [`${ROUNDS} rounds each; tsx start-up is part of the whole-process figure.`]
  if (evalrunInstall.dir === null) {
    notes.push(`tsc on the consumer file not measured: ${evalrunInstall.problem}`)
  } else {
    prepareConsumer(evalrunInstall.dir)
    const tsc: number[] = []
    for (let i = 0; i < ROUNDS; i++) tsc.push(timeCommand(bin('tsc'), ['-p', '.'], evalrunInstall.dir).ms)
    rows.push({
      step: '`tsc --noEmit` of a consumer of the first three vendor clients and the facade (strict, skipLibCheck off)',
      'median (ms)': round(median(tsc), 0),
    })
  }
  const generateMs = median(generate)
  return {
    id: 8,
    title: 'Codegen and type-check',
    target: `\`pnpm generate\` ≤ ${TARGET_MS / 1000} s`,
    verdict: verdictOf(generateMs <= TARGET_MS),
    summary: rows.map((row) => `${row.step}: ${row['median (ms)']} ms`).join('; '),
    rows,
    notes,
  }
}
