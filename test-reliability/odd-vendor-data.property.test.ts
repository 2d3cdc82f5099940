import { type Client, EvalrunApiError, request } from '@evalrun/http'
import { describeErrorBody } from '@evalrun/http/internal'
import { createEvalrun, type EvalItem, type EvalRun, EvalrunError, RUN_STATUSES } from 'evalrun'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  braintrustChildEvent,
  braintrustEvent,
  braintrustExperiment,
  braintrustSummary,
} from '../packages/evalrun/test/fixtures/braintrust.js'
import { datalabResults, datalabRunCompleted } from '../packages/evalrun/test/fixtures/datalab.js'
import {
  humanloopEvaluation,
  humanloopRunCompleted,
  humanloopStats,
} from '../packages/evalrun/test/fixtures/humanloop.js'
import {
  experimentsPage,
  itemsPage,
  langfuseConfig,
  langfuseConfigsPage,
  langfuseExperiment,
  langfuseItem,
  numericScore,
} from '../packages/evalrun/test/fixtures/langfuse.js'
import { openaiItem, openaiPage, openaiRun } from '../packages/evalrun/test/fixtures/openai.js'
import { promptlayerReport, promptlayerScore } from '../packages/evalrun/test/fixtures/promptlayer.js'
import { recordFigures } from './support/figures.js'

/**
 * The mappers on their own are fuzzed in packages/evalrun/test/mappers.property.test.ts. These properties go
 * through the whole client instead: bytes on the wire → HTTP layer → adapter → mapper, as a vendor would send
 * them, with any status.
 */
const CASES_PER_VENDOR = 2_000
const CASES_ERROR_PARSING = 5_000

const NULL_BODY_STATUSES = new Set([204, 205, 304])
const ITEM_STATUSES = ['passed', 'failed', 'error', 'pending', 'skipped', 'completed', 'unknown']

/** A valid payload with some fields replaced by arbitrary JSON: the likeliest real-world oddity. */
function nearValid(base: object) {
  return fc
    .dictionary(fc.constantFrom(...Object.keys(base), 'status', 'id', '__proto__'), fc.jsonValue(), {
      maxKeys: 4,
    })
    .map((patch) => JSON.stringify({ ...base, ...patch }))
}

/** A page holding one valid entry (an event, an item) with some of its fields replaced by arbitrary JSON. */
function nearValidEntry<Entry extends object>(entry: Entry, page: (entries: Entry[]) => object) {
  return fc
    .dictionary(fc.constantFrom(...Object.keys(entry)), fc.jsonValue(), { maxKeys: 4 })
    .map((patch) => JSON.stringify(page([{ ...entry, ...patch }])))
}

/** What a vendor might answer: near-valid JSON, any JSON, or text that is not JSON. */
const wireBody = (base: object) =>
  fc.oneof(
    { weight: 4, arbitrary: nearValid(base) },
    { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string() },
  )
