import { describe, expectTypeOf, it } from 'vitest'
import type {
  Dataset,
  DatasetAnswer,
  DatasetsPage,
  Experiment,
  ExperimentAnswer,
  ExperimentRun,
  ExperimentRunsPage,
  ExperimentsPage,
  IncompleteEvaluationsQuery,
  IncompleteExperimentEvaluation,
  IncompleteExperimentRun,
  ListExperimentRunsQuery,
  PhoenixClient,
  PhoenixClientOptions,
} from '../src/index.js'
import { createPhoenixClient } from '../src/index.js'

describe('Phoenix types', () => {
  it('types datasets and experiments with their run counts, and cursor pages', () => {
    expectTypeOf<Dataset['example_count']>().toEqualTypeOf<number>()
    expectTypeOf<DatasetsPage['next_cursor']>().toEqualTypeOf<string | null>()
    expectTypeOf<ExperimentsPage['data']>().toEqualTypeOf<Experiment[]>()
    expectTypeOf<Experiment['repetitions']>().toEqualTypeOf<number>()
    expectTypeOf<Experiment['successful_run_count']>().toEqualTypeOf<number>()
    expectTypeOf<Experiment['failed_run_count']>().toEqualTypeOf<number>()
    expectTypeOf<Experiment['missing_run_count']>().toEqualTypeOf<number>()
    expectTypeOf<ExperimentAnswer['data']>().toEqualTypeOf<Experiment>()
    expectTypeOf<DatasetAnswer['data']['name']>().toEqualTypeOf<string>()
  })

  it('types a run: its example, repetition and error', () => {
    expectTypeOf<ExperimentRun['dataset_example_id']>().toEqualTypeOf<string>()
    expectTypeOf<ExperimentRun['repetition_number']>().toEqualTypeOf<number>()
    expectTypeOf<ExperimentRun['error']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<ExperimentRunsPage['data']>().toEqualTypeOf<ExperimentRun[]>()
    expectTypeOf<ListExperimentRunsQuery['limit']>().toEqualTypeOf<number | null | undefined>()
  })

  it('types what is incomplete', () => {
    expectTypeOf<IncompleteExperimentRun['repetition_numbers']>().toEqualTypeOf<number[]>()
    expectTypeOf<IncompleteExperimentEvaluation['evaluation_names']>().toEqualTypeOf<string[]>()
    expectTypeOf<IncompleteEvaluationsQuery['evaluation_name']>().toEqualTypeOf<string[] | undefined>()
  })

  it('types the client: one optional API key, no basic-auth keys', () => {
    expectTypeOf<PhoenixClientOptions['apiKey']>().toEqualTypeOf<string | undefined>()
    // @ts-expect-error Phoenix takes one bearer API key
    const _basic: PhoenixClientOptions = { publicKey: 'p' }
    expectTypeOf(createPhoenixClient).returns.toEqualTypeOf<PhoenixClient>()
  })
})
