// Every vendor's paged listing against servers that page wrongly: each case must cost a bounded number of
// requests and end either in a typed error or in a listing marked `stoppedEarly` (which fails a gate), never in a
// listing that looks whole.
import { EvalrunMalformedResponseError } from '@evalrun/http'
import { fakeFetch, json, type RecordedRequest } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { createEvalrun, type Evalrun, EvalrunListError } from '../src/index.js'
import { braintrustEvent, eventPage } from './fixtures/braintrust.js'
import { braintrustProject, langfuseDataset, langfuseDatasetsPage } from './fixtures/catalog.js'
import { datalabRun } from './fixtures/datalab.js'
import { humanloopEvaluation, humanloopLogs } from './fixtures/humanloop.js'
import { itemsPage, langfuseConfigsPage, langfuseItem } from './fixtures/langfuse.js'
import { openaiEval, openaiItem, openaiPage } from './fixtures/openai.js'
import { datasetsPage, experimentsPage, phoenixDataset, phoenixExperiment } from './fixtures/phoenix.js'
import { promptlayerList, promptlayerPipeline, promptlayerRows } from './fixtures/promptlayer.js'
import { promptlayerNoTables } from './fixtures/promptlayer-tables.js'

/** One page as a hostile server means it: its entries' ids, and the cursor it names for the next page. */
type PageSpec = { ids: number[]; cursor: string } | { body: unknown }
type Behaviour = (index: number) => PageSpec

/** A vendor's paged listing: where its pages are served, how a request names its page, and how a page looks. */
interface VendorListing {
  vendor: string
  route: string
  /** The page a request asks for, counted from 0. */
  pageOf(request: RecordedRequest): number
  /** The page's body, always declaring more to come (a total, a page count, `has_more` or a cursor). */
  body(ids: number[], cursor: string, index: number): unknown
  otherRoutes?: Record<string, () => Response>
  /** The page's field that holds its entries. */
  listKey: string
  /** Whether pages are named by a cursor the server hands out (else by offset or number). */
  cursor: boolean
  /** Whether the vendor declares more to come, so that an empty page can be told from the last. */
  declaresMore: boolean
  read(
    evalrun: Evalrun,
    onWarning: (message: string, vendor: string, detail?: unknown) => void,
  ): AsyncIterable<unknown>
}

const BASE = 'http://127.0.0.1:9'
const cursorIndex = (cursor: unknown) => (typeof cursor === 'string' ? Number(cursor.slice(1)) : 0)
const PER_PAGE = 2

