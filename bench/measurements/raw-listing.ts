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

  /**
   * Score configs first (their Date header is the server's clock), then experiments from 30 days before it by
   * cursor, 100 a page, leaving out those clipped at the window's start: what the adapter does without `since`.
   */
  async function langfuse(): Promise<number> {
    const basic = `Basic ${btoa(sandbox.apiKeys.langfuse)}`
    const configs = await fetch(`${sandbox.urls.langfuse}/api/public/score-configs?page=1&limit=100`, {
      headers: { Authorization: basic },
    })
    await configs.json()
    const now = Date.parse(configs.headers.get('date') ?? '') || Date.now()
    const from = Math.floor(now / 1000) * 1000 - 30 * 86_400_000 - 1
    const fromStartTime = new Date(from).toISOString()
    let count = 0
    for (let cursor = ''; ; ) {
      const query = `fromStartTime=${fromStartTime}&fields=core,metadata,scores&scoreLimit=50&limit=100${cursor}`
      const page = await get('langfuse', 'Authorization', `/api/public/experiments?${query}`, basic)
      for (const experiment of array(page, 'data'))
        if (Date.parse(String(experiment.startTime)) > from) count++
      const next = (page.meta as Json | undefined)?.cursor
      if (typeof next !== 'string' || next === '') return count
      cursor = `&cursor=${next}`
    }
  }

  /** Datasets by cursor, then each dataset's experiments by cursor, 100 a page, as the adapter reads them. */
  async function phoenix(): Promise<number> {
    const bearer = `Bearer ${sandbox.apiKeys.phoenix}`
    const next = (page: Json) =>
      typeof page.next_cursor === 'string' ? `&cursor=${encodeURIComponent(page.next_cursor)}` : null
    let count = 0
    for (let cursor: string | null = ''; cursor !== null; ) {
      const datasets = await get('phoenix', 'Authorization', `/v1/datasets?limit=100${cursor}`, bearer)
      for (const dataset of array(datasets, 'data')) {
        const path = `/v1/datasets/${encodeURIComponent(String(dataset.id))}/experiments?limit=100`
        for (let after: string | null = ''; after !== null; ) {
          const experiments = await get('phoenix', 'Authorization', `${path}${after}`, bearer)
          count += array(experiments, 'data').length
          after = next(experiments)
        }
      }
      cursor = next(datasets)
    }
    return count
  }

  const counts = await Promise.all([datalab(), promptlayer(), humanloop(), openai(), langfuse(), phoenix()])
  return counts.reduce((sum, n) => sum + n, 0)
}
