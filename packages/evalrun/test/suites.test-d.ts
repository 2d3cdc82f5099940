import { describe, expectTypeOf, it } from 'vitest'
import type { AdapterCatalogQuery, EvalrunAdapter } from '../src/core.js'
import {
  createEvalrun,
  type EvalrunSuites,
  type EvalSuite,
  type ListSuitesOptions,
  type OnWarning,
  type RunSuite,
  type StartOption,
  type Vendor,
} from '../src/index.js'

describe('EvalSuite and suites.list', () => {
  it('EvalSuite: a ref runs.list({ suite }) takes, the kind a run names, nullable name, date and url', () => {
    expectTypeOf<EvalSuite['ref']>().toEqualTypeOf<string>()
    expectTypeOf<EvalSuite['id']>().toEqualTypeOf<string>()
    expectTypeOf<EvalSuite['kind']>().toEqualTypeOf<RunSuite['kind']>()
    expectTypeOf<EvalSuite['name']>().toEqualTypeOf<string | null>()
    expectTypeOf<EvalSuite['createdAt']>().toEqualTypeOf<Date | null>()
    expectTypeOf<EvalSuite['url']>().toEqualTypeOf<string | null>()
    expectTypeOf<EvalSuite['raw']>().toEqualTypeOf<unknown>()
    expectTypeOf<EvalSuite['warnings']>().toEqualTypeOf<string[]>()
    expectTypeOf<EvalSuite['vendor']>().toEqualTypeOf<Vendor>()
    expectTypeOf<EvalSuite<'openai'>['vendor']>().toEqualTypeOf<'openai'>()
  })

  it('narrows on vendor', () => {
    const suite = {} as EvalSuite
    if (suite.vendor === 'braintrust') expectTypeOf(suite).toEqualTypeOf<EvalSuite<'braintrust'>>()
  })

  it('suites.list: one vendor or all, a signal, warnings and failures as runs.list takes them', () => {
    const evalrun = createEvalrun()
    expectTypeOf(evalrun.suites).toEqualTypeOf<EvalrunSuites>()
    expectTypeOf(evalrun.suites.list).parameter(0).toEqualTypeOf<ListSuitesOptions | undefined>()
    expectTypeOf(evalrun.suites.list()).toEqualTypeOf<AsyncIterable<EvalSuite>>()
    expectTypeOf<ListSuitesOptions['vendor']>().toEqualTypeOf<Vendor | undefined>()
    expectTypeOf<ListSuitesOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>()
    expectTypeOf<ListSuitesOptions['onWarning']>().toEqualTypeOf<OnWarning | undefined>()
    // @ts-expect-error: not a vendor evalrun knows
    evalrun.suites.list({ vendor: 'acme' })
  })

  it('runs.startOptions: per field, the ids a start takes', () => {
    const evalrun = createEvalrun()
    expectTypeOf(evalrun.runs.startOptions('datalab')).toEqualTypeOf<AsyncIterable<StartOption>>()
    expectTypeOf<StartOption>().toEqualTypeOf<{
      field: string
      kind: string
      id: string
      name: string | null
      use: string | null
      createdAt: Date | null
    }>()
  })

  it('the adapter methods are optional, so adapters written before them still type-check', () => {
    expectTypeOf<EvalrunAdapter['listSuites']>().toEqualTypeOf<
      ((query: AdapterCatalogQuery, signal: AbortSignal) => AsyncIterable<EvalSuite>) | undefined
    >()
    const older: EvalrunAdapter<'openai'> = {
      specificationVersion: 'v1',
      vendor: 'openai',
      displayName: 'OpenAI',
      listRuns: async function* () {},
      getRun: async () => ({}) as never,
      listItems: async function* () {},
    }
    expectTypeOf(older.listStartOptions).toEqualTypeOf<
      ((query: AdapterCatalogQuery, signal: AbortSignal) => AsyncIterable<StartOption>) | undefined
    >()
  })
})
