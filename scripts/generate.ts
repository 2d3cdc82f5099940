/**
 * `pnpm generate`: regenerates packages/<vendor>/src/generated/ from specs/<vendor>/.
 * `pnpm generate --check`: changes nothing; fails when a generated file is stale or a spec's recorded sha256 is off.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { generateTypes, sha256 } from './lib/codegen.js'
import { listVendorSpecs, repoRoot } from './lib/vendors.js'

const check = process.argv.includes('--check')
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const problems: string[] = []
const started = performance.now()

for (const spec of listVendorSpecs(only)) {
  const actualHash = sha256(readFileSync(spec.specPath))
  if (actualHash !== spec.source.sha256) {
    problems.push(
      `${relative(repoRoot, spec.sourcePath)}: sha256 ${spec.source.sha256} does not match ${relative(repoRoot, spec.specPath)} (${actualHash}). Sync the spec with \`pnpm specs:sync\`, or record the new hash.`,
    )
  }
  const generated = await generateTypes(spec.specPath)
  let current: string | null = null
  try {
    current = readFileSync(spec.generatedPath, 'utf8')
  } catch {}
  const file = relative(repoRoot, spec.generatedPath)
  if (current === generated) {
    console.log(`${spec.vendor}: ${file} is up to date`)
  } else if (check) {
    problems.push(`${file} is stale: run \`pnpm generate\` and commit the result.`)
  } else {
    mkdirSync(dirname(spec.generatedPath), { recursive: true })
    writeFileSync(spec.generatedPath, generated)
    console.log(`${spec.vendor}: wrote ${file}`)
  }
}

console.log(`generate${check ? ' --check' : ''}: ${Math.round(performance.now() - started)} ms`)
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`)
  process.exit(1)
}
