import { EvalrunError } from '@evalrun/http'
import { retryPolicyOf } from '@evalrun/http/internal'
import {
  type Evaluation,
  type EvaluationLog,
  type EvaluationLogPage,
  type EvaluationRun,
  type EvaluationRunList,
  type EvaluationStats,
  type HumanloopClient,
  type Log,
  type RunStats,
  request,
} from '@evalrun/humanloop'
import type { AdapterListQuery, EvalrunAdapter } from '../../core/adapter.js'
import {
  EvalrunInvalidInputError,
  EvalrunNotConfiguredError,
  EvalrunNotFoundError,
} from '../../core/errors.js'
import type { EvalRun } from '../../core/model.js'
import { type ListingWarn, listIn, numberedPaging, onePage, paginate } from '../../core/paginate.js'
import { readArray, readCount, readField, readId } from '../../core/read-json.js'
import { decodeRefPart, decodeSuiteRunId, encodeRefPart } from '../../core/ref.js'
import { evaluationsOfFile, FILE_IDS_NEEDED, humanloopCatalog, PAGE_SIZE, pagesOf } from './catalog.js'
import { mapHumanloopItem } from './map-item.js'
import { humanloopEvaluatorNames } from './map-metrics.js'
import { mapHumanloopRun } from './map-run.js'
import { validateHumanloopStart } from './validate-start.js'

export interface HumanloopAdapterOptions {
  /** Files (Prompts, Tools, Flows, Agents) whose evaluations `listRuns` reads. Humanloop lists only per file. */
  fileIds: readonly string[]
}

/**
 * Humanloop evaluation runs. Humanloop has no endpoint for one run: a run is read from its evaluation's run list
 * together with the evaluation (names, url) and its stats (progress, metrics).
 */
