/** The end of the flow: the CLI's exit codes, and `changeset version` on the changesets a sync writes. */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { syncVendor } from '../lib/spec-sync.js'
import { repoRoot } from '../lib/vendors.js'
import { type SpecServer, startSpecServer } from './support/spec-server.js'
import { createTempRepo, fixture, type TempRepo } from './support/temp-repo.js'

const run = promisify(execFile)
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name)

let server: SpecServer
let repo: TempRepo
beforeAll(async () => {
  server = await startSpecServer()
})
afterAll(() => server.close())
beforeEach(async () => {
  repo = await createTempRepo(server.url('/openapi.yaml'))
})
afterEach(() => repo.remove())

function readJson(path: string): { version: string } {
  return JSON.parse(readFileSync(join(repo.root, path), 'utf8'))
}

describe('changeset version on synced changesets', () => {
  it('bumps the vendor and the facade to the next major and writes both changelogs', async () => {
    const next = fixture()
    delete next.components.schemas.Widget.properties.colour
    server.serve('/openapi.yaml', YAML.stringify(next))
    await syncVendor(repo.spec(), { root: repo.root, now: new Date('2026-11-23T00:00:00Z') })

    await run(bin('changeset'), ['version'], { cwd: repo.root })
    expect(readJson('packages/widgets/package.json').version).toBe('2.0.0')
    expect(readJson('packages/evalrun/package.json').version).toBe('1.0.0')
    const changelog = readFileSync(join(repo.root, 'packages/widgets/CHANGELOG.md'), 'utf8')
    expect(changelog).toContain('## 2.0.0\n\n### Major Changes')
    expect(changelog).toContain('Sync the widgets OpenAPI spec with upstream')
    expect(changelog).toContain('[major] GET /widgets/{id}: removed response 200 field `colour`')
    const facadeChangelog = readFileSync(join(repo.root, 'packages/evalrun/CHANGELOG.md'), 'utf8')
    expect(facadeChangelog).toContain('## 1.0.0\n\n### Major Changes')
    expect(repo.changesets()).toEqual([])
  })

  it('bumps the vendor by a patch; the facade only follows its dependency', async () => {
    const next = fixture()
    next.info.description = 'Edited prose.'
    server.serve('/openapi.yaml', YAML.stringify(next))
    await syncVendor(repo.spec(), { root: repo.root, now: new Date('2026-11-23T00:00:00Z') })

    await run(bin('changeset'), ['version'], { cwd: repo.root })
    expect(readJson('packages/widgets/package.json').version).toBe('1.2.4')
    expect(readFileSync(join(repo.root, 'packages/widgets/CHANGELOG.md'), 'utf8')).toContain(
      '### Patch Changes',
    )
    // updateInternalDependencies: patch — the facade's workspace dependency moved, so it gets a patch release.
    expect(readJson('packages/evalrun/package.json').version).toBe('0.4.1')
    expect(readFileSync(join(repo.root, 'packages/evalrun/CHANGELOG.md'), 'utf8')).toContain(
      'Updated dependencies',
    )
  })
})

describe('the specs:sync command', () => {
  const cli = (...args: string[]) =>
    run(bin('tsx'), [join(repoRoot, 'scripts/specs-sync.ts'), '--root', repo.root, ...args], {
      cwd: repo.root,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    )

  it('exits 0 when unchanged, 1 with --check when upstream differs, 2 on an error', async () => {
    server.serve('/openapi.yaml', YAML.stringify(fixture()))
    const unchanged = await cli('widgets')
    expect(unchanged.code).toBe(0)
    expect(unchanged.stdout).toContain('widgets: unchanged')

    const next = fixture()
    next.components.schemas.Colour.enum.push('purple')
    server.serve('/openapi.yaml', YAML.stringify(next))
    const before = repo.snapshot()
    const check = await cli('widgets', '--check')
    expect(check.code).toBe(1)
    expect(check.stdout).toContain('@evalrun/widgets minor, evalrun minor')
    expect(check.stdout).toContain('--check: nothing written')
    expect(repo.snapshot()).toEqual(before)

    const failed = await cli('widgets', '--from', server.url('/nowhere.json'))
    expect(failed.code).toBe(2)
    expect(failed.stderr.trim()).toBe(`✗ widgets: HTTP 404 Not Found (${server.url('/nowhere.json')})`)
    expect(repo.snapshot()).toEqual(before)
  })
})