const VENDORS: VendorListing[] = [
  {
    vendor: 'datalab',
    route: 'GET /dl/api/v1/eval_batch_runs',
    pageOf: ({ url }) => Number(url.searchParams.get('offset')) / PER_PAGE,
    body: (ids) => ({ batch_runs: ids.map((id) => datalabRun(id)), total: 1_000_000 }),
    listKey: 'batch_runs',
    cursor: false,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.runs.list({ vendors: ['datalab'], onWarning }),
  },
  {
    vendor: 'promptlayer',
    route: 'GET /pl/api/public/v2/evaluations/{id}/rows',
    pageOf: ({ url }) => Number(url.searchParams.get('page')) - 1,
    body: (ids, _cursor, index) => ({
      ...promptlayerRows,
      rows: ids.map((id) => [
        { type: 'dataset', value: `question ${id}` },
        ...(promptlayerRows.rows[0] ?? []).slice(1),
      ]),
      page: index + 1,
      pages: 1_000_000,
    }),
    listKey: 'rows',
    cursor: false,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.runs.results('promptlayer:5120', { onWarning }),
  },
  {
    vendor: 'humanloop',
    route: 'GET /hl/evaluations/{id}/logs',
    pageOf: ({ url }) => Number(url.searchParams.get('page')) - 1,
    body: (ids, _cursor, index) => ({
      ...humanloopLogs,
      records: ids.map((id) => ({
        ...humanloopLogs.records[1],
        log: { ...humanloopLogs.records[1]?.log, id: `log_${id}` },
      })),
      page: index + 1,
      total: 1_000_000,
    }),
    listKey: 'records',
    cursor: false,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.runs.results('humanloop:evr_1/run_A1', { onWarning }),
  },
  {
    vendor: 'openai',
    route: 'GET /oa/evals/{id}/runs/{id}/output_items',
    pageOf: ({ url }) => cursorIndex(url.searchParams.get('after')),
    body: (ids, cursor) => ({
      ...openaiPage(
        ids.map((id) => openaiItem(`item_${id}`, 'pass', id)),
        true,
      ),
      last_id: cursor,
    }),
    listKey: 'data',
    cursor: true,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.runs.results('openai:eval_1/run_1', { onWarning }),
  },
  {
    vendor: 'braintrust',
    route: 'POST /bt/v1/experiment/{id}/fetch',
    pageOf: ({ body }) => cursorIndex((body as { cursor?: string }).cursor),
    body: (ids, cursor) =>
      eventPage(
        ids.map((id) => braintrustEvent(`ev_${id}`)),
        cursor,
      ),
    // Braintrust sends a cursor with every page that has rows: only an empty page ends its list.
    listKey: 'events',
    cursor: true,
    declaresMore: false,
    read: (evalrun, onWarning) => evalrun.runs.results('braintrust:e1', { onWarning }),
  },
  {
    vendor: 'langfuse',
    route: 'GET /lf/api/public/experiment-items',
    pageOf: ({ url }) => cursorIndex(url.searchParams.get('cursor')),
    body: (ids, cursor) =>
      itemsPage(
        ids.map((id) => langfuseItem(`item_${id}`)),
        cursor,
      ),
    otherRoutes: { 'GET /lf/api/public/score-configs': () => json(langfuseConfigsPage([])) },
    listKey: 'data',
    cursor: true,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.runs.results('langfuse:exp_1', { onWarning }),
  },
  {
    vendor: 'phoenix',
    route: 'GET /phx/v1/datasets/{id}/experiments',
    pageOf: ({ url }) => cursorIndex(url.searchParams.get('cursor')),
    body: (ids, cursor) =>
      experimentsPage(
        ids.map((id) => phoenixExperiment(`RXhwZXJpbWVudDo${id}`)),
        cursor,
      ),
    otherRoutes: { 'GET /phx/v1/datasets/{id}': () => json({ data: phoenixDataset() }) },
    listKey: 'data',
    cursor: true,
    // Phoenix names a next cursor only when a row follows.
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.runs.list({ suite: 'phoenix:RGF0YXNldDox', onWarning }),
  },
]

