import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { sha256 } from '../lib/codegen.js'
import { type SyncResult, syncVendor } from '../lib/spec-sync.js'
import { SyncError } from '../lib/sync-error.js'
import { type SpecServer, startSpecServer } from './support/spec-server.js'
import { createTempRepo, fixture, type TempRepo } from './support/temp-repo.js'

let server: SpecServer
let repo: TempRepo
const NOW = new Date('2026-11-23T12:00:00Z')

beforeAll(async () => {
  server = await startSpecServer()
})
afterAll(() => server.close())
beforeEach(async () => {
  repo = await createTempRepo(server.url('/openapi.yaml'))
})
afterEach(() => repo.remove())

/** Serves `document` as the upstream spec (YAML, or JSON to cover both formats) and syncs. */
async function syncWith(document: Record<string, unknown>, format: 'yaml' | 'json' = 'yaml', check = false) {
  const body = format === 'yaml' ? YAML.stringify(document) : JSON.stringify(document)
  server.serve('/openapi.yaml', body, format === 'yaml' ? 'application/yaml' : 'application/json')
  return syncVendor(repo.spec(), { root: repo.root, now: NOW, check })
}

function written(result: SyncResult) {
  if (result.status !== 'changed' || !result.written)
    throw new Error(`expected a written change, got ${result.status}`)
  const spec = repo.spec()
  const specText = readFileSync(spec.specPath, 'utf8')
  const changesetPath = result.changesetPath as string
  return {
    result,
    specText,
    spec: YAML.parse(specText),
    types: readFileSync(spec.generatedPath, 'utf8'),
    source: JSON.parse(readFileSync(spec.sourcePath, 'utf8')),
    changesetName: changesetPath.slice(changesetPath.lastIndexOf('/') + 1),
    changeset: readFileSync(changesetPath, 'utf8'),
  }
}

function expectRecorded(out: ReturnType<typeof written>) {
  expect(out.source.sha256).toBe(sha256(out.specText))
  expect(out.source.syncedAt).toBe('2026-11-23')
  expect(out.types).toContain(`(sha256 ${out.source.sha256})`)
  expect(out.changesetName).toBe(`widgets-spec-20261123-${out.source.sha256.slice(0, 8)}.md`)
  expect(repo.changesets()).toEqual([out.changesetName])
}

