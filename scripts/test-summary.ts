/**
 * The closing lines of `pnpm test` (`scripts/run-checks.ts`): which stage failed, if one did, then always
 * `tests: N passed, N failed`. The counts are vitest's, from the JSON report it writes; a stage that failed other
 * than vitest counts as one failed test, so the line never says `0 failed` after a failure.
 */

/** What one stage of `pnpm test` came to. `skipped`: an earlier stage failed, so it did not run. */
export interface StageResult {
  name: string
  outcome: 'passed' | 'failed' | 'skipped'
}

/** The counts of vitest's JSON report (`--reporter=json`), or null when it wrote none. */
export interface VitestCounts {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
}

/** The stage that runs vitest, whose failures are counted test by test. */
export const VITEST_STAGE = 'vitest'

/** vitest's counts from the text of its JSON report; null when the text is not such a report. */
export function parseVitestReport(text: string | null): VitestCounts | null {
  if (text === null) return null
  try {
    const report = JSON.parse(text) as Partial<Record<keyof VitestCounts, unknown>>
    const count = (value: unknown) =>
      Number.isInteger(value) && (value as number) >= 0 ? (value as number) : null
    const passed = count(report.numPassedTests)
    const failed = count(report.numFailedTests)
    if (passed === null || failed === null) return null
    return {
      numPassedTests: passed,
      numFailedTests: failed,
      numPendingTests: count(report.numPendingTests) ?? 0,
    }
  } catch {
    return null
  }
}

/** The lines to print last, and whether `pnpm test` passed. */
export function summarize(
  stages: readonly StageResult[],
  vitest: VitestCounts | null,
): { lines: string[]; passed: boolean } {
  const failed = stages.filter((stage) => stage.outcome === 'failed')
  const skipped = stages.filter((stage) => stage.outcome === 'skipped')
  const lines: string[] = []
  if (failed.length > 0) {
    const notRun = skipped.length > 0 ? `; not run: ${skipped.map((stage) => stage.name).join(', ')}` : ''
    lines.push(`checks: ${failed.map((stage) => stage.name).join(', ')} failed${notRun}`)
  }
  const vitestRan = stages.some((stage) => stage.name === VITEST_STAGE && stage.outcome !== 'skipped')
  const vitestFailed = failed.some((stage) => stage.name === VITEST_STAGE)
  const counts = vitestRan ? vitest : null
  let failedTests =
    (counts?.numFailedTests ?? 0) + failed.filter((stage) => stage.name !== VITEST_STAGE).length
  // vitest failed without a failed test to show for it (a crash, a type error, no report): count that once.
  if (vitestFailed && (counts === null || counts.numFailedTests === 0)) failedTests += 1
  const pending = counts !== null && counts.numPendingTests > 0 ? `, ${counts.numPendingTests} skipped` : ''
  const note = vitestRan ? '' : ' (vitest did not run)'
  lines.push(`tests: ${counts?.numPassedTests ?? 0} passed, ${failedTests} failed${pending}${note}`)
  return { lines, passed: failed.length === 0 }
}