/** The suite listings, one per vendor: every paging style again, read through `suites.list`. */
const SUITE_LISTINGS: VendorListing[] = [
  {
    vendor: 'datalab',
    route: 'GET /dl/api/v1/eval_batch_runs',
    pageOf: ({ url }) => Number(url.searchParams.get('offset')) / PER_PAGE,
    // One collection per run, so that every run brings a suite.
    body: (ids) => ({ batch_runs: ids.map((id) => datalabRun(id, { collection_id: id })), total: 1_000_000 }),
    listKey: 'batch_runs',
    cursor: false,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.suites.list({ onWarning }),
  },
  {
    vendor: 'promptlayer',
    route: 'GET /pl/api/public/v2/evaluations',
    pageOf: ({ url }) => Number(url.searchParams.get('page')) - 1,
    body: (ids, _cursor, index) =>
      promptlayerList(
        ids.map((id) => promptlayerPipeline(id, [])),
        index + 1,
        1_000_000,
      ),
    // The sheets come after the pipelines: a workspace without Tables here.
    otherRoutes: { 'GET /pl/api/public/v2/tables': () => json(promptlayerNoTables) },
    listKey: 'evaluations',
    cursor: false,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.suites.list({ onWarning }),
  },
  {
    vendor: 'humanloop',
    route: 'GET /hl/evaluations',
    pageOf: ({ url }) => Number(url.searchParams.get('page')) - 1,
    body: (ids, _cursor, index) => ({
      records: ids.map((id) => ({ ...humanloopEvaluation, id: `evr_${id}` })),
      page: index + 1,
      size: 100,
      total: 1_000_000,
    }),
    listKey: 'records',
    cursor: false,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.suites.list({ onWarning }),
  },
  {
    vendor: 'openai',
    route: 'GET /oa/evals',
    pageOf: ({ url }) => cursorIndex(url.searchParams.get('after')),
    body: (ids, cursor) => ({
      ...openaiPage(
        ids.map((id) => ({ ...openaiEval, id: `eval_${id}` })),
        true,
      ),
      last_id: cursor,
    }),
    listKey: 'data',
    cursor: true,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.suites.list({ onWarning }),
  },
  {
    vendor: 'braintrust',
    route: 'GET /bt/v1/project',
    // The next page starts after the last project (`starting_after`), so a page cannot name a cursor of its own.
    pageOf: ({ url }) => Number(url.searchParams.get('starting_after')?.slice(1) ?? 0) / PER_PAGE,
    body: (ids) => ({ objects: ids.map((id) => braintrustProject(`p${id}`, `project ${id}`)) }),
    listKey: 'objects',
    cursor: false,
    declaresMore: false,
    read: (evalrun, onWarning) => evalrun.suites.list({ onWarning }),
  },
  {
    vendor: 'langfuse',
    route: 'GET /lf/api/public/v2/datasets',
    pageOf: ({ url }) => Number(url.searchParams.get('page')) - 1,
    body: (ids, _cursor, index) =>
      langfuseDatasetsPage(
        ids.map((id) => langfuseDataset(`ds_${id}`, `dataset ${id}`)),
        index + 1,
        1_000_000,
      ),
    listKey: 'data',
    cursor: false,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.suites.list({ onWarning }),
  },
  {
    vendor: 'phoenix',
    route: 'GET /phx/v1/datasets',
    pageOf: ({ url }) => cursorIndex(url.searchParams.get('cursor')),
    body: (ids, cursor) =>
      datasetsPage(
        ids.map((id) => phoenixDataset(`RGF0YXNldDo${id}`)),
        cursor,
      ),
    listKey: 'data',
    cursor: true,
    declaresMore: true,
    read: (evalrun, onWarning) => evalrun.suites.list({ onWarning }),
  },
]

const page = (index: number) => [index * PER_PAGE + 1, index * PER_PAGE + 2]
const later =
  (bad: unknown): Behaviour =>
  (index) =>
    index === 0 ? { ids: page(0), cursor: 'c1' } : { body: bad }

/** The hostile servers, each with the most requests its listing may cost. */
const BEHAVIOURS: [
  name: string,
  behaviour: Behaviour,
  maxRequests: number,
  outcome: 'stoppedEarly' | 'malformed',
][] = [
  ['repeats the first page under every position', () => ({ ids: page(0), cursor: 'c1' }), 3, 'stoppedEarly'],
  [
    'rotates three pages under fresh cursors',
    (i) => ({ ids: page(i % 3), cursor: `c${i + 1}` }),
    5,
    'stoppedEarly',
  ],
  ['echoes the cursor it was given', (i) => ({ ids: page(i), cursor: 'c1' }), 3, 'stoppedEarly'],
  ['answers a later page with {}', later({}), 2, 'malformed'],
  ['answers a later page with its list mistyped', later('mistyped'), 2, 'malformed'],
  ['answers a later page with an empty body', later(''), 2, 'malformed'],
  ['answers a later page with an HTML login page', later('html'), 2, 'malformed'],
  ['answers a later page with JSON cut short', later('cut'), 2, 'malformed'],
]

/** A proxy's sign-in page that echoes what it was sent: none of it may reach an error. */
const LOGIN_PAGE = '<html><body>Sign in to continue. Token: sk-test dl-test pl-test</body></html>'

