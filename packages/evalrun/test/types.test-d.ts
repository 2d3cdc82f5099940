import type { ExperimentSummary } from '@evalrun/braintrust'
import type { EvalBatchRun } from '@evalrun/datalab'
import type { Experiment, ExperimentItem } from '@evalrun/langfuse'
import type { Eval } from '@evalrun/openai'
import type { Experiment as PhoenixExperiment } from '@evalrun/phoenix'
import type { SandboxClientOptions } from '@evalrun/sandbox'
import { describe, expectTypeOf, it } from 'vitest'
import type * as CoreExports from '../src/core.js'
import {
  type ComparedItem,
  type ComparedSide,
  type CompareOptions,
  createEvalrun,
  type EvalItem,
  type EvalJudgement,
  type EvalMetric,
  type EvalRun,
  type EvalrunOptions,
  type ItemChange,
  type ItemStatus,
  type MetricChange,
  type MetricDelta,
  type RunComparison,
  type ScoreScale,
  type StartInputOf,
  type StartRunInput,
  type Vendor,
  type VendorOptionsByVendor,
} from '../src/index.js'
import type { HumanloopRawRun } from '../src/vendors/humanloop/types.js'
import type { LangfuseOptions } from '../src/vendors/langfuse/index.js'
import type { PhoenixExportRecord, PhoenixOptions } from '../src/vendors/phoenix/index.js'
import type { PromptLayerRawRun } from '../src/vendors/promptlayer/types.js'

const evalrun = createEvalrun()

describe('EvalRun', () => {
  it('narrows raw on vendor', () => {
    const run = {} as EvalRun
    if (run.vendor === 'datalab') expectTypeOf(run.raw).toEqualTypeOf<EvalBatchRun>()
    if (run.vendor === 'promptlayer') expectTypeOf(run.raw).toEqualTypeOf<PromptLayerRawRun>()
    if (run.vendor === 'humanloop') expectTypeOf(run.raw).toEqualTypeOf<HumanloopRawRun>()
    expectTypeOf<EvalRun<'datalab'>['raw']>().toEqualTypeOf<EvalBatchRun>()
  })

  it('narrows the PromptLayer payload on where it came from', () => {
    const run = {} as EvalRun<'promptlayer'>
    if (run.raw.from === 'report')
      expectTypeOf(run.raw.report.status).toEqualTypeOf<'RUNNING' | 'COMPLETED' | undefined>()
  })

  it('has the built-in vendors', () => {
    expectTypeOf<Vendor>().toEqualTypeOf<
      'datalab' | 'promptlayer' | 'humanloop' | 'openai' | 'braintrust' | 'langfuse' | 'phoenix'
    >()
  })

  it('narrows the Braintrust payload: the experiment and its summary', () => {
    const run = {} as EvalRun
    if (run.vendor === 'braintrust') {
      expectTypeOf(run.raw.experiment.id).toEqualTypeOf<string>()
      expectTypeOf(run.raw.summary).toEqualTypeOf<ExperimentSummary | null>()
    }
  })

  it('carries scales, normalised scores and pass rates, every one nullable', () => {
    expectTypeOf<EvalRun['scoreScale']>().toEqualTypeOf<ScoreScale | null>()
    expectTypeOf<EvalRun['normalizedScore']>().toEqualTypeOf<number | null>()
    expectTypeOf<EvalRun['passRate']>().toEqualTypeOf<number | null>()
    expectTypeOf<EvalMetric['scale']>().toEqualTypeOf<ScoreScale | null>()
    expectTypeOf<EvalMetric['normalizedValue']>().toEqualTypeOf<number | null>()
    expectTypeOf<ScoreScale['source']>().toEqualTypeOf<'declared' | 'config' | 'computed'>()
  })

  it('gives every item a key and its judgements on their own scales', () => {
    expectTypeOf<EvalItem['key']>().toEqualTypeOf<string>()
    expectTypeOf<EvalItem['judgements']>().toEqualTypeOf<EvalJudgement[]>()
    expectTypeOf<EvalJudgement['value']>().toEqualTypeOf<number | boolean | string | null>()
    expectTypeOf<EvalJudgement['passed']>().toEqualTypeOf<boolean | null>()
    expectTypeOf<EvalItem['normalizedScore']>().toEqualTypeOf<number | null>()
  })

  it('narrows EvalItem raw too', () => {
    const item = {} as EvalItem
    if (item.vendor === 'humanloop') expectTypeOf(item.raw.run_id).toEqualTypeOf<string>()
  })
})

