import { EvalrunError, requestWithHeaders } from '@evalrun/http'
import { retryPolicyOf } from '@evalrun/http/internal'
import {
  type Experiment,
  type ExperimentItem,
  type ExperimentItemsPage,
  type ExperimentsPage,
  type LangfuseClient,
  langfuseDeprecationOf,
  type ScoreConfig,
  type ScoreConfigsPage,
} from '@evalrun/langfuse'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunInvalidInputError, EvalrunNotFoundError } from '../../core/errors.js'
import type { EvalRun } from '../../core/model.js'
import { cursorPaging, type ListingWarn, listIn, numberedPaging, paginate } from '../../core/paginate.js'
import { readArray, readCount, readField, readId, readString } from '../../core/read-json.js'
import { decodeRefPart, encodeRefPart } from '../../core/ref.js'
import { createServerClock } from '../../core/server-clock.js'
import { langfuseCatalog } from './catalog.js'
import { mapLangfuseItem } from './map-item.js'
import { LANGFUSE_SCORE_LIMIT, mapLangfuseRun } from './map-run.js'
import { type LangfuseScales, mapLangfuseScoreConfigs, UNKNOWN_SCALES } from './map-score-configs.js'

/** Langfuse's largest page. */
const PAGE_SIZE = 100
const DAY_MS = 86_400_000
/**
 * `fromStartTime` for reading one experiment, whenever it started: both lists require a start and clip what
 * began before it (an experiment's `startTime`, `itemCount` and scores cover only the requested range).
 */
const BEGINNING = '1970-01-01T00:00:00.000Z'
/** Score configs change rarely, and `runs.wait` reads a run every few seconds: they are read again after this. */
const CONFIGS_TTL_MS = 60_000
const EXPERIMENT_FIELDS = 'core,metadata,scores'
const ITEM_FIELDS = 'core,dataset,io,scores'

export interface LangfuseAdapterOptions {
  /** What a listing without `since` covers: experiments started in this many days before now (default 30). */
  listWindowDays: number
  /** How long an experiment without experiment-level scores must be quiet to count as completed. */
  quietPeriodMs: number
}

/**
 * Langfuse experiments (read-only: they are run by the user's own code). Refs are `langfuse:<experimentId>`,
 * suites are datasets. Both lists page by cursor and require `fromStartTime`: a listing asks from `since`, or
 * from `listWindowDays` ago and says so; reading one experiment asks from the epoch, so nothing of it is clipped.
 * Times are judged on the server's clock (its `Date` header), falling back to this machine's.
 */
