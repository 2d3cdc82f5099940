import type { components, operations } from './generated/openapi.js'

type Schemas = components['schemas']
type QueryOf<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>

/**
 * An experiment (Langfuse's run): `startTime`, `endTime`, `itemCount`; no status. `metadata` and `scores` come
 * only with `fields=metadata` / `fields=scores`.
 */
export type Experiment = Schemas['Experiment']
/** One item of an experiment, with its trace; `input`, `output`, `expectedOutput` come with `fields=io`. */
export type ExperimentItem = Schemas['ExperimentItem']
/** `{ data, meta: { cursor? } }`; pass `meta.cursor` back as `cursor` for the next page, none means the last. */
export type ExperimentsPage = Schemas['ExperimentsResponse']
export type ExperimentItemsPage = Schemas['ExperimentItemsResponse']
export type CursorPageMeta = Schemas['ExperimentsResponseMeta']
/** `fromStartTime` is required. */
export type ListExperimentsQuery = QueryOf<'experiments_list'>
/** `fromStartTime` is required here too. */
export type ListExperimentItemsQuery = QueryOf<'experiments_listItems'>
export type ObservationLevel = Schemas['ObservationLevel']

/** A score, told apart by `dataType`: NUMERIC (number), BOOLEAN (boolean), CATEGORICAL, TEXT, CORRECTION (string). */
export type Score = Schemas['ScoreV3']
export type ScoreDataType = Score['dataType']
export type NumericScore = Extract<Score, { dataType: 'NUMERIC' }>
export type BooleanScore = Extract<Score, { dataType: 'BOOLEAN' }>
export type CategoricalScore = Extract<Score, { dataType: 'CATEGORICAL' }>
export type TextScore = Extract<Score, { dataType: 'TEXT' }>
export type CorrectionScore = Extract<Score, { dataType: 'CORRECTION' }>
export type ScoreSource = Schemas['ScoreSource']
/** What a score is attached to: a trace, an observation, a session or an experiment (`kind`). */
export type ScoreSubject = Schemas['ScoreSubjectV3']

/** A score's declared scale: `minValue` / `maxValue` (null means unbounded), or `categories`. */
export type ScoreConfig = Schemas['ScoreConfig']
export type ScoreConfigDataType = Schemas['ScoreConfigDataType']
export type ScoreConfigCategory = Schemas['ConfigCategory']
/** `GET /api/public/score-configs`: paged by number, `{ data, meta: { page, limit, totalItems, totalPages } }`. */
export type ScoreConfigsPage = Schemas['ScoreConfigs']
export type PageMeta = Schemas['utilsMetaResponse']
export type ListScoreConfigsQuery = QueryOf<'scoreConfigs_get'>

/** A dataset: Langfuse's suite (its experiments are the runs). */
export type Dataset = Schemas['Dataset']
/** `GET /api/public/v2/datasets`: paged by number, `{ data, meta: { page, limit, totalItems, totalPages } }`. */
export type DatasetsPage = Schemas['PaginatedDatasets']
export type ListDatasetsQuery = QueryOf<'datasets_list'>
