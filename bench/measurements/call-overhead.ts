/**
 * (1) Per-call overhead: one GET with path and query through each `@evalrun/<vendor>` client, through bare
 * openapi-fetch with the same paths, and through raw `fetch`, all on a stubbed `fetch` that answers at once.
 * Target: our layer adds at most 10 µs per call over bare openapi-fetch (medians).
 */
import type { paths as DatalabPaths } from '@evalrun/datalab'
import type { paths as HumanloopPaths } from '@evalrun/humanloop'
import type { paths as LangfusePaths } from '@evalrun/langfuse'
import type { paths as PromptlayerPaths } from '@evalrun/promptlayer'
import { Bench } from 'tinybench'
import { type Measurement, verdictOf } from '../lib/result.js'
import { median, round } from '../lib/stats.js'
import {
  loadDatalab,
  loadHumanloop,
  loadLangfuse,
  loadOpenapiFetch,
  loadPromptLayer,
} from '../lib/workspace-modules.js'

const BASE_URL = 'https://api.example.test'
const API_KEY = 'bench-key'
/** Langfuse's two keys, sent as HTTP basic auth. */
const PUBLIC_KEY = 'pk-lf-bench'
const BASIC = `Basic ${btoa(`${PUBLIC_KEY}:${API_KEY}`)}`
/** The headers every evalrun client sends besides the key, sent by the bare openapi-fetch clients too. */
const COMMON_HEADERS = { 'User-Agent': '@evalrun/bench/0.0.0', Accept: 'application/json' }
const BODY = JSON.stringify({ records: [{ id: 'log_1', output: 'ok' }], page: 1, size: 10, total: 1 })
const TARGET_US = 10

const BODY_HEADERS = {
  'content-type': 'application/json',
  // As the vendors' servers send it (FastAPI and Flask set it on every JSON answer).
  'content-length': String(new TextEncoder().encode(BODY).byteLength),
}

/** Answers every request at once with the same small JSON page, consuming nothing but the Request. */
const stubFetch = async (_request: Request): Promise<Response> =>
  new Response(BODY, { status: 200, headers: BODY_HEADERS })

interface VendorCase {
  vendor: string
  /** Through `@evalrun/<vendor>`. */
  evalrun: () => Promise<unknown>
  /** Through openapi-fetch alone, with the auth header set by hand. */
  openapiFetch: () => Promise<unknown>
  /** Through fetch: the URL built by hand, the body parsed by hand. */
  rawFetch: () => Promise<unknown>
}

async function vendorCases(): Promise<VendorCase[]> {
  const createClient = await loadOpenapiFetch()
  const { createDatalabClient } = await loadDatalab()
  const { createPromptLayerClient } = await loadPromptLayer()
  const { createHumanloopClient } = await loadHumanloop()
  const { createLangfuseClient } = await loadLangfuse()
  const options = { apiKey: API_KEY, baseUrl: BASE_URL, fetch: stubFetch }
  const raw = async (path: string, header: string, value = API_KEY) =>
    (
      await stubFetch(new Request(`${BASE_URL}${path}`, { headers: { [header]: value, ...COMMON_HEADERS } }))
    ).json()

  const datalab = createDatalabClient(options)
  const datalabBare = createClient<DatalabPaths>({
    baseUrl: BASE_URL,
    fetch: stubFetch,
    headers: { 'X-API-Key': API_KEY, ...COMMON_HEADERS },
  })
  const datalabParams = { params: { path: { collection_id: 7 }, query: { limit: 50, cursor: 'c1' } } }

  const promptlayer = createPromptLayerClient(options)
  const promptlayerBare = createClient<PromptlayerPaths>({
    baseUrl: BASE_URL,
    fetch: stubFetch,
    headers: { 'X-API-KEY': API_KEY, ...COMMON_HEADERS },
  })
  const promptlayerParams = { params: { path: { evaluation_id: 7 }, query: { page: 2, per_page: 50 } } }

  const humanloop = createHumanloopClient(options)
  const humanloopBare = createClient<HumanloopPaths>({
    baseUrl: BASE_URL,
    fetch: stubFetch,
    headers: { 'X-API-KEY': API_KEY, ...COMMON_HEADERS },
  })
  const humanloopParams = { params: { path: { id: 'ev_1' }, query: { page: 2, size: 50 } } }

  // Langfuse's client also keeps the server's clock from each response's Date header (none from this stub).
  const langfuse = createLangfuseClient({
    publicKey: PUBLIC_KEY,
    secretKey: API_KEY,
    baseUrl: BASE_URL,
    fetch: stubFetch,
  })
  const langfuseBare = createClient<LangfusePaths>({
    baseUrl: BASE_URL,
    fetch: stubFetch,
    headers: { Authorization: BASIC, ...COMMON_HEADERS },
  })
  const langfuseParams = {
    params: { query: { fromStartTime: '2026-11-01T00:00:00.000Z', limit: 100, cursor: 'c1' } },
  }

  return [
    {
      vendor: 'datalab',
      evalrun: () => datalab.GET('/api/v1/collections/{collection_id}/files', datalabParams),
      openapiFetch: () => datalabBare.GET('/api/v1/collections/{collection_id}/files', datalabParams),
      rawFetch: () => raw('/api/v1/collections/7/files?limit=50&cursor=c1', 'X-API-Key'),
    },
    {
      vendor: 'promptlayer',
      evalrun: () => promptlayer.GET('/api/public/v2/evaluations/{evaluation_id}/rows', promptlayerParams),
      openapiFetch: () =>
        promptlayerBare.GET('/api/public/v2/evaluations/{evaluation_id}/rows', promptlayerParams),
      rawFetch: () => raw('/api/public/v2/evaluations/7/rows?page=2&per_page=50', 'X-API-KEY'),
    },
    {
      vendor: 'humanloop',
      evalrun: () => humanloop.GET('/evaluations/{id}/logs', humanloopParams),
      openapiFetch: () => humanloopBare.GET('/evaluations/{id}/logs', humanloopParams),
      rawFetch: () => raw('/evaluations/ev_1/logs?page=2&size=50', 'X-API-KEY'),
    },
    {
      vendor: 'langfuse',
      evalrun: () => langfuse.GET('/api/public/experiments', langfuseParams),
      openapiFetch: () => langfuseBare.GET('/api/public/experiments', langfuseParams),
      rawFetch: () =>
        raw(
          '/api/public/experiments?fromStartTime=2026-11-01T00%3A00%3A00.000Z&limit=100&cursor=c1',
          'Authorization',
          BASIC,
        ),
    },
  ]
}

