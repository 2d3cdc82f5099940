import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { sha256 } from '../lib/codegen.js'
import { trimToTracked } from '../lib/spec-prune.js'
import { selectTrackedSpec } from '../lib/spec-select.js'
import { syncVendor } from '../lib/spec-sync.js'
import { SyncError } from '../lib/sync-error.js'
import { listVendorSpecs, type SpecSource, type VendorSpec } from '../lib/vendors.js'
import {
  createTempRepo,
  fixture,
  fixtureText,
  type TempRepo,
  trackedOperations,
} from './support/temp-repo.js'

const NOW = new Date('2026-11-23T12:00:00Z')
const COMMIT = '0123456789abcdef0123456789abcdef01234567'

describe('specs:sync for a vendor with no vendored spec yet', () => {
  let repo: TempRepo
  let upstreamFile: string
  const gizmos = () => listVendorSpecs(['gizmos'], repo.root)[0] as VendorSpec
  const readSource = () => JSON.parse(readFileSync(gizmos().sourcePath, 'utf8')) as SpecSource

  beforeEach(async () => {
    repo = await createTempRepo('http://127.0.0.1:9/unused.yaml')
    upstreamFile = join(repo.root, 'upstream', 'gizmos.yaml')
    mkdirSync(join(repo.root, 'upstream'))
    writeFileSync(upstreamFile, fixtureText)
    // What a maintainer writes by hand to add a vendor: source.json alone, no spec and no package yet.
    const source: SpecSource = {
      vendor: 'gizmos',
      upstream: {
        url: 'https://raw.githubusercontent.com/example/gizmos/main/openapi.yaml',
        format: 'yaml',
        confirmed: true,
        repository: 'https://github.com/example/gizmos',
        path: 'openapi.yaml',
        commit: COMMIT,
      },
      vendoredFile: 'openapi.yaml',
      sha256: '',
      syncedAt: '',
      basis: [],
      trackedOperations,
      knownMissingUpstream: [],
      inferred: [],
    }
    mkdirSync(join(repo.root, 'specs', 'gizmos'))
    writeFileSync(join(repo.root, 'specs', 'gizmos', 'source.json'), JSON.stringify(source, null, 2))
  })
  afterEach(() => repo.remove())

  it('writes the spec, its types and source.json from a local file, and no changeset', async () => {
    const result = await syncVendor(gizmos(), { root: repo.root, from: upstreamFile, now: NOW })
    expect(result).toMatchObject({ status: 'changed', created: true, written: true, bump: 'minor' })
    expect(result.status === 'changed' && result.changesetPath).toBeUndefined()
    expect(repo.changesets()).toEqual([])
    const summary = result.status === 'changed' ? result.summary : ''
    expect(summary).toContain('gizmos: first vendored spec')
    expect(summary).toContain('Operations added:\n- GET /widgets\n- POST /widgets\n- GET /widgets/{id}')

    const spec = gizmos()
    const specText = readFileSync(spec.specPath, 'utf8')
    expect(Object.keys(YAML.parse(specText).paths)).toEqual(['/widgets', '/widgets/{id}'])
    expect(readFileSync(spec.generatedPath, 'utf8')).toContain(`(sha256 ${sha256(specText)})`)
    const source = readSource()
    expect(source.sha256).toBe(sha256(specText))
    expect(source.syncedAt).toBe('2026-11-23')
    // The full file the subset was cut from, and the commit it was read at (recorded for this very file).
    expect(source.upstream).toMatchObject({ commit: COMMIT, sha256: sha256(fixtureText) })

    // Reproducible: the same upstream again changes nothing.
    const again = await syncVendor(gizmos(), { root: repo.root, from: upstreamFile, now: NOW })
    expect(again.status).toBe('unchanged')
  })

  it('drops a recorded commit once the upstream file differs, unless a new one is given', async () => {
    await syncVendor(gizmos(), { root: repo.root, from: upstreamFile, now: NOW })
    const next = fixture()
    next.components.schemas.Widget.properties.name.description = 'Renamed upstream.'
    writeFileSync(upstreamFile, YAML.stringify(next))

    const dropped = await syncVendor(gizmos(), { root: repo.root, from: upstreamFile, check: true })
    expect(dropped.warnings.join('\n')).toContain(`upstream.commit ${COMMIT} was recorded for another`)

    await syncVendor(gizmos(), { root: repo.root, from: upstreamFile, now: NOW })
    expect(readSource().upstream.commit).toBeUndefined()
    expect(readSource().upstream.sha256).toBe(sha256(YAML.stringify(next)))

    next.info.description = 'And described.'
    writeFileSync(upstreamFile, YAML.stringify(next))
    await syncVendor(gizmos(), { root: repo.root, from: upstreamFile, now: NOW, upstreamCommit: 'feedface' })
    expect(readSource().upstream.commit).toBe('feedface')
  })

  it('fails without writing anything when the file cannot be read', async () => {
    const error = await syncVendor(gizmos(), {
      root: repo.root,
      from: join(repo.root, 'missing.yaml'),
    }).catch((failure: unknown) => failure)
    expect(error).toBeInstanceOf(SyncError)
    expect(existsSync(gizmos().specPath)).toBe(false)
    expect(existsSync(gizmos().generatedPath)).toBe(false)
    expect(readSource().sha256).toBe('')
  })
})

