import { describe, expectTypeOf, it } from 'vitest'
import type {
  EvalLaunchRequest,
  EvalLaunchResponse,
  Experiment,
  ExperimentEvent,
  ExperimentEventScores,
  ExperimentList,
  ExperimentSummary,
  FetchExperimentEventsRequest,
  FetchExperimentEventsResponse,
  ListExperimentsQuery,
  ProjectScore,
  ProjectScoreList,
  ProjectScoreType,
  paths,
  ScoreSummary,
  SummarizeExperimentQuery,
} from '../src/index.js'

describe('Braintrust types', () => {
  it('types an experiment and its cursor-paged list', () => {
    expectTypeOf<Experiment['id']>().toEqualTypeOf<string>()
    expectTypeOf<Experiment['base_exp_id']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<ExperimentList>().toEqualTypeOf<{ objects: Experiment[] }>()
    expectTypeOf<ListExperimentsQuery['starting_after']>().toEqualTypeOf<string | undefined>()
  })

  it('types event fetches: scores in a map, a cursor back for the next page', () => {
    expectTypeOf<ExperimentEventScores>().toEqualTypeOf<{ [key: string]: number | null }>()
    expectTypeOf<ExperimentEvent['input']>().toEqualTypeOf<unknown>()
    expectTypeOf<FetchExperimentEventsResponse['events']>().toEqualTypeOf<ExperimentEvent[]>()
    expectTypeOf<FetchExperimentEventsResponse['cursor']>().toEqualTypeOf<string | null | undefined>()
    const nextPage: FetchExperimentEventsRequest = { limit: 100, cursor: 'opaque' }
    expectTypeOf(nextPage).toExtend<
      NonNullable<
        paths['/v1/experiment/{experiment_id}/fetch']['post']['requestBody']
      >['content']['application/json']
    >()
  })

  it('types a summary: per-scorer means with improvements and regressions', () => {
    expectTypeOf<ExperimentSummary['scores']>().toEqualTypeOf<
      { [key: string]: ScoreSummary } | null | undefined
    >()
    expectTypeOf<ScoreSummary['score']>().toEqualTypeOf<number>()
    expectTypeOf<ScoreSummary['diff']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<ScoreSummary['improvements']>().toEqualTypeOf<number>()
    expectTypeOf<SummarizeExperimentQuery['summarize_scores']>().toEqualTypeOf<boolean | null | undefined>()
  })

  it('types the eval launch: four required fields, answered with a summary', () => {
    expectTypeOf<EvalLaunchRequest['project_id']>().toEqualTypeOf<string>()
    expectTypeOf<EvalLaunchResponse>().toEqualTypeOf<ExperimentSummary>()
    // @ts-expect-error data, task and scores are required
    const _incomplete: EvalLaunchRequest = { project_id: 'p' }
  })

  it('types project scores', () => {
    expectTypeOf<ProjectScore['score_type']>().toEqualTypeOf<ProjectScoreType>()
    expectTypeOf<ProjectScoreType>().toEqualTypeOf<
      'slider' | 'categorical' | 'weighted' | 'minimum' | 'maximum' | 'online' | 'free-form'
    >()
    expectTypeOf<ProjectScoreList>().toEqualTypeOf<{ objects: ProjectScore[] }>()
  })
})
