import type {
  DatasetExamplesAnswer,
  DatasetsPage,
  ExperimentRunsPage,
  ExperimentsPage,
  IncompleteEvaluationsPage,
  IncompleteExperimentRunsPage,
} from '@evalrun/phoenix'
import type { VendorResponse } from '../../http/vendor-app.js'
import type { PhoenixExperiment, PhoenixModel } from './model.js'
import { cursorPage, isResponse, ok, type PhoenixRequest, text } from './operation.js'
import { datasetView, exampleView, experimentView, exportRecord, runView } from './views.js'

// Datasets and experiments newest first (larger row id first), as Phoenix lists them; runs in the order they ran.

export function listDatasets(model: PhoenixModel, { query }: PhoenixRequest<'listDatasets'>): VendorResponse {
  const rows = [...model.datasets.values()]
    .filter((dataset) => query.name === undefined || query.name === null || dataset.name === query.name)
    .sort((a, b) => b.rowId - a.rowId)
  const paged = cursorPage(rows, (dataset) => dataset.id, query.cursor, query.limit ?? 10)
  if (isResponse(paged)) return paged
  return ok({ data: paged.page.map(datasetView), next_cursor: paged.next } satisfies DatasetsPage)
}

export function getDataset(model: PhoenixModel, { params }: PhoenixRequest<'getDataset'>): VendorResponse {
  const dataset = model.datasets.get(params.id)
  return dataset === undefined
    ? text(404, `Dataset with ID ${params.id} not found`)
    : ok({ data: datasetView(dataset) })
}

export function getDatasetExamples(
  model: PhoenixModel,
  { params }: PhoenixRequest<'getDatasetExamples'>,
): VendorResponse {
  const dataset = model.datasets.get(params.id)
  if (dataset === undefined) return text(404, `No dataset with id ${params.id} can be found.`)
  return ok({
    data: {
      dataset_id: dataset.id,
      version_id: dataset.versionId,
      filtered_splits: [],
      examples: dataset.exampleIds.map((_, index) => exampleView(dataset, index)),
    },
  } satisfies DatasetExamplesAnswer)
}

export function listExperiments(
  model: PhoenixModel,
  { params, query, nowMs }: PhoenixRequest<'listExperiments'>,
): VendorResponse {
  if (!model.datasets.has(params.dataset_id)) return text(422, `Invalid dataset ID: ${params.dataset_id}`)
  const rows = [...model.experiments.values()]
    .filter((experiment) => experiment.datasetId === params.dataset_id && experiment.createdMs <= nowMs)
    .sort((a, b) => b.rowId - a.rowId)
  const paged = cursorPage(rows, (experiment) => experiment.id, query.cursor, query.limit ?? 50)
  if (isResponse(paged)) return paged
  return ok({
    data: paged.page.map((experiment) => experimentView(model, experiment, nowMs)),
    next_cursor: paged.next,
  } satisfies ExperimentsPage)
}

/** The experiment at `id`, or Phoenix's 404 (an experiment exists from its creation on the sandbox clock). */
function experimentAt(model: PhoenixModel, id: string, nowMs: number): PhoenixExperiment | VendorResponse {
  const experiment = model.experiments.get(id)
  if (experiment === undefined || experiment.createdMs > nowMs)
    return text(404, `Experiment with ID ${id} does not exist`)
  return experiment
}

export function getExperiment(
  model: PhoenixModel,
  { params, nowMs }: PhoenixRequest<'getExperiment'>,
): VendorResponse {
  const experiment = experimentAt(model, params.experiment_id, nowMs)
  return isResponse(experiment) ? experiment : ok({ data: experimentView(model, experiment, nowMs) })
}

export function listExperimentRuns(
  model: PhoenixModel,
  { params, query, nowMs }: PhoenixRequest<'listExperimentRuns'>,
): VendorResponse {
  const experiment = experimentAt(model, params.experiment_id, nowMs)
  if (isResponse(experiment)) return experiment
  const runs = model.recordedRuns(experiment, nowMs).map((slot) => runView(model, experiment, slot))
  const paged = cursorPage(runs, (run) => run.id, query.cursor, query.limit)
  if (isResponse(paged)) return paged
  return ok({ data: paged.page, next_cursor: paged.next } satisfies ExperimentRunsPage)
}

// Declared text/plain in Phoenix's spec, so served as text here (Phoenix itself labels it application/json).
export function getExperimentJSON(
  model: PhoenixModel,
  { params, nowMs }: PhoenixRequest<'getExperimentJSON'>,
): VendorResponse {
  const experiment = experimentAt(model, params.experiment_id, nowMs)
  if (isResponse(experiment)) return experiment
  const runs = model.recordedRuns(experiment, nowMs)
  if (runs.length === 0) return text(404, 'Experiment has no runs')
  // By example, then repetition, as Phoenix orders them (the runs were recorded in that order).
  const records = runs.map((slot) => exportRecord(model, experiment, slot, nowMs))
  return text(200, JSON.stringify(records, null, 2))
}

export function getIncompleteExperimentRuns(
  model: PhoenixModel,
  { params, query, nowMs }: PhoenixRequest<'getIncompleteExperimentRuns'>,
): VendorResponse {
  const experiment = experimentAt(model, params.experiment_id, nowMs)
  if (isResponse(experiment)) return experiment
  const dataset = model.dataset(experiment)
  const recorded = new Map(model.recordedRuns(experiment, nowMs).map((slot) => [slot.index, slot]))
  const incomplete = dataset.exampleIds.flatMap((_, example) => {
    const repetitions: number[] = []
    for (let repetition = 1; repetition <= experiment.repetitions; repetition++) {
      const index = example * experiment.repetitions + repetition - 1
      if (!recorded.has(index) || model.runError(experiment, index) !== null) repetitions.push(repetition)
    }
    return repetitions.length === 0
      ? []
      : [{ dataset_example: exampleView(dataset, example), repetition_numbers: repetitions }]
  })
  const paged = cursorPage(incomplete, (entry) => entry.dataset_example.id, query.cursor, query.limit ?? 50)
  if (isResponse(paged)) return paged
  return ok({ data: paged.page, next_cursor: paged.next } satisfies IncompleteExperimentRunsPage)
}

export function getIncompleteExperimentEvaluations(
  model: PhoenixModel,
  { params, query, nowMs }: PhoenixRequest<'getIncompleteExperimentEvaluations'>,
): VendorResponse {
  const names = query.evaluation_name ?? []
  if (names.length === 0) return text(400, 'At least one evaluation_name is required')
  const experiment = experimentAt(model, params.experiment_id, nowMs)
  if (isResponse(experiment)) return experiment
  const dataset = model.dataset(experiment)
  const incomplete = model.recordedRuns(experiment, nowMs).flatMap((slot) => {
    if (model.runError(experiment, slot.index) !== null) return []
    const open = names.filter((name) => {
      const outcome = model.evaluation(experiment, slot.index, name, nowMs)
      return outcome.kind !== 'scored' || !dataset.evaluators.includes(name)
    })
    return open.length === 0
      ? []
      : [
          {
            experiment_run: runView(model, experiment, slot),
            dataset_example: exampleView(dataset, slot.example),
            evaluation_names: open,
          },
        ]
  })
  const paged = cursorPage(incomplete, (entry) => entry.experiment_run.id, query.cursor, query.limit ?? 50)
  if (isResponse(paged)) return paged
  return ok({ data: paged.page, next_cursor: paged.next } satisfies IncompleteEvaluationsPage)
}
