import {
  type BraintrustClient,
  type EvalLaunchErrorEvent,
  type EvalLaunchStartEvent,
  EvalrunApiError,
  EvalrunError,
  EvalrunOutcomeUnknownError,
  type Experiment,
  type ExperimentEvent,
  type ExperimentList,
  type FetchExperimentEventsResponse,
  request,
  requestEvents,
} from '@evalrun/braintrust'
import { requestWithHeaders } from '@evalrun/http'
import { retryPolicyOf } from '@evalrun/http/internal'
import type { AdapterListQuery, EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import type { EvalRun } from '../../core/model.js'
import { cursorPaging, listIn, paginate, paginatePages } from '../../core/paginate.js'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { asRecord, readArray, readField, readId, readString } from '../../core/read-json.js'
import { decodeRefPart, encodeRefPart } from '../../core/ref.js'
import { httpDate } from '../../core/server-clock.js'
import { braintrustCatalog } from './catalog.js'
import { mapBraintrustItem } from './map-item.js'
import { mapBraintrustRun } from './map-run.js'
import { BRAINTRUST_QUIET_PERIOD_MS } from './map-status.js'
import type { BraintrustActivity } from './types.js'
import { validateBraintrustStart } from './validate-start.js'

/** Experiments per list page. */
const PAGE_SIZE = 100
/** Traces per event page (a trace is one test case: its root span and the spans under it). */
const EVENT_PAGE_SIZE = 100
/** Experiments whose summary and newest trace are read at once while listing (two requests each). */
const CONCURRENCY = 8

export interface BraintrustAdapterOptions {
  /** How long an experiment must have had no new event to count as completed. Default 60 000 (see the status rule). */
  quietPeriodMs?: number
}

/**
 * Braintrust experiments. An experiment is read with its summary (`summarize_scores=true`: scores and metrics
 * against its comparison experiment) and its newest trace (the status rule's evidence): three requests for one
 * run, two more per experiment while listing, a few experiments at a time. Lists page by `starting_after=<last
 * id>`, newest first; refs are `braintrust:<experimentId>`, suites the project.
 */
export function createBraintrustAdapter(
  client: BraintrustClient,
  options: BraintrustAdapterOptions = {},
): EvalrunAdapter<'braintrust'> {
  const retry = retryPolicyOf(client)
  const quietPeriodMs = options.quietPeriodMs ?? BRAINTRUST_QUIET_PERIOD_MS

  function summaryOf(experimentId: string, signal: AbortSignal) {
    return request(client, 'GET', '/v1/experiment/{experiment_id}/summarize', {
      params: { path: { experiment_id: experimentId }, query: { summarize_scores: true } },
      signal,
    })
  }

  /** The newest trace (events come newest first; `limit` counts traces), and Braintrust's clock at the time. */
  async function activityOf(experimentId: string, signal: AbortSignal): Promise<BraintrustActivity> {
    const { data, headers } = await requestWithHeaders(
      client,
      'POST',
      '/v1/experiment/{experiment_id}/fetch',
      {
        params: { path: { experiment_id: experimentId } },
        body: { limit: 1 },
        signal,
      },
    )
    return {
      newestTrace: readArray<FetchExperimentEventsResponse>(data, 'events'),
      observedAt: httpDate(headers),
    }
  }

  /**
   * An experiment from a list page, with its summary and activity read beside it. Its two requests share a signal
   * of their own, tied once to the listing's: the listing's signal then carries one listener per experiment in
   * flight rather than two per request (runtimes warn past ten).
   */
  async function withDetails(experiment: unknown, signal: AbortSignal): Promise<EvalRun<'braintrust'>> {
    const id = readId<Experiment>(experiment, 'id')
    if (id === null)
      return mapBraintrustRun(experiment, null, { newestTrace: [], observedAt: null }, quietPeriodMs)
    const own = tiedTo(signal)
    try {
      const [summary, activity] = await Promise.all([summaryOf(id, own.signal), activityOf(id, own.signal)])
      return mapBraintrustRun(experiment, summary, activity, quietPeriodMs)
    } catch (error) {
      // The other read may still be in flight: stop it.
      own.stop()
      throw error
    } finally {
      own.untie()
    }
  }

  async function getRun(id: string, signal: AbortSignal): Promise<EvalRun<'braintrust'>> {
    const experimentId = decodeId(id)
    const [experiment, summary, activity] = await Promise.all([
      request(client, 'GET', '/v1/experiment/{experiment_id}', {
        params: { path: { experiment_id: experimentId } },
        signal,
      }),
      summaryOf(experimentId, signal),
      activityOf(experimentId, signal),
    ])
    return mapBraintrustRun(experiment, summary, activity, quietPeriodMs)
  }

  /** The experiment the launch stream's start event names: by id, or failing that by name in the project. */
  async function startedExperimentId(
    started: unknown,
    projectId: string,
    signal: AbortSignal,
  ): Promise<string | null> {
    const id = readId<EvalLaunchStartEvent>(started, 'experimentId')
    if (id !== null) return id
    const name = readString<EvalLaunchStartEvent>(started, 'experimentName')
    if (name === null) return null
    const found = await request(client, 'GET', '/v1/experiment', {
      params: { query: { project_id: projectId, experiment_name: name, limit: 1 } },
      signal,
    })
    return readId<Experiment>(readArray<ExperimentList>(found, 'objects')[0], 'id')
  }

  /** The experiments, newest first, page by page, each with its details. */
  async function* listExperiments(
    query: AdapterListQuery,
    signal: AbortSignal,
  ): AsyncGenerator<EvalRun<'braintrust'>> {
    const projectId = query.suiteId === null ? null : (decodeRefPart(query.suiteId) ?? query.suiteId)
    const pages = paginatePages({
      vendor: 'Braintrust',
      retry,
      operation: 'GET /v1/experiment',
      entries: 'experiments',
      // Braintrust gives no "more" flag: only an empty page ends the list.
      paging: cursorPaging((page) =>
        readId<Experiment>(readArray<ExperimentList>(page, 'objects').at(-1), 'id'),
      ),
      read: (after) =>
        request(client, 'GET', '/v1/experiment', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(projectId === null ? {} : { project_id: projectId }),
              ...(after === undefined ? {} : { starting_after: after }),
            },
          },
          signal,
        }),
      list: listIn<ExperimentList>('objects'),
      key: (experiment) => readId<Experiment>(experiment, 'id'),
      warn: query.warn,
      signal,
    })
    for await (const experiments of pages) {
      // Newest first: once one is older than `since`, so are the rest, and their details are not read.
      const recent =
        query.since === null ? experiments : experiments.filter((e) => !olderThan(e, query.since as Date))
      yield* inOrder(recent, CONCURRENCY, (experiment) => withDetails(experiment, signal))
      if (recent.length < experiments.length) return
    }
  }

  return {
    specificationVersion: 'v2',
    vendor: 'braintrust',
    displayName: 'Braintrust',

    checkListQuery(query) {
      if (query.suiteId !== null && decodeRefPart(query.suiteId) === null) {
        throw new EvalrunInvalidInputError({
          field: 'suite',
          value: `braintrust:${query.suiteId}`,
          expected: "'braintrust:<projectId>'",
        })
      }
    },

    async *listRuns(query, listingSignal) {
      // The listing's signal is shared with the other vendors' listings: tie it once to one of this listing's own,
      // which its requests (up to 2 × CONCURRENCY + 1 at once) then hang off.
      const own = tiedTo(listingSignal)
      try {
        yield* listExperiments(query, own.signal)
      } finally {
        own.untie()
        own.stop()
      }
    },

    getRun,

    ...braintrustCatalog(client),

    async startRun(input, signal) {
      const body = validateBraintrustStart(input)
      // Streamed, so that this returns once the experiment exists, however long the eval then runs.
      const events = await requestEvents(client, 'POST', '/v1/eval', { body, signal })
      let started: unknown
      for await (const event of events) {
        if (event.event === 'start') {
          started = parseJson(event.data)
          break
        }
        if (event.event === 'error') throw launchError(event.data)
        if (event.event === 'done') break
      }
      // Leaving the loop closed the stream: the eval goes on at Braintrust, and `wait` follows the experiment.
      const experimentId =
        started === undefined ? null : await startedExperimentId(started, body.project_id, signal)
      if (experimentId === null) {
        throw new EvalrunOutcomeUnknownError({
          message: `Braintrust: POST /v1/eval was sent but its answer named no experiment; it may or may not have taken effect, so it was not retried. Check in Braintrust (project ${body.project_id}) before sending it again.`,
          vendor: 'braintrust',
          method: 'POST',
          url: '/v1/eval',
          attempts: 1,
        })
      }
      try {
        return await getRun(encodeRefPart(experimentId), signal)
      } catch (error) {
        if (signal.aborted || !EvalrunError.isInstance(error)) throw error
        // The experiment exists: report what the start event said rather than lose it to a failed read-back.
        const experiment = {
          id: experimentId,
          project_id: readString<EvalLaunchStartEvent>(started, 'projectId') ?? body.project_id,
          name: readString<EvalLaunchStartEvent>(started, 'experimentName') ?? body.experiment_name ?? '',
          public: false,
        } satisfies Experiment
        const run = mapBraintrustRun(experiment, null, { newestTrace: [], observedAt: null }, quietPeriodMs)
        run.warnings.push(
          `The eval was started, but reading its experiment back failed (${error.message}); summary and status are missing.`,
        )
        return run
      }
    },

    async *listItems(id, signal, warn = () => {}) {
      const experimentId = decodeId(id)
      const runRef = `braintrust:${encodeRefPart(experimentId)}`
      // Later pages may repeat rows of earlier ones, in an older version: the first seen is the newest. Only the
      // ids of test cases are kept, all of them: a repeat may come from far back.
      const seen = new Set<string>()
      const events = paginate({
        vendor: 'Braintrust',
        retry,
        operation: 'POST /v1/experiment/{experiment_id}/fetch',
        entries: 'events',
        paging: cursorPaging((page) => readString<FetchExperimentEventsResponse>(page, 'cursor')),
        read: (cursor) =>
          request(client, 'POST', '/v1/experiment/{experiment_id}/fetch', {
            params: { path: { experiment_id: experimentId } },
            body: { limit: EVENT_PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
            signal,
          }),
        list: listIn<FetchExperimentEventsResponse>('events'),
        key: (event) => readId<ExperimentEvent>(event, 'id'),
        warn,
        signal,
      })
      for await (const event of events) {
        if (!isRootSpan(event)) continue
        const eventId = readId<ExperimentEvent>(event, 'id')
        if (eventId !== null) {
          if (seen.has(eventId)) continue
          seen.add(eventId)
        }
        yield mapBraintrustItem(event, runRef)
      }
    },
  }
}

