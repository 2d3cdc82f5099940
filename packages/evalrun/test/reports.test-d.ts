import { describe, expectTypeOf, it } from 'vitest'
import type { EvalItem, EvalRun, EvalrunVendor } from '../src/core.js'
import { BUILT_IN_VENDORS } from '../src/index.js'
import {
  type ComparedSide,
  type HtmlReportOptions,
  latestPairs,
  type ReportInput,
  type ReportRun,
  type RunComparison,
  type RunVerdict,
  renderHtmlReport,
  toJUnit,
  toMarkdown,
  vendorColorsOf,
} from '../src/reports.js'
import type { RunStats } from '../src/stats.js'

declare const run: EvalRun
declare const items: AsyncIterable<EvalItem>
declare const comparison: RunComparison

describe('evalrun/reports types', () => {
  it('take runs with their items as a list or lazily, a verdict per run and comparisons', () => {
    expectTypeOf<ReportRun>().toEqualTypeOf<{
      run: EvalRun
      verdict?: RunVerdict | null
      items?: Iterable<EvalItem> | AsyncIterable<EvalItem> | null
      stats?: RunStats | null
    }>()
    expectTypeOf<RunVerdict>().toEqualTypeOf<{ passed: boolean; reason: string }>()
    const input = {
      runs: [{ run, items, verdict: { passed: true, reason: 'ok' } }],
      comparisons: [comparison],
    }
    expectTypeOf(input).toMatchTypeOf<ReportInput>()
    expectTypeOf(toJUnit).parameters.toEqualTypeOf<[ReportInput]>()
    expectTypeOf(toJUnit(input)).resolves.toBeString()
    expectTypeOf(toMarkdown(input, { maxBytes: 65_000, topRegressions: 5 })).resolves.toBeString()
    expectTypeOf(renderHtmlReport(input, { generatedAt: new Date(), maxRunRows: 100 })).resolves.toBeString()
  })

  it('reject what is not a run or a verdict', () => {
    // @ts-expect-error a ref is not a run: reports take runs already read
    void toJUnit({ runs: [{ run: 'datalab:1' }] })
    // @ts-expect-error a verdict says why
    void toMarkdown({ runs: [{ run, verdict: { passed: false } }] })
    // @ts-expect-error the cap is a number of bytes
    void toMarkdown({ runs: [] }, { maxBytes: '1 MiB' })
  })

  it('pair runs of the type given', () => {
    expectTypeOf(latestPairs([run])).toEqualTypeOf<{ base: EvalRun; head: EvalRun }[]>()
    expectTypeOf(comparison.head).toEqualTypeOf<EvalRun>()
  })

  it("colour vendors by id, from the vendors' descriptions", () => {
    expectTypeOf<HtmlReportOptions['vendorColors']>().toEqualTypeOf<
      Readonly<Record<string, string>> | undefined
    >()
    expectTypeOf(vendorColorsOf(BUILT_IN_VENDORS)).toEqualTypeOf<Record<string, string>>()
    expectTypeOf<EvalrunVendor['color']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<ComparedSide['name']>().toEqualTypeOf<string | null>()
    void renderHtmlReport({ runs: [] }, { vendorColors: vendorColorsOf(BUILT_IN_VENDORS) })
    // @ts-expect-error colours by vendor id, not a list
    void renderHtmlReport({ runs: [] }, { vendorColors: ['#0072b2'] })
  })
})
