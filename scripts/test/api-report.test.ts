import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readEntryExports, readmePath, renderApiReport, withApiSection } from '../lib/api-report.js'

describe("evalrun's public API (pnpm api:report)", () => {
  const report = readEntryExports()
  const names = (entry: string) => report.find((e) => e.entry === entry)?.exports.map((e) => e.name) ?? []

  it('is stated in packages/evalrun/README.md as it is in the code', () => {
    const readme = readFileSync(readmePath, 'utf8')
    expect(withApiSection(readme, renderApiReport(report))).toBe(readme)
  })

  it('covers every entry of package.json', () => {
    expect(report.map((e) => e.entry)).toEqual([
      'evalrun',
      'evalrun/core',
      'evalrun/reports',
      'evalrun/stats',
      'evalrun/gate',
      'evalrun/datalab',
      'evalrun/promptlayer',
      'evalrun/humanloop',
      'evalrun/openai',
      'evalrun/braintrust',
      'evalrun/langfuse',
      'evalrun/phoenix',
    ])
  })

  it('keeps the root entry narrow: the factory, the model, the errors, the vendors and the version', () => {
    const root = names('evalrun')
    expect(root).toEqual(expect.arrayContaining(['createEvalrun', 'EvalrunError', 'datalab', 'VERSION']))
    for (const internal of [
      'createDatalabAdapter',
      'SCORE_EPSILON',
      'DEDUPE_WINDOW',
      'BuiltInRawRuns',
      'paginate',
    ])
      expect(root).not.toContain(internal)
    expect(root.length).toBeLessThanOrEqual(71)
  })

  it('gives vendor authors their kit on evalrun/core only, and names no vendor there', () => {
    expect(names('evalrun/core')).toEqual(expect.arrayContaining(['EvalrunAdapter', 'paginate', 'finishRun']))
    expect(
      names('evalrun/core').filter((name) =>
        /datalab|braintrust|langfuse|openai|humanloop|phoenix|promptlayer/i.test(name),
      ),
    ).toEqual([])
  })
})