function serve(listing: VendorListing, behaviour: Behaviour) {
  return fakeFetch({
    ...listing.otherRoutes,
    [listing.route]: (request) => {
      const index = listing.pageOf(request)
      const spec = behaviour(index)
      if ('ids' in spec) return json(listing.body(spec.ids, spec.cursor, index))
      if (spec.body === '')
        return new Response('', { status: 200, headers: { 'content-type': 'application/json' } })
      if (spec.body === 'html')
        return new Response(LOGIN_PAGE, { status: 200, headers: { 'content-type': 'text/html' } })
      if (spec.body === 'cut')
        return new Response('{"data": [{"id": ', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      if (spec.body === 'mistyped') {
        const good = listing.body(page(index), `c${index + 1}`, index) as Record<string, unknown>
        return json({ ...good, [listing.listKey]: 'not a list' })
      }
      return json(spec.body)
    },
  })
}

function toRoute(route: string) {
  const [method, path] = route.split(' ') as [string, string]
  const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`)
  return (request: RecordedRequest) => request.method === method && pattern.test(request.url.pathname)
}

function only(vendor: string, fetch: (request: Request) => Promise<Response>): Evalrun {
  const off = {
    datalab: false,
    promptlayer: false,
    humanloop: false,
    openai: false,
    braintrust: false,
    langfuse: false,
    phoenix: false,
  }
  const on: Record<string, unknown> = {
    datalab: { apiKey: 'dl-test', baseUrl: `${BASE}/dl` },
    promptlayer: { apiKey: 'pl-test', baseUrl: `${BASE}/pl` },
    humanloop: { apiKey: 'hl-test', baseUrl: `${BASE}/hl`, fileIds: ['pr_1'] },
    openai: { apiKey: 'sk-test', baseUrl: `${BASE}/oa` },
    braintrust: { apiKey: 'sk-bt-test', baseUrl: `${BASE}/bt` },
    langfuse: { publicKey: 'pk-lf-test', secretKey: 'sk-lf-test', baseUrl: `${BASE}/lf` },
    phoenix: { apiKey: 'phx-test', baseUrl: `${BASE}/phx` },
  }
  return createEvalrun({ fetch, retry: false, ...off, [vendor]: on[vendor] } as never)
}

describe.each([
  ...VENDORS.map((listing) => ({ ...listing, what: 'runs or items' })),
  ...SUITE_LISTINGS.map((listing) => ({ ...listing, what: 'suites' })),
])('$vendor ($what): a hostile server cannot make a listing look whole', (listing) => {
  it.each(BEHAVIOURS)('a server that %s', async (name, behaviour, maxRequests, outcome) => {
    // Pages named by offset or number cannot echo a cursor; a server that serves new pages forever is only large.
    if (name.includes('cursor') && !listing.cursor) return
    const { fetch, requests } = serve(listing, behaviour)
    const details: unknown[] = []
    let entries = 0
    const error = await (async () => {
      for await (const _ of listing.read(only(listing.vendor, fetch), (_m, _v, detail) =>
        details.push(detail),
      ))
        entries++
    })().catch((e: unknown) => (EvalrunListError.isInstance(e) ? e.failures[0]?.error : e))
    expect(requests.filter(toRoute(listing.route)).length).toBeLessThanOrEqual(maxRequests)
    expect(entries).toBeGreaterThan(0)
    if (outcome === 'malformed') {
      expect(EvalrunMalformedResponseError.isInstance(error)).toBe(true)
      expect((error as Error).message).toMatch(
        /where a list of .+ was expected|where JSON was expected|not valid JSON/,
      )
      expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toMatch(
        /Sign in|sk-test|dl-test|pl-test|"id": $/,
      )
    } else {
      expect(error).toBeUndefined()
      expect(details).toContainEqual({ stoppedEarly: true })
    }
  })

  it.runIf(listing.declaresMore)('an empty later page where more were declared stopped early', async () => {
    const { fetch, requests } = serve(listing, (index) =>
      index === 0 ? { ids: page(0), cursor: 'c1' } : { ids: [], cursor: 'c2' },
    )
    const details: unknown[] = []
    let entries = 0
    for await (const _ of listing.read(only(listing.vendor, fetch), (_m, _v, detail) => details.push(detail)))
      entries++
    expect(entries).toBe(PER_PAGE)
    expect(details).toContainEqual({ stoppedEarly: true })
    expect(requests.length).toBeLessThanOrEqual(4)
  })
})
