import { EvalrunMalformedResponseError, requestWithHeaders } from '@evalrun/http'
import { retryPolicyOf } from '@evalrun/http/internal'
import type {
  Dataset,
  DatasetAnswer,
  DatasetsPage,
  Experiment,
  ExperimentAnswer,
  ExperimentsPage,
  PhoenixClient,
} from '@evalrun/phoenix'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import type { EvalRun } from '../../core/model.js'
import { TERMINAL_STATUSES } from '../../core/model.js'
import { cursorPaging, type ListingWarn, listIn, paginate } from '../../core/paginate.js'
import { readField, readId, readString } from '../../core/read-json.js'
import { decodeRefPart, encodeRefPart } from '../../core/ref.js'
import { createServerClock } from '../../core/server-clock.js'
import { type PhoenixExportRecord, readExportRecords } from './export-records.js'
import { mapPhoenixItem } from './map-item.js'
import type { PhoenixScales } from './map-judgements.js'
import { summarisePhoenixEvaluations } from './map-metrics.js'
import { mapPhoenixRun } from './map-run.js'
import { recordedRunsOf } from './map-status.js'
import { mapPhoenixSuite } from './map-suite.js'

/** Datasets and experiments per page: Phoenix's lists take any positive limit. */
const PAGE_SIZE = 100

export interface PhoenixAdapterOptions {
  /** How long an experiment must be unchanged before its counts are taken as final. */
  quietPeriodMs: number
  /** Declared scales of evaluation scores, by evaluation name. */
  scales: PhoenixScales
}

/**
 * Phoenix experiments (read-only: they are run by the user's own code). Refs are `phoenix:<experimentId>`, suites
 * are datasets (`phoenix:<datasetId>`), both ids percent-encoded. Datasets and experiments page by cursor. A run's
 * items and evaluations come from the experiment's JSON export, read whole and checked by evalrun's own validator.
 * Times are judged on the server's clock (its `Date` header), falling back to this machine's.
 */
