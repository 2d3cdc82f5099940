import { describe, expectTypeOf, it } from 'vitest'
import type {
  CreateEvalRunRequest,
  EvalRun,
  EvalRunCriterionResult,
  EvalRunDataSourceType,
  EvalRunList,
  EvalRunOutputItem,
  EvalRunOutputItemList,
  EvalRunOutputItemResult,
  EvalRunOutputItemStatus,
  EvalRunResultCounts,
  EvalRunStatus,
  JsonlFileContentSource,
  JsonlRunDataSource,
  ListEvalRunsQuery,
  ListPage,
  OpenAIErrorResponse,
  operations,
  paths,
} from '../src/index.js'

describe('OpenAI Evals types', () => {
  it('types a run: status an open string, counts instead of a score', () => {
    expectTypeOf<EvalRun['id']>().toEqualTypeOf<string>()
    expectTypeOf<EvalRun['status']>().toEqualTypeOf<string>()
    expectTypeOf<EvalRun['created_at']>().toEqualTypeOf<number>()
    expectTypeOf<EvalRunResultCounts>().toEqualTypeOf<{
      total: number
      errored: number
      failed: number
      passed: number
    }>()
    expectTypeOf<EvalRunCriterionResult>().toEqualTypeOf<{
      testing_criteria: string
      passed: number
      failed: number
    }>()
    expectTypeOf<EvalRun['error']>().toEqualTypeOf<{ code: string; message: string }>()
  })

  it('names the statuses the run list filters on', () => {
    expectTypeOf<EvalRunStatus>().toEqualTypeOf<
      'queued' | 'in_progress' | 'completed' | 'canceled' | 'failed'
    >()
    expectTypeOf<ListEvalRunsQuery['status']>().toEqualTypeOf<EvalRunStatus | undefined>()
    expectTypeOf<EvalRunOutputItemStatus>().toEqualTypeOf<'fail' | 'pass'>()
  })

  it('types an output item and its per-grader results', () => {
    expectTypeOf<EvalRunOutputItem['datasource_item_id']>().toEqualTypeOf<number>()
    expectTypeOf<EvalRunOutputItem['results']>().toEqualTypeOf<EvalRunOutputItemResult[]>()
    expectTypeOf<EvalRunOutputItemResult['score']>().toEqualTypeOf<number>()
    expectTypeOf<EvalRunOutputItemResult['passed']>().toEqualTypeOf<boolean>()
    expectTypeOf<EvalRunOutputItemResult['type']>().toEqualTypeOf<string | undefined>()
  })

  it('types the create-run body by data-source type', () => {
    expectTypeOf<EvalRunDataSourceType>().toEqualTypeOf<'jsonl' | 'completions' | 'responses'>()
    const inline: JsonlFileContentSource = { type: 'file_content', content: [{ item: { question: '2+2?' } }] }
    const body: CreateEvalRunRequest = { name: 'nightly', data_source: { type: 'jsonl', source: inline } }
    expectTypeOf(body.data_source).toExtend<CreateEvalRunRequest['data_source']>()
    expectTypeOf<JsonlRunDataSource>().toExtend<CreateEvalRunRequest['data_source']>()
    // @ts-expect-error data_source is required
    const _missing: CreateEvalRunRequest = { name: 'nightly' }
  })

  it('shares one cursor page shape across the lists', () => {
    expectTypeOf<EvalRunList>().toExtend<ListPage<EvalRun>>()
    expectTypeOf<EvalRunOutputItemList>().toExtend<ListPage<EvalRunOutputItem>>()
    expectTypeOf<EvalRunList['last_id']>().toEqualTypeOf<string>()
    expectTypeOf<EvalRunList['has_more']>().toEqualTypeOf<boolean>()
  })

  it('keeps paths and operations for the client to come', () => {
    expectTypeOf<paths['/evals/{eval_id}/runs/{run_id}']['post']>().toEqualTypeOf<
      operations['cancelEvalRun']
    >()
    expectTypeOf<
      operations['getEvalRun']['responses'][200]['content']['application/json']
    >().toEqualTypeOf<EvalRun>()
    expectTypeOf<OpenAIErrorResponse['error']['message']>().toEqualTypeOf<string>()
  })
})
