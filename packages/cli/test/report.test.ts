import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { BUILT_IN_VENDORS } from 'evalrun'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

let sb: Sandbox
let env: Record<string, string>
let dir: string

beforeAll(async () => {
  sb = await startSandbox({ seed: 5, runs: 12, suites: 2, clock: 'manual' })
  env = { ...sb.env, NO_COLOR: '1' }
  dir = mkdtempSync(join(tmpdir(), 'evalrun-report-'))
})
afterAll(() => sb.close())

const rowsOf = (html: string) => [...html.matchAll(/<tr data-ref="([^"]*)" data-vendor="([^"]*)"/g)]

describe('evalrun report --html', () => {
  it('writes one page with every run across vendors, showing progress on stderr', async () => {
    const expected = jsonLines((await cli(['runs', 'list', '--json'], env)).stdout)
    const file = join(dir, 'nested', 'report.html')
    const { exitCode, stdout, stderr } = await cli(['report', '--html', file], env)
    expect(exitCode).toBe(0)
    expect(stdout).toBe(`wrote ${file} (${expected.length} runs)\n`)
    // Langfuse says which 30 days a listing without --since covers, on a line of its own.
    expect(stderr).toMatch(
      new RegExp(
        `^evalrun \\(langfuse\\): Langfuse lists experiments from a start time[^\\n]+\\nreading runs: ${expected.length} \\(.+\\), done\\ncomparing the latest pair of \\d+ suites\\n$`,
      ),
    )
    const html = readFileSync(file, 'utf8')
    expect(
      rowsOf(html)
        .map((m) => m[1])
        .sort(),
    ).toEqual(expected.map((run) => String(run.ref)).sort())
    expect(html).toContain('<title>evalrun report</title>')
    // Each vendor in the colour its description declares.
    for (const vendor of BUILT_IN_VENDORS) {
      expect(html).toContain(
        `<span class="vendor" data-vendor="${vendor.id}"><span class="swatch" style="background:${vendor.color}">`,
      )
    }
    // Each suite's latest pair, compared item by item.
    const pairs = Number(/comparing the latest pair of (\d+) suites/.exec(stderr)?.[1])
    expect(pairs).toBeGreaterThan(3)
    expect(html.match(/<section class="pair" /g)).toHaveLength(pairs)
    expect(html.match(/<p class="counts">/g)).toHaveLength(pairs)
    expect(readdirSync(join(dir, 'nested'))).toEqual(['report.html'])
  })

  it('keeps to --vendor and --since, takes a --title, and compares nothing with --no-compare', async () => {
    const file = join(dir, 'openai.html')
    const { exitCode, stderr } = await cli(
      [
        'report',
        '--html',
        file,
        '--vendor',
        'openai',
        '--since',
        '2000-01-01',
        '--title',
        'OpenAI <nightly>',
        '--no-compare',
      ],
      env,
    )
    expect(stderr).not.toContain('comparing')
    expect(exitCode).toBe(0)
    const html = readFileSync(file, 'utf8')
    const vendors = new Set(rowsOf(html).map((m) => m[2]))
    expect(vendors).toEqual(new Set(['openai']))
    expect(html).toContain('<title>OpenAI &lt;nightly&gt;</title>')
    expect(html).toContain('Item changes: no comparison of this pair was given.')
  })

  it('writes the page without a vendor that fails, says which, exits 3, and never prints its key', async () => {
    const key = 'dl-secret-key-that-must-not-print-0123456789'
    const file = join(dir, 'partial.html')
    const { exitCode, stdout, stderr } = await cli(['report', '--html', file], {
      ...env,
      DATALAB_API_KEY: key,
      DATALAB_BASE_URL: 'http://127.0.0.1:9',
    })
    expect(exitCode).toBe(3)
    expect(stderr).toMatch(/evalrun: datalab: .+ \(left out of the report\)/)
    expect(`${stdout}${stderr}${readFileSync(file, 'utf8')}`).not.toContain(key)
    const vendors = new Set(rowsOf(readFileSync(file, 'utf8')).map((m) => m[2]))
    expect(vendors.has('datalab')).toBe(false)
    expect(vendors.size).toBeGreaterThan(0)
  })

  it('exits 2 without --html or with a bad filter, and writes nothing', async () => {
    const missing = await cli(['report'], env)
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toContain('report needs --html <file>')
    const file = join(dir, 'never.html')
    const badSince = await cli(['report', '--html', file, '--since', 'yesterday'], env)
    expect(badSince.exitCode).toBe(2)
    const badVendor = await cli(['report', '--html', file, '--vendor', 'nope'], env)
    expect(badVendor.exitCode).toBe(2)
    expect(existsSync(file)).toBe(false)
  })
})

describe('the read counter', () => {
  async function drawn(isTTY: boolean, vendors: string[]): Promise<string> {
    const { PassThrough } = await import('node:stream')
    const { createReadProgress } = await import('../src/output/read-progress.js')
    const stderr = Object.assign(new PassThrough(), { isTTY })
    const out: string[] = []
    stderr.on('data', (chunk: Buffer) => out.push(chunk.toString()))
    const progress = createReadProgress({ stdout: new PassThrough(), stderr, env: {} }, 2)
    for (const vendor of vendors) progress.add(vendor)
    progress.done()
    return out.join('')
  }

  it('rewrites one line on a terminal, and writes a line every so many runs in a log', async () => {
    expect(await drawn(true, ['datalab', 'openai', 'datalab'])).toBe(
      '\rreading runs: 1 (datalab 1)\rreading runs: 2 (datalab 1, openai 1)\rreading runs: 3 (datalab 2, openai 1)\rreading runs: 3 (datalab 2, openai 1), done\n',
    )
    expect(await drawn(false, ['datalab', 'openai', 'datalab'])).toBe(
      'reading runs: 2 (datalab 1, openai 1)\nreading runs: 3 (datalab 2, openai 1), done\n',
    )
  })
})