describe('runs', () => {
  it('list returns an AsyncIterable of EvalRun', () => {
    expectTypeOf(evalrun.runs.list()).toEqualTypeOf<AsyncIterable<EvalRun>>()
    expectTypeOf(evalrun.runs.results('datalab:1')).toEqualTypeOf<AsyncIterable<EvalItem>>()
  })

  it('start returns the run of the vendor it was given', () => {
    expectTypeOf(evalrun.runs.start({ vendor: 'datalab', collectionId: 1, rubricId: 2 })).toEqualTypeOf<
      Promise<EvalRun<'datalab'>>
    >()
    expectTypeOf(
      evalrun.runs.start({ vendor: 'humanloop', evaluationId: 'e', orchestrated: false }),
    ).toEqualTypeOf<Promise<EvalRun<'humanloop'>>>()
  })

  it('start input is a union discriminated on vendor', () => {
    expectTypeOf<Extract<StartRunInput, { vendor: 'promptlayer'; pipelineId: unknown }>>()
      .toHaveProperty('pipelineId')
      .toEqualTypeOf<number>()
    // PromptLayer's second start shape, a Tables recalculation, is told apart by `tableId`.
    expectTypeOf<Extract<StartRunInput, { vendor: 'promptlayer'; tableId: unknown }>>()
      .toHaveProperty('rowIds')
      .toEqualTypeOf<number[] | undefined>()
    // @ts-expect-error a Tables start needs its sheet
    evalrun.runs.start({ vendor: 'promptlayer', tableId: 't' })
    // @ts-expect-error a Datalab input has no pipeline name
    evalrun.runs.start({ vendor: 'datalab', collectionId: 1, name: 'x' })
    // @ts-expect-error PromptLayer needs a name
    evalrun.runs.start({ vendor: 'promptlayer', pipelineId: 1 })
    // @ts-expect-error Humanloop runs belong to an evaluation, not a collection
    evalrun.runs.start({ vendor: 'humanloop', collectionId: 1 })
    // @ts-expect-error unknown vendor
    evalrun.runs.start({ vendor: 'openai', collectionId: 1 })
    // @ts-expect-error pipelineType is a closed set
    evalrun.runs.start({ vendor: 'datalab', collectionId: 1, pipelineType: 'ocr' })
  })

  it('list options are typed', () => {
    // @ts-expect-error not a status
    evalrun.runs.list({ status: 'done' })
    // @ts-expect-error not a vendor
    evalrun.runs.list({ vendors: ['acme'] })
  })

  it('types an OpenAI run and its start input from the spec', () => {
    const run = {} as EvalRun<'openai'>
    expectTypeOf(run.raw.run.result_counts.passed).toEqualTypeOf<number>()
    expectTypeOf(run.raw.evaluation).toEqualTypeOf<Eval | null>()
    evalrun.runs.start({
      vendor: 'openai',
      evalId: 'eval_1',
      dataSource: { type: 'jsonl', source: { type: 'file_id', id: 'file-1' } },
    })
    evalrun.runs.start({
      vendor: 'openai',
      evalId: 'eval_1',
      // @ts-expect-error not a data source type
      dataSource: { type: 'csv', source: { type: 'file_id', id: 'f' } },
    })
  })

  it('types a Phoenix run from the spec and an item from its export, and offers no start input for it', () => {
    const run = {} as EvalRun<'phoenix'>
    expectTypeOf(run.raw).toEqualTypeOf<PhoenixExperiment>()
    expectTypeOf(run.raw.repetitions).toEqualTypeOf<number>()
    const item = {} as EvalItem<'phoenix'>
    expectTypeOf(item.raw).toEqualTypeOf<PhoenixExportRecord>()
    expectTypeOf(item.raw.annotations[0]?.score).toEqualTypeOf<number | null | undefined>()
    expectTypeOf<Extract<StartRunInput, { vendor: 'phoenix' }>>().toBeNever()
    // @ts-expect-error Phoenix experiments run in the user's code: there is nothing to start
    evalrun.runs.start({ vendor: 'phoenix', datasetId: 'ds_1' })
    expectTypeOf<PhoenixOptions['apiKey']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<PhoenixOptions['scoreScales']>().toEqualTypeOf<
      Record<string, { min: number; max: number }> | undefined
    >()
    createEvalrun({
      phoenix: { baseUrl: 'http://127.0.0.1:6006', scoreScales: { correctness: { min: 0, max: 1 } } },
    })
    // @ts-expect-error Phoenix takes one API key, not basic-auth keys
    createEvalrun({ phoenix: { publicKey: 'k' } })
  })

  it('types a Langfuse run from the spec, and offers no start input for it', () => {
    const run = {} as EvalRun<'langfuse'>
    expectTypeOf(run.raw).toEqualTypeOf<Experiment>()
    expectTypeOf(run.suite.kind).toEqualTypeOf<
      'collection' | 'pipeline' | 'evaluation' | 'eval' | 'project' | 'dataset' | 'sheet'
    >()
    const item = {} as EvalItem<'langfuse'>
    expectTypeOf(item.raw).toEqualTypeOf<ExperimentItem>()
    expectTypeOf<Extract<StartRunInput, { vendor: 'langfuse' }>>().toBeNever()
    // @ts-expect-error Langfuse experiments run in the user's code: there is nothing to start
    evalrun.runs.start({ vendor: 'langfuse', datasetId: 'ds_1' })
    expectTypeOf<LangfuseOptions['publicKey']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<LangfuseOptions['listWindowDays']>().toEqualTypeOf<number | undefined>()
    createEvalrun({ langfuse: { publicKey: 'pk', secretKey: 'sk', quietPeriodMs: 60_000 } })
    // @ts-expect-error Langfuse takes a public and a secret key, not one API key
    createEvalrun({ langfuse: { apiKey: 'k' } })
  })

  it('types a Braintrust start input from the spec, and its options', () => {
    expectTypeOf(
      evalrun.runs.start({
        vendor: 'braintrust',
        projectId: 'p1',
        data: { dataset_id: 'd1' },
        task: { function_id: 'f1' },
        scores: [{ global_function: 'Factuality' }],
        baseExperimentId: 'e0',
      }),
    ).toEqualTypeOf<Promise<EvalRun<'braintrust'>>>()
    evalrun.runs.start({
      vendor: 'braintrust',
      projectId: 'p1',
      data: { dataset_id: 'd1' },
      task: { function_id: 'f1' },
      // @ts-expect-error scores is a list of functions
      scores: { global_function: 'Factuality' },
    })
    // @ts-expect-error a project, data, a task and scores are required
    evalrun.runs.start({ vendor: 'braintrust', projectId: 'p1' })
    expectTypeOf<Exclude<EvalrunOptions['braintrust'], false | undefined>>()
      .toHaveProperty('quietPeriodMs')
      .toEqualTypeOf<number | undefined>()
  })

  it('compare takes refs or runs and resolves with a RunComparison', () => {
    const run = {} as EvalRun
    expectTypeOf(evalrun.runs.compare('datalab:1', run)).toEqualTypeOf<Promise<RunComparison>>()
    evalrun.runs.compare('datalab:1', 'openai:e/r', { key: (item) => item.name })
    evalrun.runs.compare('datalab:1', 'datalab:2', {
      key: (item) => (item.vendor === 'datalab' ? item.name : null),
    })
    // @ts-expect-error the key is a function of the item, not a choice's name
    evalrun.runs.compare('datalab:1', 'datalab:2', { key: 'input' })
  })

  it('types the comparison: counts, per-metric changes, changed items with their sides', () => {
    expectTypeOf<RunComparison['joinedBy']>().toEqualTypeOf<'key' | 'custom'>()
    expectTypeOf<RunComparison['summary']['regressed']>().toEqualTypeOf<number>()
    expectTypeOf<RunComparison['summary']['metrics']>().toEqualTypeOf<MetricChange[]>()
    expectTypeOf<ComparedItem['change']>().toEqualTypeOf<ItemChange>()
    expectTypeOf<ItemChange>().toEqualTypeOf<'improved' | 'regressed' | 'unchanged' | 'added' | 'removed'>()
    expectTypeOf<ComparedItem['base']>().toEqualTypeOf<ComparedSide | null>()
    expectTypeOf<ComparedSide>().toEqualTypeOf<{
      id: string
      name: string | null
      status: ItemStatus
      score: number | null
      normalizedScore: number | null
    }>()
    expectTypeOf<ComparedItem['metrics']>().toEqualTypeOf<MetricDelta[]>()
    expectTypeOf<MetricDelta['delta']>().toEqualTypeOf<number | null>()
    expectTypeOf<CompareOptions['key']>().toEqualTypeOf<((item: EvalItem) => string | null) | undefined>()
    expectTypeOf<CoreExports.RunComparison>().toEqualTypeOf<RunComparison>()
  })

  it("accepts the sandbox's client options as they are", () => {
    expectTypeOf<SandboxClientOptions>().toExtend<EvalrunOptions>()
  })
})

describe('vendors registered with the core by declaration merging', () => {
  it('the seven built-in vendors, each with its options, and a start input where it can start runs', () => {
    expectTypeOf<Vendor>().toEqualTypeOf<
      'datalab' | 'promptlayer' | 'humanloop' | 'openai' | 'braintrust' | 'langfuse' | 'phoenix'
    >()
    expectTypeOf<keyof VendorOptionsByVendor>().toEqualTypeOf<Vendor>()
    expectTypeOf<EvalrunOptions['langfuse']>().toEqualTypeOf<LangfuseOptions | false | undefined>()
    expectTypeOf<StartInputOf<'langfuse'>>().toBeNever()
    expectTypeOf<EvalrunOptions['phoenix']>().toEqualTypeOf<PhoenixOptions | false | undefined>()
    expectTypeOf<StartInputOf<'phoenix'>>().toBeNever()
    expectTypeOf<StartInputOf<'datalab'>['collectionId']>().toEqualTypeOf<number>()
  })
})
