import type {
  BraintrustClient,
  DatasetList,
  ExperimentList,
  FunctionList,
  Project,
  ProjectList,
} from '@evalrun/braintrust'
import { request } from '@evalrun/braintrust'
import { retryPolicyOf } from '@evalrun/http/internal'
import type { EvalrunAdapter } from '../../core/adapter.js'
import { cursorPaging, type ListingWarn, listIn, paginate } from '../../core/paginate.js'
import { readArray, readId } from '../../core/read-json.js'
import { mapBraintrustStartOptions } from './map-start-option.js'
import { mapBraintrustSuite } from './map-suite.js'

/** Objects per page of the project, dataset and function lists. */
const PAGE_SIZE = 100

type ObjectPath = '/v1/project' | '/v1/dataset' | '/v1/function' | '/v1/experiment'

/**
 * Braintrust's suites (projects) and what a launch takes ids of: projects, datasets, saved functions, and the
 * experiments a new one can be compared with.
 */
export function braintrustCatalog(
  client: BraintrustClient,
): Pick<EvalrunAdapter<'braintrust'>, 'listSuites' | 'listStartOptions'> {
  const retry = retryPolicyOf(client)
  // Each list is `{ objects }`, newest first, continued with `starting_after=<last id>`; no "more" flag, so only
  // an empty page ends it.
  function objects(path: ObjectPath, entries: string, warn: ListingWarn, signal: AbortSignal) {
    // The four lists take the same paging query; typed as the project list's.
    const read = (after: string | undefined) =>
      request(client, 'GET', path as '/v1/project', {
        params: { query: { limit: PAGE_SIZE, ...(after === undefined ? {} : { starting_after: after }) } },
        signal,
      })
    return paginate({
      vendor: 'Braintrust',
      retry,
      operation: `GET ${path}`,
      entries,
      paging: cursorPaging((page) => readId<Project>(readArray<ProjectList>(page, 'objects').at(-1), 'id')),
      read,
      list: listIn<ProjectList | DatasetList | FunctionList | ExperimentList>('objects'),
      key: (entry) => readId<Project>(entry, 'id'),
      warn,
      signal,
    })
  }

  return {
    async *listSuites(query, signal) {
      for await (const project of objects('/v1/project', 'projects', query.warn, signal)) {
        yield mapBraintrustSuite(project)
      }
    },

    async *listStartOptions(query, signal) {
      const lists = [
        ['/v1/project', 'projects', 'project'],
        ['/v1/dataset', 'datasets', 'dataset'],
        ['/v1/function', 'functions', 'function'],
        ['/v1/experiment', 'experiments', 'experiment'],
      ] as const
      for (const [path, entries, what] of lists) {
        for await (const entry of objects(path, entries, query.warn, signal)) {
          yield* mapBraintrustStartOptions(entry, what, query.warn)
        }
      }
    },
  }
}
