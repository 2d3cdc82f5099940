import { fileURLToPath } from 'node:url'
import { publishedSpec, type SpecMock, startSpecMock } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvalrun } from '../src/index.js'

// Phoenix's facade requests against Phoenix's full published spec (schemas/openapi.json, at the commit
// specs/phoenix/source.json records), served by Stoplight Prism, which shares no code with the sandbox or the
// vendored subset. Prism invents its answers (`Prefer: dynamic=true` makes them vary), so only requests are judged.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const EXPERIMENT = 'RXhwZXJpbWVudDox'

let mock: SpecMock
beforeAll(async () => {
  mock = await startSpecMock({ spec: publishedSpec('phoenix', repoRoot).path })
}, 120_000)
afterAll(() => mock?.close())

async function attempt(call: () => Promise<unknown>): Promise<void> {
  try {
    await call()
  } catch {
    // An invented answer need not make sense to a mapper; the requests before it are what is checked.
  }
}

describe('Phoenix against an independent mock of its published spec', () => {
  it('is checked against the full published spec where this machine has it, else the subset cut from it', () => {
    const spec = publishedSpec('phoenix', repoRoot)
    expect(spec.path).toMatch(
      spec.kind === 'published' ? /phoenix-openapi\.json$/ : /specs\/phoenix\/openapi\.yaml$/,
    )
  })

  it('lists, gets and reads results with requests the spec allows, with and without a key', async () => {
    for (const apiKey of ['phx-spec-mock-key-01', undefined]) {
      const evalrun = createEvalrun({
        phoenix: {
          ...(apiKey === undefined ? {} : { apiKey }),
          baseUrl: mock.url,
          fetch: mock.fetch,
          retry: false,
          quietPeriodMs: 1,
          headers: { Prefer: 'dynamic=true' },
        },
        env: {},
      })
      await attempt(async () => {
        for await (const _ of evalrun.runs.list({ vendors: ['phoenix'], limit: 3 })) void _
      })
      await attempt(async () => {
        for await (const _ of evalrun.runs.list({
          vendors: ['phoenix'],
          suite: 'phoenix:RGF0YXNldDox',
          limit: 3,
        }))
          void _
      })
      await attempt(() => evalrun.runs.get(`phoenix:${EXPERIMENT}`))
      await attempt(async () => {
        for await (const _ of evalrun.runs.results(`phoenix:${EXPERIMENT}`)) void _
      })
    }
    const sent = new Set(mock.exchanges.map(({ method, url }) => `${method} ${url.split('?')[0]}`))
    expect(sent).toContain('GET /v1/datasets')
    expect(sent).toContain('GET /v1/datasets/RGF0YXNldDox/experiments')
    expect(sent).toContain(`GET /v1/experiments/${EXPERIMENT}`)
    // The export is declared text/plain: a request that accepted only JSON would be refused (406).
    expect(sent).toContain(`GET /v1/experiments/${EXPERIMENT}/json`)
    expect(mock.exchanges.filter(({ status }) => status === 406)).toEqual([])
    expect(mock.requestViolations()).toEqual([])
  }, 60_000)
})
