import type { EvalBatchRun } from '@evalrun/datalab'
import type { Log } from '@evalrun/humanloop'
import type { ColumnScore, ReportScoreDetails } from '@evalrun/promptlayer'
import { describe, expectTypeOf, it } from 'vitest'
import { type KnownKeys, readField, readNumber, readString } from '../src/core/read-json.js'

describe('readers keyed by schema types', () => {
  it('accept only the fields a schema declares', () => {
    readNumber<EvalBatchRun>(null, 'avg_score')
    // @ts-expect-error: not a field of EvalBatchRunResponse
    readNumber<EvalBatchRun>(null, 'average_score')
  })

  it('check declared keys of open schemas, whose index signature would accept any string', () => {
    expectTypeOf<keyof Log>().toEqualTypeOf<string | number>()
    readString<Log>(null, 'log_status')
    // @ts-expect-error: LogResponse is open, but `status` is not one of its declared fields
    readString<Log>(null, 'status')
  })

  it('accept the fields of any member of a union schema', () => {
    expectTypeOf<KnownKeys<ReportScoreDetails>>().toEqualTypeOf<
      | 'column_name'
      | 'num_skipped'
      | 'score'
      | 'score_type'
      | 'columns'
      | 'configuration'
      | 'matrix'
      | 'message'
    >()
    readField<ReportScoreDetails>(null, 'columns')
    readNumber<ColumnScore>(null, 'score')
  })

  it('accept any key when no schema is named, and still return untrusted values', () => {
    expectTypeOf(readField(null, 'anything')).toEqualTypeOf<unknown>()
    expectTypeOf(readNumber<EvalBatchRun>(null, 'avg_score')).toEqualTypeOf<number | null>()
  })
})
