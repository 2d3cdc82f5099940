/**
 * (1) Per-call overhead: one GET with path and query through each `@evalrun/<vendor>` client, through bare
 * openapi-fetch with the same paths, and through raw `fetch`, all on a stubbed `fetch` that answers at once.
 * Target: our layer adds at most 10 µs per call over bare openapi-fetch (medians).
 */
import type { paths as DatalabPaths } from '@evalrun/datalab'
import type { paths as HumanloopPaths } from '@evalrun/humanloop'
import type { paths as LangfusePaths } from '@evalrun/langfuse'
import type { paths as PromptlayerPaths } from '@evalrun/promptlayer'
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

const BODY_BYTES = new TextEncoder().encode(BODY)
const BODY_HEADERS = {
  'content-type': 'application/json',
  // As the vendors' servers send it (FastAPI and Flask set it on every JSON answer).
  'content-length': String(BODY_BYTES.byteLength),
}

/**
 * Answers every request at once with the same small JSON page, consuming nothing but the Request. Each answer is
 * a fresh Response over a stream of fresh bytes, as a real fetch hands over: a Response built from a string, or
 * one reused, is cheaper to read and hid a good part of what a call costs.
 */
const stubFetch = async (_request: Request): Promise<Response> =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(BODY_BYTES.slice())
        controller.close()
      },
    }),
    { status: 200, headers: BODY_HEADERS },
  )

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

/**
 * Calls per timed batch: long enough that each batch holds the garbage collections its own calls cause (in short
 * batches the median leaves them out, or they land in the neighbour's batch), short enough that drift hits both
 * sides of a pair alike.
 */
const BATCH = 1_000
/** Batches of each contender per vendor, in turn (ours, bare, raw, rotating which goes first). */
const PAIRS = 40
const WARMUP_CALLS = 2_000

async function batchMeanUs(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < BATCH; i++) await call()
  return ((performance.now() - started) * 1_000) / BATCH
}

/**
 * Each vendor's three contenders timed in alternating batches. The overhead is the median over pairs of
 * (our batch − the bare batch next to it), so that the machine's drift, which moves both, cancels out.
 */
async function timeCase(c: VendorCase) {
  const contenders = [c.evalrun, c.openapiFetch, c.rawFetch]
  for (const call of contenders) for (let i = 0; i < WARMUP_CALLS; i++) await call()
  const means: [number[], number[], number[]] = [[], [], []]
  const added: number[] = []
  for (let pair = 0; pair < PAIRS; pair++) {
    const batch: number[] = [0, 0, 0]
    for (let j = 0; j < contenders.length; j++) {
      const index = (pair + j) % contenders.length
      batch[index] = await batchMeanUs(contenders[index] as () => Promise<unknown>)
    }
    for (const [index, mean] of batch.entries()) means[index as 0 | 1 | 2].push(mean)
    added.push((batch[0] as number) - (batch[1] as number))
  }
  return { ours: median(means[0]), bare: median(means[1]), raw: median(means[2]), added: median(added) }
}

export async function measureCallOverhead(): Promise<Measurement> {
  const cases = await vendorCases()
  const rows = []
  for (const c of cases) {
    const { ours, bare, raw, added } = await timeCase(c)
    rows.push({
      vendor: c.vendor,
      'evalrun (µs)': round(ours, 1),
      'openapi-fetch (µs)': round(bare, 1),
      'raw fetch (µs)': round(raw, 1),
      'added over openapi-fetch (µs)': round(added, 1),
      'evalrun / openapi-fetch': round(ours / bare),
      'evalrun / raw fetch': round(ours / raw),
    })
  }
  const worst = Math.max(...rows.map((row) => row['added over openapi-fetch (µs)']))
  return {
    id: 1,
    title: 'Per-call overhead (stubbed fetch)',
    target: `adds ≤ ${TARGET_US} µs per call over bare openapi-fetch`,
    verdict: verdictOf(worst <= TARGET_US),
    summary: `evalrun adds at most ${worst} µs per call over bare openapi-fetch (median over paired batches)`,
    rows,
    notes: [
      `Per vendor, ${PAIRS} rounds of one batch of ${BATCH} calls each through evalrun, bare openapi-fetch and raw fetch, in turn (each round starting with a different one), after ${WARMUP_CALLS} warm-up calls each. Times are the median of the batch means; "added" is the median over rounds of evalrun's batch minus openapi-fetch's batch of the same round, so that the shared machine's drift cancels out.`,
      'Each call builds, sends (to a stub that answers at once with a fresh streamed Response, as a real fetch does, with Content-Type and Content-Length as the vendors do) and parses one GET with path and query parameters; all three send the same headers (key, User-Agent, Accept). Langfuse sends its two keys as basic auth, and its client also reads the Date header of each response (the server clock its experiments are judged by).',
      "evalrun's extra work per call: a per-attempt time limit (a timer, and an AbortController when the fetch reads the signal, which this stub does not), the retry loop, and reading the body whole before returning (so that a cut-off body is retried).",
    ],
  }
}
