import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { cli, jsonLines } from './helpers.js'

// Jenkins' JUnit schema, vendored with the facade's report tests (see its PROVENANCE note).
const SCHEMA = readFileSync(new URL('../../evalrun/test/fixtures/jenkins-junit.xsd', import.meta.url), 'utf8')

let sb: Sandbox
let env: Record<string, string>
let dir: string

beforeAll(async () => {
  sb = await startSandbox({ seed: 12, runs: 24, suites: 2, clock: { speed: 60 } })
  env = { ...sb.env, NO_COLOR: '1' }
  dir = mkdtempSync(join(tmpdir(), 'evalrun-gate-reports-'))
})
afterAll(() => sb.close())

async function refs(status: string, vendors = ['openai', 'datalab']): Promise<string[]> {
  const lines = jsonLines((await cli(['runs', 'list', '--status', status, '--json'], env)).stdout)
  return lines.filter((run) => vendors.includes(String(run.vendor))).map((run) => String(run.ref))
}

describe('--junit and --summary on the gate', () => {
  it('runs wait writes the verdicts as schema-valid JUnit with every item, and a Markdown summary', async () => {
    const [completed] = await refs('completed')
    const [failed] = await refs('failed', ['openai', 'datalab', 'promptlayer', 'humanloop'])
    expect(failed).toBeDefined()
    const junit = join(dir, 'wait', 'junit.xml')
    const summary = join(dir, 'wait', 'summary.md')
    writeFileSync(join(dir, 'summary-before.md'), '')
    const { exitCode, stdout, stderr } = await cli(
      [
        'runs',
        'wait',
        String(completed),
        String(failed),
        'datalab:999999',
        '--junit',
        junit,
        '--summary',
        summary,
      ],
      env,
    )
    expect(exitCode).toBe(3) // the unknown run: API errors outrank a failed gate
    expect(stdout).toContain(`✗ ${failed} failed`)
    expect(stderr).toContain(`wrote JUnit report ${junit}`)
    expect(stderr).toContain(`wrote summary ${summary}`)

    const xml = readFileSync(junit, 'utf8')
    const validation = await validateXML({
      xml: [{ fileName: 'junit.xml', contents: xml }],
      schema: [SCHEMA],
    })
    expect(validation.errors).toEqual([])
    expect(xml.match(/<testsuite /g)).toHaveLength(3)
    expect(xml).toContain(`<property name="ref" value="${completed}"/>`)
    expect(xml).toMatch(new RegExp(`<testcase classname="${failed}" name="gate"><failure message="failed`))
    expect(xml).toContain('<testcase classname="datalab:999999" name="read"><error ')
    // The completed run's items are there, one case per item and judgement at least.
    const items = jsonLines((await cli(['runs', 'results', String(completed), '--json'], env)).stdout)
    const cases = xml.split('</testsuite>')[0]?.match(/<testcase /g)?.length ?? 0
    expect(cases).toBeGreaterThanOrEqual(items.length + 1)

    const markdown = readFileSync(summary, 'utf8')
    expect(markdown.split('\n')[0]).toBe('## ❌ evalrun: failed (2 of 3 gated runs failed)')
    expect(markdown).toContain(`| ${String(completed).replace(/_/g, '\\_')}`)
    expect(markdown).toContain('| datalab:999999 | | | not read |')
  })

  it('appends the summary, as $GITHUB_STEP_SUMMARY expects, and replaces the JUnit file', async () => {
    const [completed] = await refs('completed')
    const junit = join(dir, 'append', 'junit.xml')
    const summary = join(dir, 'append', 'summary.md')
    for (let i = 0; i < 2; i++) {
      const { exitCode } = await cli(
        ['runs', 'wait', String(completed), '--junit', junit, '--summary', summary],
        env,
      )
      expect(exitCode).toBe(0)
    }
    expect(readFileSync(summary, 'utf8').match(/^## ✅ evalrun: passed/gm)).toHaveLength(2)
    expect(readFileSync(junit, 'utf8').match(/<\?xml /g)).toHaveLength(1)
  })

  it('runs start --wait writes them too', async () => {
    const { catalog } = sb
    const junit = join(dir, 'start', 'junit.xml')
    const { exitCode } = await cli(
      [
        'runs',
        'start',
        'datalab',
        '--collection',
        String(catalog.datalab.collections[0]?.id),
        '--rubric',
        String(catalog.datalab.rubrics[0]?.id),
        '--wait',
        '--timeout',
        '2m',
        '--junit',
        junit,
      ],
      env,
    )
    expect(exitCode).toBe(0)
    expect(readFileSync(junit, 'utf8')).toMatch(/<testsuite name="datalab [^"]*" id="0"/)
  })

  it('refuses an empty path or a folder before starting or waiting (exit 2)', async () => {
    const [completed] = await refs('completed')
    const empty = await cli(['runs', 'wait', String(completed), '--junit', ''], env)
    expect(empty.exitCode).toBe(2)
    expect(empty.stderr).toContain('--junit needs a file path.')
    const folder = await cli(['runs', 'wait', String(completed), '--summary', dir], env)
    expect(folder.exitCode).toBe(2)
    expect(folder.stderr).toContain('expected a file path, but it is a folder')
    const before = sb.stats().runs.datalab
    const start = await cli(
      ['runs', 'start', 'datalab', '--collection', '1', '--rubric', '1', '--wait', '--junit', dir],
      env,
    )
    expect(start.exitCode).toBe(2)
    expect(sb.stats().runs.datalab).toBe(before)
    expect(existsSync(join(dir, 'never'))).toBe(false)
  })
})

describe('writeGateReports', () => {
  it('writes what it could read when a run’s results break off, says so, and exits 3', async () => {
    const { PassThrough } = await import('node:stream')
    const { writeGateReports } = await import('../src/output/write-reports.js')
    const [completed] = await refs('completed')
    const real = (await cli(['runs', 'get', String(completed), '--json'], env)).stdout
    const run = JSON.parse(real, (key, value) =>
      ['createdAt', 'startedAt', 'completedAt'].includes(key) && value ? new Date(value) : value,
    )
    const stderr = new PassThrough()
    const said: string[] = []
    stderr.on('data', (chunk: Buffer) => said.push(chunk.toString()))
    const items = jsonLines((await cli(['runs', 'results', String(completed), '--json'], env)).stdout)
    const ctx = {
      io: { stdout: new PassThrough(), stderr, env: {} },
      colors: {} as never,
      quiet: false,
      ci: null,
      untilInterrupted: () => new Promise<void>(() => {}),
      waitPolling: {},
      evalrun: () =>
        ({
          runs: {
            async *results() {
              yield items[0]
              throw new Error('socket hang up')
            },
          },
        }) as never,
    }
    const junit = join(dir, 'broken', 'junit.xml')
    const code = await writeGateReports(ctx, { junit }, [
      { ref: run.ref, run, exitCode: 0, line: 'completed' },
    ])
    expect(code).toBe(3)
    expect(said.join('')).toContain(
      `evalrun: the JUnit report lacks some items of ${run.ref}: socket hang up`,
    )
    const xml = readFileSync(junit, 'utf8')
    expect(xml).toContain('name="gate"')
    expect(xml.match(/<testcase /g)?.length).toBeGreaterThanOrEqual(2)
  })
})

describe('--junit and --summary on runs compare', () => {
  it('writes the comparison: a failing case per regressed item, the gate on the head run, the top regressions', async () => {
    const { createEvalrun } = await import('evalrun')
    const { latestPairs } = await import('evalrun/reports')
    const evalrun = createEvalrun({ ...sb.clientOptions, onWarning: () => {} })
    const runs = []
    for await (const run of evalrun.runs.list({ status: ['completed'] })) runs.push(run)
    let found = null
    for (const pair of latestPairs(runs)) {
      const comparison = await evalrun.runs.compare(pair.base, pair.head)
      if (comparison.summary.regressed > 0) {
        found = comparison
        break
      }
    }
    if (found === null) throw new Error('the seeded sandbox has no latest pair with regressions')
    const { base, head, summary } = found
    const junit = join(dir, 'compare', 'junit.xml')
    const markdown = join(dir, 'compare', 'summary.md')
    const { exitCode, stderr } = await cli(
      [
        'runs',
        'compare',
        base.ref,
        head.ref,
        '--fail-on-regression',
        '--junit',
        junit,
        '--summary',
        markdown,
      ],
      env,
    )
    expect(exitCode).toBe(1)
    expect(stderr).toContain(`wrote JUnit report ${junit}`)

    const xml = readFileSync(junit, 'utf8')
    const validation = await validateXML({
      xml: [{ fileName: 'junit.xml', contents: xml }],
      schema: [SCHEMA],
    })
    expect(validation.errors).toEqual([])
    const comparisonSuite = xml.slice(
      xml.indexOf(`<testsuite name="evalrun compare ${base.ref} → ${head.ref}"`),
    )
    expect(comparisonSuite).toMatch(new RegExp(`failures="${summary.regressed}"`))
    expect(comparisonSuite.match(/type="regression">/g)).toHaveLength(summary.regressed)
    const regressed = `${summary.regressed} ${summary.regressed === 1 ? 'item' : 'items'} regressed; --fail-on-regression allows 0`
    expect(xml).toContain(`<failure message="${regressed}" type="gate">`)

    const text = readFileSync(markdown, 'utf8')
    expect(text.split('\n')[0]).toBe('## ❌ evalrun: failed (1 of 1 gated run failed)')
    expect(text).toContain('### Compared: ')
    expect(text).toContain(`**Top regressions** (${Math.min(10, summary.regressed)} of ${summary.regressed})`)
  })
})
