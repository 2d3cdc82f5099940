import type { EvalRun, Evalrun } from 'evalrun'
import {
  type CheckSuitesOptions,
  checkSuites,
  type GateCriteria,
  type GateVerdict,
  judgeRun,
  type RunGate,
  type SuiteGate,
  type SuiteVerdict,
} from 'evalrun/gate'
import type { DropVerdict } from 'evalrun/stats'
import * as stats from 'evalrun/stats'
import { describe, expectTypeOf, it } from 'vitest'

describe('evalrun/gate types', () => {
  it('gives a verdict of four kinds, with the run and the error that kept it unread', () => {
    expectTypeOf<GateVerdict>().toEqualTypeOf<'passed' | 'failed' | 'not-judgeable' | 'unread'>()
    expectTypeOf<RunGate['run']>().toEqualTypeOf<EvalRun | null>()
    expectTypeOf<RunGate['error']>().toEqualTypeOf<unknown>()
    expectTypeOf(judgeRun).returns.resolves.toEqualTypeOf<RunGate>()
  })

  it('judges suites from their gates, taking evalrun/stats for drops', () => {
    expectTypeOf<SuiteGate['criteria']>().toEqualTypeOf<GateCriteria>()
    expectTypeOf<SuiteVerdict>().toExtend<RunGate>()
    expectTypeOf<SuiteVerdict['drop']>().toEqualTypeOf<DropVerdict | null>()
    expectTypeOf(checkSuites).parameters.toEqualTypeOf<[Evalrun, readonly SuiteGate[], CheckSuitesOptions?]>()
    expectTypeOf({ stats }).toExtend<CheckSuitesOptions>()
    expectTypeOf(checkSuites).returns.resolves.toEqualTypeOf<SuiteVerdict[]>()
  })
})
