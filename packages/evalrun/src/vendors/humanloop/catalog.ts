import type { RetryOptions } from '@evalrun/http'
import { retryPolicyOf } from '@evalrun/http/internal'
import { type Evaluation, type EvaluationPage, type HumanloopClient, request } from '@evalrun/humanloop'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { EvalrunNotConfiguredError } from '../../core/errors.js'
import { type ListingWarn, listIn, numberedPaging, paginate } from '../../core/paginate.js'
import { readCount, readId } from '../../core/read-json.js'
import { suiteStartOption } from '../../core/start-option.js'
import { mapHumanloopSuite } from './map-suite.js'

export const PAGE_SIZE = 100

/** Pages of `PAGE_SIZE` that `total` entries fill (Humanloop declares a total, not a page count). */
export function pagesOf(total: number | null): number | null {
  return total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE))
}

/** One file's evaluations (Humanloop lists evaluations only per file). */
export function evaluationsOfFile(
  client: HumanloopClient,
  retry: Required<RetryOptions> | false,
  fileId: string,
  warn: ListingWarn,
  signal: AbortSignal,
) {
  return paginate({
    vendor: 'Humanloop',
    retry,
    operation: 'GET /evaluations',
    entries: 'evaluations',
    paging: numberedPaging((page) => pagesOf(readCount<EvaluationPage>(page, 'total'))),
    read: (page) =>
      request(client, 'GET', '/evaluations', {
        params: { query: { file_id: fileId, page, size: PAGE_SIZE } },
        signal,
      }),
    list: listIn<EvaluationPage>('records'),
    key: (evaluation) => readId<Evaluation>(evaluation, 'id'),
    warn,
    signal,
  })
}

export const FILE_IDS_NEEDED =
  'Humanloop lists evaluations only per file: pass `humanloop: { fileIds: [...] }` to createEvalrun(), set HUMANLOOP_FILE_IDS (comma-separated)'

/**
 * Humanloop's suites and what `--evaluation` takes: the evaluations of the configured files. Its spec here has no
 * list of datasets, versions or evaluators, so `--dataset-version` and `--version-id` list nothing.
 */
export function humanloopCatalog(
  client: HumanloopClient,
  fileIds: readonly string[],
): Pick<EvalrunAdapter<'humanloop'>, 'listSuites' | 'listStartOptions'> {
  const retry = retryPolicyOf(client)
  async function* evaluations(warn: ListingWarn, signal: AbortSignal) {
    if (fileIds.length === 0) {
      throw new EvalrunNotConfiguredError({
        message: `${FILE_IDS_NEEDED}.`,
        vendor: 'humanloop',
        option: 'humanloop.fileIds',
        envVar: 'HUMANLOOP_FILE_IDS',
      })
    }
    // An evaluation belongs to one file, but the same file may be configured twice.
    for (const fileId of new Set(fileIds)) yield* evaluationsOfFile(client, retry, fileId, warn, signal)
  }

  return {
    async *listSuites(query, signal) {
      for await (const evaluation of evaluations(query.warn, signal)) yield mapHumanloopSuite(evaluation)
    },

    async *listStartOptions(query, signal) {
      for await (const evaluation of evaluations(query.warn, signal)) {
        const option = suiteStartOption(mapHumanloopSuite(evaluation), 'evaluationId', query.warn)
        if (option !== null) yield option
      }
    },
  }
}
