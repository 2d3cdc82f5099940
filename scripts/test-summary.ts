/**
 * Prints the test count as one plain closing line (`tests: N passed, N failed`), read from the JSON report
 * `vitest run` writes in `pnpm test`, so that CI logs end with the count whatever ran after the tests.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './lib/vendors.js'

const report = JSON.parse(readFileSync(join(repoRoot, '.vitest-results.json'), 'utf8')) as {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
}
const skipped = report.numPendingTests > 0 ? `, ${report.numPendingTests} skipped` : ''
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped}`)