function decodeId(id: string): string {
  const experimentId = decodeRefPart(id)
  if (experimentId === null || id.includes('/')) {
    throw new EvalrunInvalidInputError({
      field: 'ref',
      value: `braintrust:${id}`,
      expected: "'braintrust:<experimentId>'",
    })
  }
  return experimentId
}

/** A test case's row: the root span of its trace (the spans under it are the task's and scorers' steps). */
function isRootSpan(event: unknown): boolean {
  const isRoot = readField<ExperimentEvent>(event, 'is_root')
  if (typeof isRoot === 'boolean') return isRoot
  const parents = readField<ExperimentEvent>(event, 'span_parents')
  return !Array.isArray(parents) || parents.length === 0
}

function olderThan(experiment: unknown, since: Date): boolean {
  const created = parseVendorDate(readField<Experiment>(experiment, 'created'), 'created', [])
  return created !== null && created < since
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function launchError(data: string): EvalrunApiError {
  const body = parseJson(data) ?? data
  const reason =
    typeof body === 'string'
      ? body
      : (readString<EvalLaunchErrorEvent>(asRecord(body), 'message') ?? JSON.stringify(body) ?? '')
  return new EvalrunApiError({
    message: `Braintrust reported an error launching the eval (POST /v1/eval): ${reason.slice(0, 300)}`,
    vendor: 'braintrust',
    status: 200,
    method: 'POST',
    operation: 'POST /v1/eval',
    url: '/v1/eval',
    requestId: null,
    body,
    isRetryable: false,
  })
}

/**
 * `work` over `items`, at most `limit` at a time, yielding results in the items' order; the next item starts as
 * soon as one is yielded. A failure is thrown when its turn comes; the others' failures are then ignored.
 */
async function* inOrder<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const running: Promise<R>[] = []
  let next = 0
  const startNext = () => {
    const started = work(items[next++] as T)
    // Handled when its turn comes; until then (or if the listing stops first) it must not count as unhandled.
    started.catch(() => {})
    running.push(started)
  }
  while (next < items.length && running.length < limit) startNext()
  while (running.length > 0) {
    const result = await (running.shift() as Promise<R>)
    if (next < items.length) startNext()
    yield result
  }
}

/**
 * A signal of its own that `parent` aborts while tied, for a group of requests: `parent` then carries one listener
 * for the group rather than one per request in flight (runtimes warn past ten). Throws if `parent` has aborted.
 */
function tiedTo(parent: AbortSignal): { signal: AbortSignal; stop: () => void; untie: () => void } {
  parent.throwIfAborted()
  const own = new AbortController()
  const onAbort = () => own.abort(parent.reason)
  parent.addEventListener('abort', onAbort)
  return {
    signal: own.signal,
    stop: () => own.abort(),
    untie: () => parent.removeEventListener('abort', onAbort),
  }
}