export function createLangfuseAdapter(
  client: LangfuseClient,
  options: LangfuseAdapterOptions,
): EvalrunAdapter<'langfuse'> {
  const retry = retryPolicyOf(client)
  let configs: { readAt: number; signal: AbortSignal; scales: Promise<LangfuseScales> } | null = null
  // Every answer's Date header sets it (each read below notes its headers).
  const clock = createServerClock()
  const now = () => clock.now()

  /**
   * The score configs as scales, from a recent or running read if there is one; unknown scales (and why) on
   * failure. Every caller, the one that started the read or one that shares it, gets its own warning.
   */
  async function readScales(signal: AbortSignal, warn: (message: string) => void): Promise<LangfuseScales> {
    const fresh = configs !== null && Date.now() - configs.readAt < CONFIGS_TTL_MS
    const read =
      fresh && configs !== null
        ? configs
        : { readAt: Date.now(), signal, scales: readScoreConfigs(signal, warn) }
    configs = read
    try {
      return await read.scales
    } catch (error) {
      if (configs === read) configs = null
      if (signal.aborted) throw error
      // A shared read that its own caller stopped: read again for this one.
      if (read.signal.aborted) return readScales(signal, warn)
      // Scales only qualify the scores: failing to read them is a warning, not a failure.
      if (!EvalrunError.isInstance(error)) throw error
      warn(`Score configs could not be read (${error.message}); numeric scores have no known scale.`)
      return UNKNOWN_SCALES
    }
  }

  async function readScoreConfigs(signal: AbortSignal, warn: (message: string) => void) {
    const all: unknown[] = []
    const configs = paginate({
      vendor: 'Langfuse',
      retry,
      operation: 'GET /api/public/score-configs',
      entries: 'score configs',
      paging: numberedPaging((page) =>
        readCount<ScoreConfigsPage['meta']>(readField<ScoreConfigsPage>(page, 'meta'), 'totalPages'),
      ),
      read: (page) =>
        observed(
          requestWithHeaders(client, 'GET', '/api/public/score-configs', {
            params: { query: { page, limit: PAGE_SIZE } },
            signal,
          }),
          warn,
        ),
      list: listIn<ScoreConfigsPage>('data'),
      key: (config) => readId<ScoreConfig>(config, 'id'),
      // A config list cut short leaves some scales unknown; it does not make the runs or items read incomplete.
      warn: (message) => warn(message),
      signal,
    })
    for await (const config of configs) all.push(config)
    return mapLangfuseScoreConfigs(all)
  }

  /** An answer's body, its `Date` taken into the server's clock and its deprecation notice said. */
  async function observed(
    answer: Promise<{ data: unknown; headers: Headers }>,
    warn: (message: string) => void,
  ): Promise<unknown> {
    const { data, headers } = await answer
    clock.observe(headers)
    noteDeprecation(data, warn)
    return data
  }

  /** A cursor list of experiments or experiment items (`meta.cursor` names the next page; none: the last). */
  function cursorList(
    operation: string,
    entries: string,
    read: (cursor: string | undefined) => Promise<{ data: unknown; headers: Headers }>,
    warn: ListingWarn,
    signal: AbortSignal,
  ) {
    return paginate({
      vendor: 'Langfuse',
      retry,
      operation,
      entries,
      // Langfuse sends a cursor only when more follow: an empty page that carries one ended early.
      paging: cursorPaging(nextCursor, (page) => nextCursor(page) !== null),
      read: (cursor) => observed(read(cursor), warn),
      list: listIn<ExperimentsPage | ExperimentItemsPage>('data'),
      key: (entry) => readId<Experiment | ExperimentItem>(entry, 'id'),
      warn,
      signal,
    })
  }

  /** Says a `_deprecation` notice once per operation (a listing, a read). */
  const said = new WeakMap<(message: string) => void, Set<string>>()
  function noteDeprecation(body: unknown, warn: (message: string) => void) {
    const notice = langfuseDeprecationOf(body)
    if (notice === null) return
    const seen = said.get(warn) ?? new Set<string>()
    said.set(warn, seen)
    if (seen.has(notice.message)) return
    seen.add(notice.message)
    const more = [
      notice.replacement ? `use ${notice.replacement} instead` : '',
      notice.sunsetAt ? `it may stop working after ${notice.sunsetAt}` : '',
      notice.docsUrl ?? '',
    ].filter(Boolean)
    warn(
      `Langfuse says this endpoint is deprecated: ${notice.message}${more.length ? ` (${more.join('; ')})` : ''}`,
    )
  }

  async function getRun(id: string, signal: AbortSignal): Promise<EvalRun<'langfuse'>> {
    const experimentId = experimentIdOf(id)
    const warnings: string[] = []
    const warn = (message: string) => warnings.push(message)
    const [scales, { data: body, headers }] = await Promise.all([
      readScales(signal, warn),
      requestWithHeaders(client, 'GET', '/api/public/experiments', {
        params: {
          query: {
            fromStartTime: BEGINNING,
            fields: EXPERIMENT_FIELDS,
            scoreLimit: LANGFUSE_SCORE_LIMIT,
            limit: 1,
            ...byColumn('id', experimentId),
          },
        },
        signal,
      }),
    ])
    clock.observe(headers)
    noteDeprecation(body, warn)
    const experiment = readArray<ExperimentsPage>(body, 'data').find(
      (entry) => readId<Experiment>(entry, 'id') === experimentId,
    )
    if (experiment === undefined) throw notFound(experimentId)
    const run = mapLangfuseRun(experiment, { scales, now: now(), quietPeriodMs: options.quietPeriodMs })
    run.warnings.push(...warnings)
    return run
  }

  return {
    specificationVersion: 'v2',
    vendor: 'langfuse',
    displayName: 'Langfuse',
    ...langfuseCatalog(client),

    checkListQuery(query) {
      if (query.suiteId !== null && decodeRefPart(query.suiteId) === null) {
        throw new EvalrunInvalidInputError({
          field: 'suite',
          value: `langfuse:${query.suiteId}`,
          expected: "'langfuse:<datasetId>'",
        })
      }
    },

    async *listRuns(query, signal) {
      const scales = await readScales(signal, query.warn)
      const context = { scales, now: now(), quietPeriodMs: options.quietPeriodMs }
      // To the second: the server's clock is known to a second (its Date header), no finer.
      const since =
        query.since ??
        new Date(Math.floor(context.now.getTime() / 1000) * 1000 - options.listWindowDays * DAY_MS)
      if (query.since === null) {
        query.warn(
          `Langfuse lists experiments from a start time: without \`since\`, this listing covers those started in the last ${options.listWindowDays} days (since ${since.toISOString()}, on Langfuse's clock). Pass \`since\` (the CLI's --since) to look further back, or set langfuse.listWindowDays.`,
        )
      }
      // A millisecond early: an experiment that began before the window comes back clipped to exactly this
      // instant, so it can be told from one that began at `since` and left out.
      const from = new Date(since.getTime() - 1)
      const suite = query.suiteId === null ? {} : byColumn('datasetId', decodeRefPart(query.suiteId) ?? '')
      const read = (cursor: string | undefined) =>
        requestWithHeaders(client, 'GET', '/api/public/experiments', {
          params: {
            query: {
              fromStartTime: from.toISOString(),
              fields: EXPERIMENT_FIELDS,
              scoreLimit: LANGFUSE_SCORE_LIMIT,
              limit: PAGE_SIZE,
              ...suite,
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        })
      for await (const experiment of cursorList(
        'GET /api/public/experiments',
        'experiments',
        read,
        query.warn,
        signal,
      )) {
        const run = mapLangfuseRun(experiment, context)
        if (run.createdAt !== null && run.createdAt <= from) continue
        yield run
      }
    },

    getRun,

    async *listItems(id, signal, warn = () => {}) {
      const experimentId = experimentIdOf(id)
      const runRef = `langfuse:${encodeRefPart(experimentId)}`
      const scales = await readScales(signal, warn)
      const read = (cursor: string | undefined) =>
        requestWithHeaders(client, 'GET', '/api/public/experiment-items', {
          params: {
            query: {
              fromStartTime: BEGINNING,
              fields: ITEM_FIELDS,
              scoreLimit: LANGFUSE_SCORE_LIMIT,
              limit: PAGE_SIZE,
              ...byColumn('experimentId', experimentId),
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        })
      let any = false
      for await (const item of cursorList(
        'GET /api/public/experiment-items',
        'experiment items',
        read,
        warn,
        signal,
      )) {
        any = true
        yield mapLangfuseItem(item, runRef, scales)
      }
      // An unknown experiment has no items either: say which it is.
      if (!any) await getRun(id, signal)
    },
  }
}

/**
 * A filter on one column. The plain parameters take comma-separated lists, so an id holding a comma goes as a
 * structured filter instead (Langfuse's `filter`: `[{ type, column, operator, value }]`).
 */
function byColumn<Column extends 'id' | 'datasetId' | 'experimentId'>(
  column: Column,
  value: string,
): { [K in Column]: string } | { filter: string } {
  if (!value.includes(',')) return { [column]: value } as { [K in Column]: string }
  return { filter: JSON.stringify([{ type: 'string', column, operator: '=', value }]) }
}

function nextCursor(page: unknown): string | null {
  const meta = readField<ExperimentsPage | ExperimentItemsPage>(page, 'meta')
  const cursor = readString<ExperimentsPage['meta']>(meta, 'cursor')
  return cursor === '' ? null : cursor
}

function experimentIdOf(id: string): string {
  const experimentId = decodeRefPart(id)
  if (experimentId === null) {
    throw new EvalrunInvalidInputError({
      field: 'ref',
      value: `langfuse:${id}`,
      expected: "'langfuse:<experimentId>' (the id percent-encoded)",
    })
  }
  return experimentId
}

function notFound(experimentId: string): EvalrunNotFoundError {
  return new EvalrunNotFoundError({
    message: `No Langfuse experiment ${experimentId} is visible with these keys (on Langfuse Cloud, one older than the plan's data access window is not).`,
    ref: `langfuse:${encodeRefPart(experimentId)}`,
  })
}