describe('the facade bump', () => {
  it('leaves the facade out when it does not depend on the vendor package yet', async () => {
    const repo = await createTempRepo('http://127.0.0.1:9/unused.yaml')
    try {
      writeFileSync(
        join(repo.root, 'packages', 'evalrun', 'package.json'),
        JSON.stringify({ name: 'evalrun', version: '0.4.0', dependencies: {} }),
      )
      const next = fixture()
      next.components.schemas.Widget.properties.size = { type: 'integer' }
      const file = join(repo.root, 'upstream.yaml')
      writeFileSync(file, YAML.stringify(next))
      const result = await syncVendor(repo.spec(), { root: repo.root, from: file, now: NOW })
      expect(result).toMatchObject({ status: 'changed', bump: 'minor', written: true })
      const changeset = readFileSync(
        result.status === 'changed' ? (result.changesetPath as string) : '',
        'utf8',
      )
      expect(changeset).toMatch(/^---\n"@evalrun\/widgets": minor\n---\n/)
    } finally {
      repo.remove()
    }
  })
})

describe('selecting the tracked subset', () => {
  it('keeps only what the tracked operations reach, transitively, with discriminator subtypes', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      security: [{ KeyAuth: [] }],
      tags: [{ name: 'kept' }, { name: 'unused' }],
      paths: {
        '/a': { get: { tags: ['kept'], responses: { '200': { $ref: '#/components/responses/A' } } } },
      },
      webhooks: { ping: { post: { responses: { '200': { description: 'ok' } } } } },
      'x-vendorMeta': { groups: [] },
      components: {
        responses: {
          A: {
            description: 'a',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
        },
        schemas: {
          Pet: {
            type: 'object',
            discriminator: { propertyName: 'kind' },
            properties: { kind: { type: 'string' } },
          },
          // Reached only as an implicit subtype of Pet.
          Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { $ref: '#/components/schemas/Whiskers' }] },
          Whiskers: { type: 'object' },
          // An allOf schema nothing reaches, and what only it references: Redocly keeps both.
          Orphan: { allOf: [{ $ref: '#/components/schemas/OrphanPart' }] },
          OrphanPart: { type: 'object' },
        },
        securitySchemes: {
          KeyAuth: { type: 'http', scheme: 'bearer' },
          AdminAuth: { type: 'http', scheme: 'basic' },
        },
      },
    }
    // biome-ignore lint/suspicious/noExplicitAny: the result is read at fixed, known paths
    const trimmed = trimToTracked(structuredClone(document)) as Record<string, any>
    expect(Object.keys(trimmed)).toEqual(['openapi', 'info', 'security', 'tags', 'paths', 'components'])
    expect(trimmed.tags).toEqual([{ name: 'kept' }])
    expect(Object.keys(trimmed.components.schemas)).toEqual(['Pet', 'Cat', 'Whiskers'])
    expect(Object.keys(trimmed.components.responses)).toEqual(['A'])
    expect(Object.keys(trimmed.components.securitySchemes)).toEqual(['KeyAuth'])
  })

  it('fails on an upstream lint error unless source.json accepts it, and then reports it', async () => {
    const next = fixture()
    // `nullable` is an OpenAPI 3.0 keyword: in this 3.1 document Redocly's struct rule calls it an error.
    next.components.schemas.Widget.properties.name.nullable = true
    const text = YAML.stringify(next)
    await expect(selectTrackedSpec('widgets', 'fixture', text, trackedOperations)).rejects.toThrow(
      /invalid spec: struct: Property `nullable` is not expected here/,
    )
    const accepted = [{ rule: 'struct', message: 'Property `nullable` is not expected', reason: 'test' }]
    const selected = await selectTrackedSpec('widgets', 'fixture', text, trackedOperations, accepted)
    expect(selected.warnings).toContain(
      'accepted upstream problem, 1×: struct: Property `nullable` is not expected',
    )
  })
})
