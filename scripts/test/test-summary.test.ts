import { describe, expect, it } from 'vitest'
import { parseVitestReport, type StageResult, summarize } from '../test-summary.js'

const stages = (outcomes: Record<string, StageResult['outcome']>): StageResult[] =>
  Object.entries(outcomes).map(([name, outcome]) => ({ name, outcome }))
const counts = (passed: number, failed: number, pending = 0) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: pending,
})

describe('the summary of pnpm test', () => {
  it('gives the counts alone when every stage passed', () => {
    expect(
      summarize(stages({ lint: 'passed', vitest: 'passed', publint: 'passed' }), counts(120, 0, 2)),
    ).toEqual({
      lines: ['tests: 120 passed, 0 failed, 2 skipped'],
      passed: true,
    })
  })

  it('names a stage that failed before vitest, and counts it as failed', () => {
    const result = summarize(stages({ lint: 'failed', typecheck: 'skipped', vitest: 'skipped' }), null)
    expect(result).toEqual({
      lines: [
        'checks: lint failed; not run: typecheck, vitest',
        'tests: 0 passed, 1 failed (vitest did not run)',
      ],
      passed: false,
    })
  })

  it('ignores a report left by an earlier run when vitest did not run', () => {
    const result = summarize(stages({ build: 'failed', vitest: 'skipped' }), counts(50, 0))
    expect(result.lines.at(-1)).toBe('tests: 0 passed, 1 failed (vitest did not run)')
  })

  it("gives vitest's own counts when tests failed", () => {
    const result = summarize(stages({ lint: 'passed', vitest: 'failed', publint: 'skipped' }), counts(118, 2))
    expect(result).toEqual({
      lines: ['checks: vitest failed; not run: publint', 'tests: 118 passed, 2 failed'],
      passed: false,
    })
  })

  it('counts a vitest failure with no failed test (a crash, no report) once', () => {
    expect(summarize(stages({ vitest: 'failed' }), null).lines.at(-1)).toBe('tests: 0 passed, 1 failed')
    expect(summarize(stages({ vitest: 'failed' }), counts(10, 0)).lines.at(-1)).toBe(
      'tests: 10 passed, 1 failed',
    )
  })

  it('adds a stage that failed after vitest to the failed count', () => {
    const result = summarize(stages({ vitest: 'passed', publint: 'failed' }), counts(120, 0))
    expect(result.lines).toEqual(['checks: publint failed', 'tests: 120 passed, 1 failed'])
    expect(result.passed).toBe(false)
  })

  it("reads vitest's JSON report, and nothing else", () => {
    expect(
      parseVitestReport(JSON.stringify({ numPassedTests: 3, numFailedTests: 1, numPendingTests: 2 })),
    ).toEqual(counts(3, 1, 2))
    expect(parseVitestReport(JSON.stringify({ numPassedTests: 3, numFailedTests: 0 }))).toEqual(counts(3, 0))
    expect(parseVitestReport(null)).toBeNull()
    expect(parseVitestReport('{"numPassedTests": 3')).toBeNull()
    expect(parseVitestReport(JSON.stringify({ numPassedTests: -1, numFailedTests: 0 }))).toBeNull()
  })
})