export function createHumanloopAdapter(
  client: HumanloopClient,
  options: HumanloopAdapterOptions,
): EvalrunAdapter<'humanloop'> {
  const retry = retryPolicyOf(client)
  /**
   * Every run of one evaluation (given, or being read), with the evaluation's stats, mapped one at a time as
   * they are pulled. Humanloop returns all of an evaluation's runs in one response, and its stats in another:
   * both are read before the first run is mapped, then each run is released from the response as it is yielded,
   * so that runs the consumer is done with can be collected before the evaluation's last one. The stats only add
   * progress and metrics, so failing to read them is a warning on each run, not a failure.
   */
  async function* runsOf(
    evaluationRead: unknown,
    evaluationId: string,
    warn: ListingWarn,
    signal: AbortSignal,
  ): AsyncGenerator<EvalRun<'humanloop'>> {
    const readRuns = () =>
      request(client, 'GET', '/evaluations/{id}/runs', { params: { path: { id: evaluationId } }, signal })
    // Sent beside the evaluation and its stats; a read again (a malformed answer) sends a new request.
    let runsRead: Promise<unknown> | null = readRuns()
    runsRead.catch(() => {})
    const [evaluation, stats] = await Promise.all([
      evaluationRead,
      request(client, 'GET', '/evaluations/{id}/stats', {
        params: { path: { id: evaluationId } },
        signal,
      }).then(
        (body) => ({ body, problem: null }),
        (error: unknown) => {
          if (signal.aborted || !EvalrunError.isInstance(error)) throw error
          return { body: null, problem: error.message }
        },
      ),
    ])
    // Indexed once per evaluation: looking each run's entry up in the array would be quadratic.
    const statsByRun = new Map<string, unknown>()
    for (const entry of readArray<EvaluationStats>(stats.body, 'run_stats')) {
      const runId = readId<RunStats>(entry, 'run_id')
      if (runId !== null) statsByRun.set(runId, entry)
    }
    const context = { evaluatorNames: humanloopEvaluatorNames(evaluation) }
    const warning =
      stats.problem === null
        ? null
        : `Stats could not be read (${stats.problem}); progress and metrics are missing.`
    const runs = paginate({
      vendor: 'Humanloop',
      retry,
      operation: 'GET /evaluations/{id}/runs',
      entries: 'runs',
      paging: onePage,
      read: () => {
        const read = runsRead ?? readRuns()
        runsRead = null
        return read
      },
      list: listIn<EvaluationRunList>('runs'),
      key: (run) => readId<EvaluationRun>(run, 'id'),
      warn,
      signal,
    })
    for await (const run of runs) {
      const mapped = mapHumanloopRun(
        { evaluation, run, stats: statsByRun.get(readId<EvaluationRun>(run, 'id') ?? '') },
        evaluationId,
        context,
      )
      if (warning !== null) mapped.warnings.push(warning)
      yield mapped
    }
  }

  async function getEvaluation(evaluationId: string, signal: AbortSignal) {
    return request(client, 'GET', '/evaluations/{id}', { params: { path: { id: evaluationId } }, signal })
  }

  async function getRun(id: string, signal: AbortSignal): Promise<EvalRun<'humanloop'>> {
    const { evaluationId, runId } = splitId(id)
    let run: EvalRun<'humanloop'> | undefined
    for await (const candidate of runsOf(getEvaluation(evaluationId, signal), evaluationId, ignore, signal)) {
      if (candidate.id === runId) {
        run = candidate
        break
      }
    }
    if (run === undefined) {
      throw new EvalrunNotFoundError({
        message: `No run ${runId} in Humanloop evaluation ${evaluationId}.`,
        ref: `humanloop:${id}`,
      })
    }
    return run
  }

  return {
    specificationVersion: 'v2',
    vendor: 'humanloop',
    displayName: 'Humanloop',
    ...humanloopCatalog(client, options.fileIds),

    checkListQuery(query: AdapterListQuery) {
      if (query.suiteId !== null) {
        if (decodeRefPart(query.suiteId) === null) {
          throw new EvalrunInvalidInputError({
            field: 'suite',
            value: `humanloop:${query.suiteId}`,
            expected: "'humanloop:<evaluationId>'",
          })
        }
        return
      }
      if (options.fileIds.length === 0) {
        throw new EvalrunNotConfiguredError({
          message: `${FILE_IDS_NEEDED}, or list one evaluation with \`suite: "humanloop:<evaluationId>"\`.`,
          vendor: 'humanloop',
          option: 'humanloop.fileIds',
          envVar: 'HUMANLOOP_FILE_IDS',
        })
      }
    },

    async *listRuns(query, signal) {
      if (query.suiteId !== null) {
        const evaluationId = decodeRefPart(query.suiteId) ?? query.suiteId
        yield* runsOf(getEvaluation(evaluationId, signal), evaluationId, query.warn, signal)
        return
      }
      // An evaluation belongs to one file, but the same file may be configured twice.
      const seen = new Set<string>()
      for (const fileId of new Set(options.fileIds)) {
        for await (const evaluation of evaluationsOfFile(client, retry, fileId, query.warn, signal)) {
          const evaluationId = readId<Evaluation>(evaluation, 'id')
          if (evaluationId === null || seen.has(evaluationId)) continue
          seen.add(evaluationId)
          // No runs, nothing to read: saves two requests per empty evaluation.
          if (readField<Evaluation>(evaluation, 'runs_count') === 0) continue
          yield* runsOf(evaluation, evaluationId, query.warn, signal)
        }
      }
    },

    getRun,

    async startRun(input, signal) {
      const { evaluationId, body } = validateHumanloopStart(input)
      const run = await request(client, 'POST', '/evaluations/{id}/runs', {
        params: { path: { id: evaluationId } },
        body,
        signal,
      })
      const runId = readId<EvaluationRun>(run, 'id')
      try {
        if (runId !== null)
          return await getRun(`${encodeRefPart(evaluationId)}/${encodeRefPart(runId)}`, signal)
      } catch (error) {
        if (signal.aborted) throw error
      }
      // The run exists: report what the create call said rather than lose it to a failed read-back.
      const mapped = mapHumanloopRun({ evaluation: null, run, stats: null }, evaluationId)
      mapped.warnings.push(
        'The run was started, but reading it back failed; evaluation and stats are missing.',
      )
      return mapped
    },

    async cancelRun(id, signal) {
      const { evaluationId, runId } = splitId(id)
      await request(client, 'PATCH', '/evaluations/{id}/runs/{run_id}', {
        params: { path: { id: evaluationId, run_id: runId } },
        body: { status: 'cancelled' },
        signal,
      })
      return getRun(id, signal)
    },

    async *listItems(id, signal, warn = () => {}) {
      const { evaluationId, runId } = splitId(id)
      const logs = paginate({
        vendor: 'Humanloop',
        retry,
        operation: 'GET /evaluations/{id}/logs',
        entries: 'logs',
        paging: numberedPaging((page) => pagesOf(readCount<EvaluationLogPage>(page, 'total'))),
        read: (page) =>
          request(client, 'GET', '/evaluations/{id}/logs', {
            params: { path: { id: evaluationId }, query: { page, size: PAGE_SIZE, run_id: [runId] } },
            signal,
          }),
        list: listIn<EvaluationLogPage>('records'),
        key: (entry) => readId<Log>(readField<EvaluationLog>(entry, 'log'), 'id'),
        warn,
        signal,
      })
      for await (const log of logs) yield mapHumanloopItem(log, `humanloop:${id}`)
    },
  }
}

/** Humanloop declares its size in entries (`total`); pages hold `PAGE_SIZE` each. */
/** One run's read has no listing to warn about: a single page cannot repeat one before it. */
function ignore(): void {}

function splitId(id: string): { evaluationId: string; runId: string } {
  const [evaluationId, runId] = decodeSuiteRunId('humanloop', id, 'humanloop:<evaluationId>/<runId>')
  return { evaluationId, runId }
}