const wireStatus = fc.oneof(
  { weight: 6, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
)

type Answer = { status: number; body: string }

/** One client for all properties; each case swaps in the answers by path suffix. */
let answers: Array<[RegExp, Answer]> = []
const vendorOptions = {
  retry: false as const,
  fetch: async (request: Request) => {
    const path = new URL(request.url).pathname
    const answer = answers.find(([pattern]) => pattern.test(path))?.[1] ?? { status: 404, body: '{}' }
    const body = NULL_BODY_STATUSES.has(answer.status) ? null : answer.body
    return new Response(body, { status: answer.status, headers: { 'content-type': 'application/json' } })
  },
  datalab: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/dl' },
  promptlayer: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/pl' },
  humanloop: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/hl', fileIds: ['pr_1'] },
  openai: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/oa' },
  braintrust: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/bt' },
  langfuse: { publicKey: 'pk-lf-k', secretKey: 'sk-lf-k', baseUrl: 'http://127.0.0.1:9/lf' },
}
const evalrun = createEvalrun(vendorOptions)

const tally = { resolved: 0, typedErrors: 0, unknownStatusWithWarning: 0 }

/** Never a crash: a valid run, or one of evalrun's typed errors. */
async function expectRunOrTypedError(read: () => Promise<EvalRun>) {
  let run: EvalRun
  try {
    run = await read()
  } catch (error) {
    expect(EvalrunError.isInstance(error), `untyped failure: ${String(error)}`).toBe(true)
    expect((error as Error).message.length).toBeGreaterThan(0)
    tally.typedErrors++
    return
  }
  tally.resolved++
  expect(RUN_STATUSES).toContain(run.status)
  expect(run.terminal).toBe(['completed', 'failed', 'canceled'].includes(run.status))
  // An unknown status is never silent: a warning says what was not understood.
  if (run.status === 'unknown') {
    expect(run.warnings.length).toBeGreaterThan(0)
    tally.unknownStatusWithWarning++
  }
  for (const warning of run.warnings) expect(typeof warning).toBe('string')
  for (const date of [run.createdAt, run.startedAt, run.completedAt]) {
    if (date !== null) expect(Number.isNaN(date.getTime())).toBe(false)
  }
  if (run.score !== null) expect(Number.isFinite(run.score)).toBe(true)
}

/** Never a crash: items with a valid status and a key, or one of evalrun's typed errors. */
async function expectItemsOrTypedError(items: AsyncIterable<EvalItem>) {
  try {
    for await (const item of items) {
      expect(ITEM_STATUSES).toContain(item.status)
      expect(typeof item.key).toBe('string')
    }
  } catch (error) {
    expect(EvalrunError.isInstance(error), String(error)).toBe(true)
  }
}

describe('odd vendor data through the whole client', () => {
  it('Datalab: runs.get and runs.results', async () => {
    await fc.assert(
      fc.asyncProperty(
        wireStatus,
        wireBody(datalabRunCompleted),
        wireBody(datalabResults),
        async (status, run, results) => {
          answers = [
            [/\/results$/, { status, body: results }],
            [/\/eval_batch_runs\/\d+$/, { status, body: run }],
          ]
          await expectRunOrTypedError(() => evalrun.runs.get('datalab:1'))
          await expectItemsOrTypedError(evalrun.runs.results('datalab:1'))
        },
      ),
      { numRuns: CASES_PER_VENDOR },
    )
  })

  it('PromptLayer: runs.get (report, then score)', async () => {
    await fc.assert(
      fc.asyncProperty(
        wireStatus,
        fc.oneof(wireBody(promptlayerReport), nearValid({ ...promptlayerReport, status: 'COMPLETED' })),
        wireStatus,
        wireBody(promptlayerScore),
        async (status, report, scoreStatus, score) => {
          answers = [
            [/\/score$/, { status: scoreStatus, body: score }],
            [/\/reports\/\d+$/, { status, body: report }],
          ]
          await expectRunOrTypedError(() => evalrun.runs.get('promptlayer:1'))
        },
      ),
      { numRuns: CASES_PER_VENDOR },
    )
  })

  it('Humanloop: runs.get (evaluation, runs, stats)', async () => {
    const runsBody = fc
      .dictionary(fc.constantFrom(...Object.keys(humanloopRunCompleted)), fc.jsonValue(), { maxKeys: 4 })
      .map((patch) =>
        JSON.stringify({ runs: [{ ...humanloopRunCompleted, ...patch, id: humanloopRunCompleted.id }] }),
      )
    await fc.assert(
      fc.asyncProperty(
        wireStatus,
        wireBody(humanloopEvaluation),
        fc.oneof(runsBody, wireBody({ runs: [] })),
        wireBody(humanloopStats),
        async (status, evaluation, runs, stats) => {
          answers = [
            [/\/runs$/, { status, body: runs }],
            [/\/stats$/, { status: 200, body: stats }],
            [/\/evaluations\/[^/]+$/, { status: 200, body: evaluation }],
          ]
          await expectRunOrTypedError(() =>
            evalrun.runs.get(`humanloop:${humanloopEvaluation.id}/${humanloopRunCompleted.id}`),
          )
        },
      ),
      { numRuns: CASES_PER_VENDOR },
    )
  })

  it('Braintrust: runs.get (experiment, summary, newest trace) and runs.results', async () => {
    const page = (events: unknown[]) => ({ events, cursor: null })
    const eventsBody = fc.oneof(
      wireBody(page([braintrustEvent('ev1'), braintrustChildEvent('ev2', 'ev1')])),
      nearValidEntry(braintrustEvent('ev1'), page),
    )
    await fc.assert(
      fc.asyncProperty(
        wireStatus,
        wireBody(braintrustExperiment('e1')),
        wireBody(braintrustSummary),
        eventsBody,
        async (status, experiment, summary, events) => {
          answers = [
            [/\/summarize$/, { status: 200, body: summary }],
            [/\/fetch$/, { status: 200, body: events }],
            [/\/experiment\/[^/]+$/, { status, body: experiment }],
          ]
          await expectRunOrTypedError(() => evalrun.runs.get('braintrust:e1'))
          await expectItemsOrTypedError(evalrun.runs.results('braintrust:e1'))
        },
      ),
      { numRuns: CASES_PER_VENDOR },
    )
  })

  it('OpenAI: runs.get and runs.results', async () => {
    const itemsBody = fc.oneof(
      wireBody(openaiPage([openaiItem('oi1', 'pass', 1), openaiItem('oi2', 'fail', 2)], false)),
      nearValidEntry(openaiItem('oi1', 'pass', 1), (entries) => openaiPage(entries, false)),
    )
    await fc.assert(
      fc.asyncProperty(wireStatus, wireBody(openaiRun('r1')), itemsBody, async (status, run, items) => {
        answers = [
          [/\/output_items$/, { status: 200, body: items }],
          [/\/runs\/[^/]+$/, { status, body: run }],
        ]
        await expectRunOrTypedError(() => evalrun.runs.get('openai:eval_1/r1'))
        await expectItemsOrTypedError(evalrun.runs.results('openai:eval_1/r1'))
      }),
      { numRuns: CASES_PER_VENDOR },
    )
  })

  it('Langfuse: runs.get (score configs, experiment) and runs.results', async () => {
    const scored = { scores: [numericScore('accuracy', 0.8)] }
    const experimentBody = fc.oneof(
      wireBody(experimentsPage([langfuseExperiment('e1', scored)])),
      nearValidEntry(langfuseExperiment('e1', scored), experimentsPage),
    )
    const itemsBody = fc.oneof(
      wireBody(itemsPage([langfuseItem('i1', scored)])),
      nearValidEntry(langfuseItem('i1', scored), itemsPage),
    )
    await fc.assert(
      fc.asyncProperty(
        wireStatus,
        experimentBody,
        wireBody(langfuseConfigsPage([langfuseConfig('accuracy')])),
        itemsBody,
        async (status, experiment, configs, items) => {
          answers = [
            [/\/score-configs$/, { status: 200, body: configs }],
            [/\/experiment-items$/, { status: 200, body: items }],
            [/\/experiments$/, { status, body: experiment }],
          ]
          // A client per case: the adapter keeps score configs for a minute, and each case brings its own.
          const client = createEvalrun(vendorOptions)
          await expectRunOrTypedError(() => client.runs.get('langfuse:e1'))
          await expectItemsOrTypedError(client.runs.results('langfuse:e1'))
        },
      ),
      { numRuns: CASES_PER_VENDOR },
    )
    recordFigures('odd-vendor-data', {
      casesPerVendor: CASES_PER_VENDOR,
      errorParsingCases: CASES_ERROR_PARSING,
      ...tally,
    })
  })
})

describe('error parsing in the HTTP layer', () => {
  const anything = fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true })
  const fastApiLike = fc.record({
    detail: fc.oneof(
      fc.string(),
      fc.array(fc.record({ loc: fc.array(anything, { maxLength: 4 }), msg: anything, type: anything }), {
        maxLength: 4,
      }),
      fc.record({ message: anything, msg: anything }),
    ),
  })

  it('describeErrorBody: one short line, whatever the body', () => {
    fc.assert(
      fc.property(
        fc.oneof(anything, fastApiLike, fc.record({ message: anything, error: anything })),
        (body) => {
          const reason = describeErrorBody(body)
          expect(typeof reason).toBe('string')
          expect(reason.length).toBeLessThanOrEqual(300)
        },
      ),
      { numRuns: CASES_ERROR_PARSING },
    )
  })

  it('request: an EvalrunApiError with the status for any error status and body, the data otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }),
        fc.oneof(anything, fastApiLike),
        async (status, body) => {
          const response = new Response(null, { status })
          // A client answering as openapi-fetch does: the body as `data` on success, as `error` otherwise.
          const client = {
            GET: async () => (response.ok ? { data: body, response } : { error: body, response }),
          } as unknown as Client<{ '/x': { get: { responses: object } } }>
          const thrown = await request(client, 'GET', '/x').then(
            (data) => {
              expect(data).toBe(body)
              return null
            },
            (error: unknown) => error,
          )
          if (response.ok) return
          expect(EvalrunApiError.isInstance(thrown)).toBe(true)
          const apiError = thrown as EvalrunApiError
          expect(apiError.status).toBe(status)
          expect(apiError.message).toContain(`answered ${status}`)
          expect(typeof apiError.isRetryable).toBe('boolean')
        },
      ),
      { numRuns: CASES_ERROR_PARSING },
    )
  })
})
