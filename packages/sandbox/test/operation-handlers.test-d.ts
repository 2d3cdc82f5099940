import type { operations } from '@evalrun/datalab'
import { describe, expectTypeOf, it } from 'vitest'
import type { OperationHandlers, OperationRequest } from '../src/http/operation-handlers.js'

type ListRubrics = OperationRequest<operations['list_eval_rubrics_api_v1_eval_rubrics_get']>
type GetRun = OperationRequest<operations['get_batch_run_api_v1_eval_batch_runs__run_id__get']>
type Table = OperationHandlers<operations, null>

describe('handlers typed per operation', () => {
  it('see only the parameters and body their operation declares', () => {
    const readRubrics = ({ query, params }: ListRubrics) => {
      // @ts-expect-error: listing rubrics declares no collection_id
      void query.collection_id
      // @ts-expect-error: nor any path parameter
      void params.rubric_id
      return query.include_archived
    }
    expectTypeOf(readRubrics).returns.toEqualTypeOf<boolean | undefined>()
    expectTypeOf<GetRun['params']>().toEqualTypeOf<{ run_id: string }>()
    expectTypeOf<GetRun['body']>().toEqualTypeOf<undefined>()
  })

  it('take a table keyed by exactly the spec operation ids', () => {
    expectTypeOf<keyof Table>().toEqualTypeOf<keyof operations>()
    const answer = () => ({ status: 200 })
    // @ts-expect-error: a mistyped operation id
    const typo: Partial<Table> = { list_eval_rubric_api_v1_eval_rubrics_get: answer }
    void typo
  })
})
