import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvalrun, type EvalRun, type Evalrun } from '../src/index.js'
import {
  PromptLayerConfirmationRequiredError,
  PromptLayerNothingToRecalculateError,
} from '../src/vendors/promptlayer/index.js'

// PromptLayer's Tables runs end to end against the sandbox, on its manual clock: each poll moves it one second on.
let sandbox: Sandbox
let evalrun: Evalrun

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 11, clock: 'manual' })
  evalrun = createEvalrun(sandbox.clientOptions)
})
afterAll(() => sandbox.close())

const sheetWith = (stale: (cells: number) => boolean) => {
  const sheet = sandbox.catalog.promptlayer.sheets.find((one) => stale(one.staleCells))!
  return { vendor: 'promptlayer' as const, tableId: sheet.tableId, sheetId: sheet.sheetId }
}

const waitAdvancing = (run: EvalRun, stepMs = 1_000) =>
  evalrun.runs.wait(run, {
    pollIntervalMs: 5,
    maxPollIntervalMs: 5,
    timeoutMs: 60_000,
    onProgress: () => sandbox.clock.advance(stepMs),
  })

describe('PromptLayer Tables runs on the sandbox', () => {
  it('start → wait → results → compare with the previous version of the sheet', async () => {
    const input = sheetWith((cells) => cells > 0 && cells <= 30)
    const started = await evalrun.runs.start(input)
    expect(started.ref).toMatch(/^promptlayer:tables\/[^/]+\/[^/]+\/op\/[^/]+$/)
    expect(started.suite).toMatchObject({
      kind: 'sheet',
      ref: `promptlayer:sheet/${input.tableId}/${input.sheetId}`,
    })
    expect(started.terminal).toBe(false)

    const done = await waitAdvancing(started)
    expect(done).toMatchObject({ ref: started.ref, status: 'completed', vendorStatus: 'completed' })
    expect(done.score).toEqual(expect.any(Number))
    expect(done.passRate).toEqual(expect.any(Number))
    expect(done.metrics.map((metric) => metric.name)).toEqual(['scorecard verdict', 'row verdicts'])

    const items = await collect(evalrun.runs.results(done))
    expect(items).toHaveLength(12)
    expect(items[0]!.key).toBe('row_index 0')
    expect(new Set(items.map((item) => item.status))).not.toContain('pending')
    const passed = items.filter((item) => item.status === 'passed').length
    const judged = items.filter((item) => ['passed', 'failed', 'error'].includes(item.status)).length
    expect(done.passRate).toBeCloseTo(passed / judged, 10)
    expect(items.find((item) => item.status === 'passed')!.judgements[0]).toMatchObject({
      name: 'Answer is correct',
      passed: true,
    })

    // The sheet's runs, newest first: its new scoring, then the saved versions before it.
    const runs = await collect(evalrun.runs.list({ suite: done.suite.ref, limit: 10 }))
    expect(runs.map((run) => run.name)).toEqual(
      [null, 'version 3', 'version 2', 'version 1'].slice(0, runs.length),
    )
    const previous = runs.find((run) => run.name === 'version 3')!
    expect(previous.status).toBe('completed')
    const read = await evalrun.runs.get(previous.ref)
    expect(read.ref).toBe(previous.ref)
    const comparison = await evalrun.runs.compare(previous, done)
    expect(comparison.sameSuite).toBe(true)
    expect(comparison.complete).toBe(true)
    const { improved, regressed, unchanged, added, removed } = comparison.summary
    expect(improved + regressed + unchanged).toBe(12)
    expect(added + removed).toBe(0)
  })

  it('lists every sheet with its latest scoring beside the legacy runs', async () => {
    const runs = await collect(evalrun.runs.list({ vendors: ['promptlayer'], limit: 500 }))
    const tables = runs.filter((run) => run.ref.startsWith('promptlayer:tables/'))
    expect(tables).toHaveLength(sandbox.catalog.promptlayer.sheets.length)
    expect(runs.some((run) => /^promptlayer:\d+$/.test(run.ref))).toBe(true)
  })

  it('refuses a start with nothing stale and one needing confirmation, naming the count; confirms with confirm', async () => {
    await expect(evalrun.runs.start(sheetWith((cells) => cells === 0))).rejects.toBeInstanceOf(
      PromptLayerNothingToRecalculateError,
    )
    const many = sheetWith((cells) => cells > 30)
    const refused = await evalrun.runs.start(many).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(PromptLayerConfirmationRequiredError)
    expect((refused as PromptLayerConfirmationRequiredError).affectedCellCount).toBe(40)
    expect((refused as Error).message).toMatch(/40 cells/)
    const confirmed = await evalrun.runs.start({ ...many, confirm: true })
    const canceled = await evalrun.runs.cancel(confirmed)
    expect(canceled.status).toBe('canceled')
  })

  it('a cancel during the operation ends canceled, and stays so once PromptLayer forgets the operation', async () => {
    const run = await evalrun.runs.start({ ...sheetWith((cells) => cells > 30), confirm: true })
    sandbox.clock.advance(2_000)
    const canceled = await evalrun.runs.cancel(run)
    expect(canceled).toMatchObject({ status: 'canceled', vendorStatus: 'cancelled', terminal: true })
    expect(canceled.warnings.join(' ')).toMatch(/cancelled \d+ cells/)
    sandbox.clock.advance(120_000)
    const later = await evalrun.runs.get(run)
    expect(later.status).toBe('canceled')
    expect(later.warnings.join(' ')).toMatch(/404 after it ended/)
  })

  it('a cancel during scoring ends canceled', async () => {
    const run = await evalrun.runs.start({ ...sheetWith((cells) => cells > 30), confirm: true })
    // 40 cells take 10.5 s, and the status lags 1.5 s more: the counts say it ended first.
    sandbox.clock.advance(11_000)
    const scoring = await evalrun.runs.get(run)
    expect(scoring.status).toBe('queued')
    expect(scoring.warnings.join(' ')).toMatch(/counts say it ended/)
    sandbox.clock.advance(800)
    expect((await evalrun.runs.get(run)).status).toBe('running')
    const canceled = await evalrun.runs.cancel(run)
    expect(canceled).toMatchObject({ status: 'canceled', vendorStatus: 'cancelled' })
    expect(canceled.raw).toMatchObject({ from: 'tables', calculation: { status: 'cancelled' } })
  })
})
