/**
 * The hand-written alternative to `runs.list()` for measurement 6: the same pages, read with bare `fetch` and
 * `JSON.parse`, the vendors concurrently, runs counted but not mapped. Requests mirror the adapters'.
 */
import type { RemoteSandbox } from '../lib/sandbox-process.js'

type Json = Record<string, unknown>

export async function listRawRuns(sandbox: Omit<RemoteSandbox, 'close'>): Promise<number> {
  const get = async (
    vendor: keyof RemoteSandbox['urls'],
    header: string,
    path: string,
    value: string = sandbox.apiKeys[vendor],
  ): Promise<Json> => {
    const response = await fetch(`${sandbox.urls[vendor]}${path}`, { headers: { [header]: value } })
    if (!response.ok) throw new Error(`${vendor} ${path}: ${response.status}`)
    return (await response.json()) as Json
  }
  const array = (body: Json, key: string) => (body[key] as Json[] | undefined) ?? []

  async function datalab(): Promise<number> {
    let count = 0
    for (let offset = 0; ; ) {
      const page = await get('datalab', 'X-API-Key', `/api/v1/eval_batch_runs?limit=200&offset=${offset}`)
      const runs = array(page, 'batch_runs')
      count += runs.length
      offset += runs.length
      if (runs.length === 0 || offset >= Number(page.total)) return count
    }
  }

  async function promptlayer(): Promise<number> {
    let count = 0
    for (let page = 1; ; page++) {
      const query = `include_runs=true&page=${page}&per_page=20&sort_by=created_at&sort_order=desc`
      const body = await get('promptlayer', 'X-API-KEY', `/api/public/v2/evaluations?${query}`)
      const pipelines = array(body, 'evaluations')
      for (const pipeline of pipelines) {
        if (pipeline.is_blueprint !== false) count += array(pipeline, 'runs').length
      }
      if (pipelines.length === 0 || page >= Number(body.pages)) return count
    }
  }

  async function humanloop(): Promise<number> {
    let count = 0
    for (const file of sandbox.catalog.humanloop.files) {
      for (let page = 1; ; page++) {
        const body = await get(
          'humanloop',
          'X-API-KEY',
          `/evaluations?file_id=${file.id}&page=${page}&size=100`,
        )
        const evaluations = array(body, 'records')
        for (const evaluation of evaluations) {
          if (evaluation.runs_count === 0) continue
          const [runs] = await Promise.all([
            get('humanloop', 'X-API-KEY', `/evaluations/${evaluation.id}/runs`),
            get('humanloop', 'X-API-KEY', `/evaluations/${evaluation.id}/stats`),
          ])
          count += array(runs, 'runs').length
        }
        if (evaluations.length === 0 || page * 100 >= Number(body.total)) break
      }
    }
    return count
  }

  /** Evals newest first by cursor, then each eval's runs by cursor, 100 a page, as the adapter reads them. */
  async function openai(): Promise<number> {
    const bearer = `Bearer ${sandbox.apiKeys.openai}`
    let count = 0
    for (let after = ''; ; ) {
      const evals = await get('openai', 'Authorization', `/evals?limit=100&order=desc${after}`, bearer)
      for (const evaluation of array(evals, 'data')) {
        for (let runsAfter = ''; ; ) {
          const path = `/evals/${evaluation.id}/runs?limit=100&order=desc${runsAfter}`
          const runs = await get('openai', 'Authorization', path, bearer)
          count += array(runs, 'data').length
          if (runs.has_more !== true) break
          runsAfter = `&after=${runs.last_id}`
        }
      }
      if (evals.has_more !== true) return count
      after = `&after=${evals.last_id}`
    }
  }

  const counts = await Promise.all([datalab(), promptlayer(), humanloop(), openai()])
  return counts.reduce((sum, n) => sum + n, 0)
}