describe('specs:sync', () => {
  it('reports an unchanged upstream and touches nothing', async () => {
    const before = repo.snapshot()
    const result = await syncWith(fixture(), 'json')
    expect(result.status).toBe('unchanged')
    expect(result.untracked.map((operation) => operation.operationId)).toEqual(['listGadgets'])
    expect(repo.snapshot()).toEqual(before)
  })

  it('classifies a description edit as a patch for the vendor only', async () => {
    const next = fixture()
    next.components.schemas.Widget.properties.name.description = 'What people call the widget.'
    const out = written(await syncWith(next))
    expect(out.result.status === 'changed' && out.result.bump).toBe('patch')
    expect(out.spec.components.schemas.Widget.properties.name.description).toBe(
      'What people call the widget.',
    )
    expect(out.types).toContain('What people call the widget.')
    expect(out.changeset).toMatch(/^---\n"@evalrun\/widgets": patch\n---\n/)
    expect(out.changeset).not.toContain('"evalrun"')
    expectRecorded(out)
  })

  it('classifies an optional field and a newly tracked operation as minor, and lists untracked ones', async () => {
    // Track GET /gadgets from now on (it was upstream all along) and let upstream add an untracked operation.
    const sourcePath = repo.spec().sourcePath
    const source = JSON.parse(readFileSync(sourcePath, 'utf8'))
    source.trackedOperations.push({ method: 'get', path: '/gadgets', operationId: 'listGadgets' })
    const { writeFileSync } = await import('node:fs')
    writeFileSync(sourcePath, JSON.stringify(source, null, 2))
    const next = fixture()
    next.components.schemas.Widget.properties.size = { type: 'integer', description: 'Size in mm.' }
    next.paths['/widgets/{id}'].delete = {
      operationId: 'deleteWidget',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '204': { description: 'Deleted.' }, '404': { description: 'Not found.' } },
    }
    const result = await syncWith(next)
    const out = written(result)
    expect(out.result.status === 'changed' && out.result.bump).toBe('minor')
    expect(Object.keys(out.spec.paths)).toEqual(['/gadgets', '/widgets', '/widgets/{id}'])
    expect(out.spec.paths['/widgets/{id}'].delete).toBeUndefined()
    expect(out.spec.components.schemas.Gadget).toBeDefined()
    expect(out.types).toMatch(/size\?: number/)
    expect(out.types).toContain('listGadgets')
    expect(out.changeset).toMatch(/^---\n"@evalrun\/widgets": minor\n"evalrun": minor\n---\n/)
    const summary = result.status === 'changed' ? result.summary : ''
    expect(summary).toContain('Operations added:\n- GET /gadgets')
    expect(summary).toContain('added component schemas `Gadget`')
    expect(summary).toMatch(/\[minor\] GET \/widgets\/\{id\}: added response 200 field `size`/)
    expect(summary).toMatch(
      /Untracked upstream operations, ignored[^\n]*\n- DELETE \/widgets\/\{id\} \(deleteWidget\)/,
    )
    expect(out.changeset).not.toContain('deleteWidget')
    expectRecorded(out)
  })

  // biome-ignore lint/suspicious/noExplicitAny: each case edits the fixture spec at any depth
  const breaking: [string, (spec: Record<string, any>) => void, RegExp, (types: string) => void][] = [
    [
      'a removed response field',
      (spec) => delete spec.components.schemas.Widget.properties.colour,
      /\[major\] GET \/widgets\/\{id\}: removed response 200 field `colour`/,
      (types) => expect(types).not.toMatch(/\sWidget: \{[^}]*colour/),
    ],
    [
      'a removed enum value',
      (spec) => {
        spec.components.schemas.Colour.enum = ['red', 'green']
      },
      /\[major\] GET \/widgets: removed parameter `colour` \(query\) enum value "blue"/,
      (types) => expect(types).toContain('Colour: "red" | "green";'),
    ],
    [
      'a newly required parameter',
      (spec) => {
        spec.paths['/widgets'].get.parameters[0].required = true
      },
      /\[major\] GET \/widgets: added parameter `colour` \(query\) required/,
      (types) => expect(types).toMatch(/query: \{\s*colour: components/),
    ],
  ]
  it.each(breaking)(
    'classifies %s as major for the vendor and the facade',
    async (_name, edit, line, typesCheck) => {
      const next = fixture()
      edit(next)
      const result = await syncWith(next)
      const out = written(result)
      expect(out.result.status === 'changed' && out.result.bump).toBe('major')
      expect(result.status === 'changed' && result.summary).toMatch(line)
      expect(out.changeset).toMatch(/^---\n"@evalrun\/widgets": major\n"evalrun": major\n---\n/)
      typesCheck(out.types)
      expectRecorded(out)
    },
  )

  it('with check, reports the change and writes nothing', async () => {
    const before = repo.snapshot()
    const next = fixture()
    delete next.components.schemas.Widget.properties.colour
    const result = await syncWith(next, 'yaml', true)
    expect(result).toMatchObject({ status: 'changed', written: false, bump: 'major' })
    expect(repo.snapshot()).toEqual(before)
  })

  describe('errors leave every file untouched', () => {
    async function expectFailure(path: string, message: RegExp, timeoutMs?: number) {
      const before = repo.snapshot()
      const error = await syncVendor(repo.spec(), {
        root: repo.root,
        from: server.url(path),
        ...(timeoutMs ? { timeoutMs } : {}),
      }).then(
        () => undefined,
        (failure: unknown) => failure,
      )
      expect(error).toBeInstanceOf(SyncError)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).toContain(`widgets: `)
      expect((error as Error).message).toContain(server.url(path))
      expect((error as Error).message).not.toContain('\n')
      expect(repo.snapshot()).toEqual(before)
    }

    it('on a 404', () => expectFailure('/gone.yaml', /HTTP 404/))

    it('on a timeout', async () => {
      server.route('/slow.yaml', () => {}) // never answers
      await expectFailure('/slow.yaml', /timed out after 150 ms/, 150)
    })

    it('on garbage', async () => {
      server.serve('/garbage', '<html><body>Service Unavailable</body></html>', 'text/html')
      await expectFailure('/garbage', /invalid spec: not an OpenAPI/)
    })

    it('on a spec that fails validation', async () => {
      const next = fixture()
      next.paths['/widgets'].get.responses = 'none'
      server.serve('/invalid.yaml', YAML.stringify(next))
      await expectFailure('/invalid.yaml', /invalid spec: /)
    })

    it('on a tracked operation missing upstream', async () => {
      const next = fixture()
      delete next.paths['/widgets/{id}']
      server.serve('/missing-op.yaml', YAML.stringify(next))
      await expectFailure(
        '/missing-op.yaml',
        /tracked operation missing upstream: GET \/widgets\/\{id\} \(getWidget\)/,
      )
    })

    it('on a network failure', async () => {
      // A loopback port that was just freed: nothing listens there, so the connection is refused at once.
      const closed = await startSpecServer()
      const url = closed.url('/openapi.yaml')
      await closed.close()
      const before = repo.snapshot()
      const error = await syncVendor(repo.spec(), { root: repo.root, from: url }).catch(
        (failure: unknown) => failure,
      )
      expect((error as Error).message).toBe(`widgets: network error: ECONNREFUSED (${url})`)
      expect(repo.snapshot()).toEqual(before)
    })
  })

  it('reads a local file given with --from', async () => {
    const next = fixture()
    next.info.description = 'Now with a description.'
    const { writeFileSync } = await import('node:fs')
    const file = join(repo.root, 'upstream.json')
    writeFileSync(file, JSON.stringify(next))
    const result = await syncVendor(repo.spec(), { root: repo.root, from: file, now: NOW })
    expect(result).toMatchObject({ status: 'changed', written: true, bump: 'patch' })
  })
})
