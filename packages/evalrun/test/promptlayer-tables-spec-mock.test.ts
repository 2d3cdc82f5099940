import { fileURLToPath } from 'node:url'
import { publishedSpec, type SpecMock, startSpecMock } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvalrun } from '../src/index.js'

// PromptLayer's Tables requests, checked by Stoplight Prism (no code shared with the sandbox) serving PromptLayer's
// full published spec where this machine has it, else the Tables subset cut from it unedited (the published file
// has no licence to be copied into the repository): start (with confirmation allowed), get, results and cancel
// of operation and calculation runs, and a sheet's listing. Prism invents its answers from the spec's examples, so
// a call may fail on them; only the requests are judged, and each kind must have been sent.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const TABLE = '3f2b8c1a-6d4e-4f7a-9b0c-1d2e3f4a5b6c'
const SHEET = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d'
const RUN = 'e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f'

let mock: SpecMock
beforeAll(async () => {
  mock = await startSpecMock({ spec: publishedSpec('promptlayer-tables', repoRoot).path })
}, 120_000)
afterAll(() => mock?.close())

async function attempt(call: () => Promise<unknown>): Promise<void> {
  try {
    await call()
  } catch {
    // Prism's invented answers need not make sense to a mapper; the requests are what is checked.
  }
}

describe('PromptLayer Tables against an independent mock of its published spec', () => {
  it('sends only requests the published spec allows', async () => {
    const evalrun = createEvalrun({
      promptlayer: { apiKey: 'pl-test-key', baseUrl: mock.url, fetch: mock.fetch, retry: false },
      env: {},
    })
    const sheet = `tables/${TABLE}/${SHEET}`
    await attempt(() =>
      evalrun.runs.start({
        vendor: 'promptlayer',
        tableId: TABLE,
        sheetId: SHEET,
        columnIds: [RUN],
        rowIds: [0, 2],
        confirm: true,
      }),
    )
    for (const ref of [`promptlayer:${sheet}/op/${RUN}`, `promptlayer:${sheet}/calc/${RUN}`]) {
      await attempt(() => evalrun.runs.get(ref))
      await attempt(async () => {
        for await (const _ of evalrun.runs.results(ref)) break
      })
      await attempt(() => evalrun.runs.cancel(ref))
    }
    await attempt(async () => {
      for await (const _ of evalrun.runs.list({ suite: `promptlayer:sheet/${TABLE}/${SHEET}`, limit: 3 })) {
      }
    })
    const sent = new Set(
      mock.exchanges.map(
        (exchange) =>
          `${exchange.method} ${exchange.url.split('?')[0]!.replaceAll(TABLE, '{t}').replaceAll(SHEET, '{s}').replaceAll(RUN, '{id}')}`,
      ),
    )
    const sheetPath = '/api/public/v2/tables/{t}/sheets/{s}'
    for (const expected of [
      `POST ${sheetPath}/operations`,
      `GET ${sheetPath}/operations/{id}`,
      `GET ${sheetPath}/scorecard`,
      `GET ${sheetPath}/scorecard/rows`,
      `POST ${sheetPath}/scorecard/cancel`,
      `GET ${sheetPath}/scorecard/calculations/{id}`,
      `GET ${sheetPath}/rows`,
      `GET ${sheetPath}/versions`,
    ]) {
      expect([...sent]).toContain(expected)
    }
    expect(mock.requestViolations()).toEqual([])
  }, 120_000)
})
