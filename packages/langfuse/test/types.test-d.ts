import { describe, expectTypeOf, it } from 'vitest'
import type {
  BooleanScore,
  CursorPageMeta,
  Experiment,
  ExperimentItem,
  ExperimentItemsPage,
  ExperimentsPage,
  LangfuseClient,
  LangfuseClientOptions,
  LangfuseDeprecation,
  ListExperimentItemsQuery,
  ListExperimentsQuery,
  NumericScore,
  PageMeta,
  paths,
  Score,
  ScoreConfig,
  ScoreConfigDataType,
  ScoreConfigsPage,
  ScoreDataType,
} from '../src/index.js'
import { createLangfuseClient, langfuseDeprecationOf, type requestWithHeaders } from '../src/index.js'

describe('Langfuse types', () => {
  it('types experiments and their cursor pages', () => {
    expectTypeOf<Experiment['itemCount']>().toEqualTypeOf<number>()
    expectTypeOf<Experiment['scores']>().toEqualTypeOf<Score[] | null | undefined>()
    expectTypeOf<ExperimentsPage['data']>().toEqualTypeOf<Experiment[]>()
    expectTypeOf<ExperimentItemsPage['data']>().toEqualTypeOf<ExperimentItem[]>()
    expectTypeOf<CursorPageMeta['cursor']>().toEqualTypeOf<string | null | undefined>()
  })

  it('requires fromStartTime on both experiment lists', () => {
    expectTypeOf<ListExperimentsQuery['fromStartTime']>().toEqualTypeOf<string>()
    expectTypeOf<ListExperimentItemsQuery['fromStartTime']>().toEqualTypeOf<string>()
    // @ts-expect-error fromStartTime is required
    const _noStart: ListExperimentsQuery = { limit: 50 }
  })

  it('types an item: the experiment it belongs to, its trace and its io', () => {
    expectTypeOf<ExperimentItem['experimentId']>().toEqualTypeOf<string>()
    expectTypeOf<ExperimentItem['experimentItemId']>().toEqualTypeOf<string>()
    expectTypeOf<ExperimentItem['traceId']>().toEqualTypeOf<string>()
    expectTypeOf<ExperimentItem['output']>().toEqualTypeOf<unknown>()
  })

  it('tells scores apart by dataType', () => {
    expectTypeOf<ScoreDataType>().toEqualTypeOf<
      'NUMERIC' | 'BOOLEAN' | 'CATEGORICAL' | 'TEXT' | 'CORRECTION'
    >()
    expectTypeOf<NumericScore['value']>().toEqualTypeOf<number>()
    expectTypeOf<BooleanScore['value']>().toEqualTypeOf<boolean>()
    expectTypeOf<NumericScore['name']>().toEqualTypeOf<string>()
  })

  it('types score configs: bounds that may be null, page-numbered lists', () => {
    expectTypeOf<ScoreConfig['minValue']>().toEqualTypeOf<number | null | undefined>()
    expectTypeOf<ScoreConfig['maxValue']>().toEqualTypeOf<number | null | undefined>()
    expectTypeOf<ScoreConfigDataType>().toEqualTypeOf<'NUMERIC' | 'BOOLEAN' | 'CATEGORICAL' | 'TEXT'>()
    expectTypeOf<ScoreConfigsPage['meta']>().toEqualTypeOf<PageMeta>()
    expectTypeOf<PageMeta['totalPages']>().toEqualTypeOf<number>()
  })

  it('types the client: basic-auth keys, no API key; answers with their headers; deprecation notices', () => {
    expectTypeOf<LangfuseClientOptions['publicKey']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<LangfuseClientOptions['secretKey']>().toEqualTypeOf<string | undefined>()
    // @ts-expect-error Langfuse takes a public and a secret key, not one API key
    const _apiKey: LangfuseClientOptions = { apiKey: 'k' }
    expectTypeOf(createLangfuseClient).returns.toEqualTypeOf<LangfuseClient>()
    type ScoreConfigsAnswer = Awaited<
      ReturnType<typeof requestWithHeaders<paths, 'GET', '/api/public/score-configs'>>
    >
    expectTypeOf<ScoreConfigsAnswer['headers']>().toEqualTypeOf<Headers>()
    expectTypeOf<ScoreConfigsAnswer['data']>().toEqualTypeOf<ScoreConfigsPage>()
    expectTypeOf(langfuseDeprecationOf).returns.toEqualTypeOf<LangfuseDeprecation | null>()
    expectTypeOf<LangfuseDeprecation['message']>().toEqualTypeOf<string>()
  })
})
