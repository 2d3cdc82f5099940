import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishedSpec, type SpecMock, startSpecMock } from '../src/index.js'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

describe('startSpecMock', () => {
  let mock: SpecMock
  beforeAll(async () => {
    mock = await startSpecMock({ spec: publishedSpec('datalab', repoRoot).path })
  }, 120_000)
  afterAll(() => mock?.close())
  const authorised = { headers: { 'X-API-Key': 'test-key', Accept: 'application/json' } }

  it('passes a request the spec allows', async () => {
    const response = await mock.fetch(`${mock.url}/api/v1/eval_batch_runs?limit=5&offset=0`, authorised)
    expect(response.status).toBe(200)
    expect(mock.exchanges.at(-1)?.violations).toEqual([])
  })

  it('names a query value of the wrong type, a missing credential and an operation the spec lacks', async () => {
    await mock.fetch(`${mock.url}/api/v1/eval_batch_runs?limit=many`, authorised)
    await mock.fetch(`${mock.url}/api/v1/eval_batch_runs`)
    await mock.fetch(`${mock.url}/api/v1/no_such_thing`, authorised)
    const [badQuery, noKey, noRoute] = mock.exchanges.slice(-3).map((exchange) => exchange.violations)
    expect(badQuery?.[0]?.location).toMatch(/^request\.query/)
    expect(noKey?.length).toBeGreaterThan(0)
    expect(noRoute?.[0]?.message).toMatch(/NO_PATH_MATCHED/)
  })

  it('finds the published file by its hash, whatever its name, and falls back to the subset without it', () => {
    const root = mkdtempSync(join(tmpdir(), 'evalrun-published-'))
    const published = join(root, 'published')
    mkdirSync(join(root, 'repo', 'specs', 'acme-part'), { recursive: true })
    mkdirSync(published)
    writeFileSync(join(published, 'acme-openapi.json'), '{"openapi":"3.1.0"}')
    writeFileSync(join(published, 'other.yaml'), 'openapi: 3.1.0\n')
    const hash = createHash('sha256').update('{"openapi":"3.1.0"}').digest('hex')
    const source = { vendoredFile: 'openapi.yaml', upstream: { sha256: hash } }
    writeFileSync(join(root, 'repo', 'specs', 'acme-part', 'source.json'), JSON.stringify(source))
    const previous = process.env.EVALRUN_PUBLISHED_SPECS
    try {
      process.env.EVALRUN_PUBLISHED_SPECS = published
      expect(publishedSpec('acme-part', join(root, 'repo'))).toEqual({
        kind: 'published',
        path: join(published, 'acme-openapi.json'),
      })
      process.env.EVALRUN_PUBLISHED_SPECS = join(root, 'nowhere')
      expect(publishedSpec('acme-part', join(root, 'repo'))).toEqual({
        kind: 'vendored-subset',
        path: join(root, 'repo', 'specs', 'acme-part', 'openapi.yaml'),
      })
    } finally {
      if (previous === undefined) delete process.env.EVALRUN_PUBLISHED_SPECS
      else process.env.EVALRUN_PUBLISHED_SPECS = previous
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('uses the vendored subset for a vendor whose spec was written from its docs (no published file)', () => {
    expect(publishedSpec('datalab', repoRoot)).toEqual({
      kind: 'vendored-subset',
      path: `${repoRoot}specs/datalab/openapi.yaml`,
    })
  })
})
