/**
 * A vendor written outside this repository, against the published package only: the packed `evalrun` is
 * npm-installed into an empty project beside the Acme vendor (test-e2e/fixtures/acme-vendor), tsc type-checks and
 * compiles the vendor and a consumer against the installed typings, and the consumer lists, gets and reads results
 * from an Acme API served on 127.0.0.1. Needs `pnpm build` first. Skips, saying so, only when the npm registry
 * cannot be reached.
 */
import { execFile, execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type LoopbackServer, startLoopbackServer } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npmInstallFresh } from '../scripts/lib/npm-install.js'
import { FACADE_PACKAGES, packPackages } from '../scripts/lib/pack-workspace.js'

const fixture = fileURLToPath(new URL('./fixtures/acme-vendor/', import.meta.url))
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

const runs = [
  { id: 'r1', suite_id: 'd1', state: 'done', score: 0.75, created_at: '2026-01-02T00:00:00Z' },
  { id: 'r2', suite_id: 'd1', state: 'running', score: null, created_at: '2026-01-01T00:00:00Z' },
  { id: 'r3', suite_id: 'd2', state: 'exploded', score: null, created_at: '2026-01-01T00:00:00Z' },
]
const results = [
  { case_id: 'c1', verdict: 'pass', score: 1 },
  { case_id: 'c2', verdict: 'fail', score: 0.5 },
]

/** Acme's API: two numbered pages of runs, one run, its results; 401 without the key, 404 for other runs. */
function answerAsAcme(request: { url: string; headers: Record<string, unknown> }) {
  if (request.headers.authorization !== 'Bearer acme-key') return { status: 401, body: { error: 'no key' } }
  const url = new URL(request.url, 'http://acme')
  if (url.pathname === '/v1/runs') {
    const page = Number(url.searchParams.get('page'))
    return { status: 200, body: { runs: page === 1 ? runs.slice(0, 2) : runs.slice(2), pages: 2 } }
  }
  const run = runs.find((r) => url.pathname.startsWith(`/v1/runs/${r.id}`))
  if (run === undefined) return { status: 404, body: { error: 'no such run' } }
  return { status: 200, body: url.pathname.endsWith('/results') ? { results } : run }
}

/** The .d.ts files an entry's typings load: itself and the chunks it imports, transitively. */
function typingsOf(entry: string): string {
  const seen = new Set<string>()
  const visit = (file: string): string => {
    if (seen.has(file) || !existsSync(file)) return ''
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    const chunks = [...text.matchAll(/from '(\.\/[^']+)\.js'/g)].map((m) =>
      join(dirname(file), `${m[1]}.d.ts`),
    )
    return text + chunks.map(visit).join('')
  }
  return visit(entry)
}

describe('a vendor package of its own, on the packed evalrun', () => {
  let project: string | null = null
  let unreachable: string | null = null
  let acmeServer: LoopbackServer | null = null
  const packDir = mkdtempSync(join(tmpdir(), 'evalrun-e2e-extension-pack-'))

  beforeAll(async () => {
    const tarballs = [...packPackages(FACADE_PACKAGES, packDir).values()]
    const install = await npmInstallFresh(tarballs, 'e2e-extension')
    if (!install.ok && install.unreachable) unreachable = install.message
    else if (!install.ok) throw new Error(`npm install of the packed tarballs failed:\n${install.message}`)
    else project = install.dir
    if (project === null) return
    cpSync(fixture, join(project, 'src'), { recursive: true })
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'acme-consumer', private: true, type: 'module' }),
    )
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: [],
          skipLibCheck: false,
          declaration: true,
          rootDir: 'src',
          outDir: 'out',
        },
        include: ['src'],
      }),
    )
    acmeServer = await startLoopbackServer(answerAsAcme)
  }, 180_000)

  afterAll(async () => {
    await acmeServer?.close()
    rmSync(packDir, { recursive: true, force: true })
    if (project) rmSync(project, { recursive: true, force: true })
  })

  it('evalrun/core typings name no built-in vendor', (context) => {
    if (unreachable) context.skip(`npm registry unreachable: ${unreachable}`)
    const typings = typingsOf(join(project!, 'node_modules', 'evalrun', 'dist', 'core.d.ts'))
    // Code only: the model's comments give vendors' words as examples.
    const code = typings.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')
    expect(code).toContain('interface RawRuns')
    expect(code).not.toMatch(/Datalab|PromptLayer|Humanloop|OpenAI|Braintrust|Langfuse|Phoenix/)
    expect(code).not.toMatch(/@evalrun\/(datalab|promptlayer|humanloop|openai|braintrust|langfuse|phoenix)/)
  })

  it('the vendor and its consumer type-check against the installed typings', (context) => {
    if (unreachable) context.skip(`npm registry unreachable: ${unreachable}`)
    const output = (() => {
      try {
        return execFileSync(process.execPath, [tsc, '-p', project!], { encoding: 'utf8' })
      } catch (error) {
        return (error as { stdout?: string }).stdout ?? String(error)
      }
    })()
    expect(output).toBe('')
    expect(readFileSync(join(project!, 'out', 'index.d.ts'), 'utf8')).toContain(
      "declare module 'evalrun/core'",
    )
  }, 60_000)

  it('lists, gets and reads results through createEvalrun({ vendors: [acme] })', async (context) => {
    if (unreachable) context.skip(`npm registry unreachable: ${unreachable}`)
    // Asynchronously: this process serves Acme meanwhile.
    const { stdout } = await promisify(execFile)(process.execPath, [join(project!, 'out', 'consumer.js')], {
      cwd: project!,
      env: { ...process.env, ACME_API_KEY: 'acme-key', ACME_BASE_URL: acmeServer!.url },
    })
    expect(JSON.parse(stdout)).toEqual({
      vendors: ['acme'],
      listed: [
        { ref: 'acme:r1', status: 'completed', score: 0.75 },
        { ref: 'acme:r2', status: 'running', score: null },
        { ref: 'acme:r3', status: 'unknown', score: null },
      ],
      suiteId: 'd1',
      items: [
        { key: 'c1', status: 'passed', score: 1 },
        { key: 'c2', status: 'failed', score: 0.5 },
      ],
      missing: true,
      cancel: true,
      only: 'acme',
      notImported: 'datalab',
    })
    expect(acmeServer!.requests.map((r) => r.url)).toEqual([
      '/v1/runs?page=1',
      '/v1/runs?page=2',
      '/v1/runs/r1',
      '/v1/runs/r1/results',
      '/v1/runs/nope',
    ])
  })
})