export function createPhoenixAdapter(
  client: PhoenixClient,
  options: PhoenixAdapterOptions,
): EvalrunAdapter<'phoenix'> {
  const retry = retryPolicyOf(client)
  const clock = createServerClock()

  /** A cursor list (`next_cursor` names the next page; null: the last). */
  function cursorList(
    operation: string,
    entries: string,
    read: (cursor: string | undefined) => Promise<{ data: unknown; headers: Headers }>,
    warn: ListingWarn,
    signal: AbortSignal,
  ) {
    return paginate({
      vendor: 'Phoenix',
      retry,
      operation,
      entries,
      // Phoenix names a next cursor only when a row follows (it is that row's id): an empty page with one ended early.
      paging: cursorPaging(nextCursor, (page) => nextCursor(page) !== null),
      read: async (cursor) => {
        const { data, headers } = await read(cursor)
        clock.observe(headers)
        return data
      },
      list: listIn<DatasetsPage | ExperimentsPage>('data'),
      key: (entry) => readId<Dataset | Experiment>(entry, 'id'),
      warn,
      signal,
    })
  }

  function datasetsOf(warn: ListingWarn, signal: AbortSignal) {
    return cursorList(
      'GET /v1/datasets',
      'datasets',
      (cursor) =>
        requestWithHeaders(client, 'GET', '/v1/datasets', {
          params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      warn,
      signal,
    )
  }

  function experimentsOf(datasetId: string, warn: ListingWarn, signal: AbortSignal) {
    return cursorList(
      'GET /v1/datasets/{dataset_id}/experiments',
      'experiments',
      (cursor) =>
        requestWithHeaders(client, 'GET', '/v1/datasets/{dataset_id}/experiments', {
          params: {
            path: { dataset_id: datasetId },
            query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          },
          signal,
        }),
      warn,
      signal,
    )
  }

  async function readExperiment(experimentId: string, signal: AbortSignal): Promise<unknown> {
    const { data, headers } = await requestWithHeaders(client, 'GET', '/v1/experiments/{experiment_id}', {
      params: { path: { experiment_id: experimentId } },
      signal,
    })
    clock.observe(headers)
    return readField<ExperimentAnswer>(data, 'data')
  }

  /** Every run of the experiment with its evaluations, checked; a body of another shape fails typed. */
  async function readExport(experimentId: string, signal: AbortSignal): Promise<PhoenixExportRecord[]> {
    const path = `/v1/experiments/${encodeURIComponent(experimentId)}/json`
    // Its spec declares text/plain (the server sends application/json): asked for either and read as text, then
    // parsed and checked here, so that neither label decides how it is read.
    const { data, headers } = await requestWithHeaders(
      client,
      'GET',
      '/v1/experiments/{experiment_id}/json',
      {
        params: { path: { experiment_id: experimentId } },
        headers: { Accept: 'application/json, text/plain' },
        parseAs: 'text',
        signal,
      },
    )
    clock.observe(headers)
    const reading = readExportRecords(parseJson(data))
    if ('records' in reading) return reading.records
    throw new EvalrunMalformedResponseError({
      message: `Phoenix answered GET ${path} with an export evalrun cannot read: ${reading.problem}.`,
      vendor: 'Phoenix',
      method: 'GET',
      url: path,
      status: 200,
      problem: reading.problem,
      attempts: 1,
    })
  }

  function runOf(experiment: unknown, datasetName: string | null, records: PhoenixExportRecord[] | null) {
    return mapPhoenixRun(experiment, {
      now: clock.now(),
      quietPeriodMs: options.quietPeriodMs,
      datasetName,
      summary: records === null ? null : summarisePhoenixEvaluations(records, options.scales),
    })
  }

  async function getRun(id: string, signal: AbortSignal): Promise<EvalRun<'phoenix'>> {
    const experimentId = experimentIdOf(id)
    const experiment = await readExperiment(experimentId, signal)
    const run = runOf(experiment, null, null)
    // Scores only once the experiment is over: while it runs, a wait would read the whole export every poll.
    if (!TERMINAL_STATUSES.has(run.status) || (recordedRunsOf(experiment) ?? 0) === 0) return run
    return runOf(experiment, null, await readExport(experimentId, signal))
  }

  return {
    specificationVersion: 'v2',
    vendor: 'phoenix',
    displayName: 'Phoenix',

    checkListQuery(query) {
      if (query.suiteId !== null && decodeRefPart(query.suiteId) === null) {
        throw new EvalrunInvalidInputError({
          field: 'suite',
          value: `phoenix:${query.suiteId}`,
          expected: "'phoenix:<datasetId>'",
        })
      }
    },

    async *listSuites(query, signal) {
      for await (const dataset of datasetsOf(query.warn, signal)) yield mapPhoenixSuite(dataset)
    },

    async *listRuns(query, signal) {
      if (query.suiteId !== null) {
        const datasetId = decodeRefPart(query.suiteId) ?? ''
        // The experiments name their dataset by id only: its name takes one more read.
        const { data, headers } = await requestWithHeaders(client, 'GET', '/v1/datasets/{id}', {
          params: { path: { id: datasetId } },
          signal,
        })
        clock.observe(headers)
        const name = readString<Dataset>(readField<DatasetAnswer>(data, 'data'), 'name')
        for await (const experiment of experimentsOf(datasetId, query.warn, signal)) {
          yield runOf(experiment, name, null)
        }
        return
      }
      for await (const dataset of datasetsOf(query.warn, signal)) {
        const datasetId = readId<Dataset>(dataset, 'id')
        if (datasetId === null) {
          query.warn('Phoenix listed a dataset without an id; its experiments are left out.', {
            stoppedEarly: true,
          })
          continue
        }
        const name = readString<Dataset>(dataset, 'name')
        for await (const experiment of experimentsOf(datasetId, query.warn, signal)) {
          yield runOf(experiment, name, null)
        }
      }
    },

    getRun,

    async *listItems(id, signal, warn = () => {}) {
      const experimentId = experimentIdOf(id)
      const runRef = `phoenix:${encodeRefPart(experimentId)}`
      const experiment = await readExperiment(experimentId, signal)
      const recorded = recordedRunsOf(experiment)
      // Phoenix's export answers 404 for an experiment without runs: there is nothing to read.
      if (recorded === 0) return
      const records = await readExport(experimentId, signal)
      if (recorded !== null && records.length < recorded) {
        warn(
          `Phoenix's export of ${runRef} holds ${records.length} runs where the experiment counts ${recorded}: its results are incomplete.`,
          { stoppedEarly: true },
        )
      }
      const run = runOf(experiment, null, null)
      const evaluationNames = new Set(records.flatMap((record) => record.annotations.map(({ name }) => name)))
      const context = { runRef, scales: options.scales, evaluationNames, runOver: run.terminal }
      for (const record of records) yield mapPhoenixItem(record, context)
    },
  }
}

function nextCursor(page: unknown): string | null {
  const cursor = readString<DatasetsPage | ExperimentsPage>(page, 'next_cursor')
  return cursor === '' ? null : cursor
}

/** The export's text as JSON, or a marker the validator reports as what it is not. */
function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text
  try {
    return JSON.parse(text)
  } catch {
    return NOT_JSON
  }
}

const NOT_JSON = Symbol('not JSON')

function experimentIdOf(id: string): string {
  const experimentId = decodeRefPart(id)
  if (experimentId === null) {
    throw new EvalrunInvalidInputError({
      field: 'ref',
      value: `phoenix:${id}`,
      expected: "'phoenix:<experimentId>' (the id percent-encoded)",
    })
  }
  return experimentId
}