/** Rounds of every task in turn: a shared machine's load drifts, and each figure should meet the same drift. */
const ROUNDS = 15

export async function measureCallOverhead(): Promise<Measurement> {
  const cases = await vendorCases()
  const tasks = cases.flatMap((c) => [
    { name: `${c.vendor} evalrun`, fn: c.evalrun },
    { name: `${c.vendor} openapi-fetch`, fn: c.openapiFetch },
    { name: `${c.vendor} raw fetch`, fn: c.rawFetch },
  ])
  const p50sByTask = new Map<string, number[]>(tasks.map((task) => [task.name, []]))
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: 150, warmupTime: round === 0 ? 250 : 50 })
    // Each round starts with a different task, so that none always runs first or last.
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[(round + i) % tasks.length] as (typeof tasks)[number]
      bench.add(task.name, task.fn)
    }
    await bench.run()
    for (const task of bench.tasks) {
      const result = task.result
      if (result?.state !== 'completed') throw new Error(`bench task ${task.name} did not complete`)
      p50sByTask.get(task.name)?.push(result.latency.p50 * 1_000)
    }
  }
  const p50Us = (name: string): number => median(p50sByTask.get(name) ?? [])

  const rows = cases.map(({ vendor }) => {
    const ours = p50Us(`${vendor} evalrun`)
    const bare = p50Us(`${vendor} openapi-fetch`)
    const raw = p50Us(`${vendor} raw fetch`)
    return {
      vendor,
      'evalrun p50 (µs)': round(ours, 1),
      'openapi-fetch p50 (µs)': round(bare, 1),
      'raw fetch p50 (µs)': round(raw, 1),
      'added over openapi-fetch (µs)': round(ours - bare, 1),
      'evalrun / openapi-fetch': round(ours / bare),
      'evalrun / raw fetch': round(ours / raw),
    }
  })
  const worst = Math.max(...rows.map((row) => row['added over openapi-fetch (µs)']))
  return {
    id: 1,
    title: 'Per-call overhead (stubbed fetch)',
    target: `adds ≤ ${TARGET_US} µs per call over bare openapi-fetch`,
    verdict: verdictOf(worst <= TARGET_US),
    summary: `evalrun adds at most ${worst} µs per call over bare openapi-fetch (median of each task)`,
    rows,
    notes: [
      `tinybench in ${ROUNDS} rounds of 150 ms per task (after warm-up), every task in each round, each round starting with a different task; each figure is the median of a task's per-round medians.`,
      'Each call builds, sends (to a stub that answers at once, with Content-Type and Content-Length as the vendors do) and parses one GET with path and query parameters; all three send the same headers (key, User-Agent, Accept). Langfuse sends its two keys as basic auth, and its client also reads the Date header of each response (the server clock its experiments are judged by).',
      "evalrun's extra work per call: a per-attempt time limit (a timer and an AbortController per attempt), the retry loop, and reading the body whole before returning (so that a cut-off body is retried).",
    ],
  }
}
