import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

let sb: Sandbox
let dir: string
/** The Langfuse suite's ref: its ids come from the seed. */
let langfuse: string

beforeAll(async () => {
  sb = await startSandbox({ seed: 3, runs: 6, suites: 1, clock: { speed: 60 } })
  dir = await mkdtemp(join(tmpdir(), 'evalrun-check-'))
  const listed = jsonLines((await cli(['runs', 'list', '--vendor', 'langfuse', '--json'], sb.env)).stdout)
  langfuse = (listed[0]?.suite as { ref: string } | undefined)?.ref ?? 'no Langfuse run listed'
})
afterAll(async () => {
  await sb.close()
  await rm(dir, { recursive: true, force: true })
})

async function check(config: string, args: string[] = [], name = 'evalrun.config.yaml') {
  const path = join(dir, name)
  await writeFile(path, config)
  return cli(['check', '--config', path, ...args], sb.env, {
    waitPolling: { pollIntervalMs: 5, maxPollIntervalMs: 5 },
  })
}

/** Three suites on three vendors: Datalab's metric, PromptLayer's normalised score, Langfuse's drop from a baseline. */
function threeSuites(promptlayerMinScore: number): string {
  return `suites:
  - suite: datalab:1
    gates:
      minMetric: { avg_score: 0.7 }
  - suite: promptlayer:1
    gates: { minScore: ${promptlayerMinScore} }
  - suite: ${langfuse}
    gates: { maxDrop: 0.5, confidence: 0.9 }
    baseline: { match: { metadata: { model: gpt-4o } } }
`
}

describe('evalrun check', () => {
  it('passes three suites on three vendors, each newest run judged, and writes the reports (exit 0)', async () => {
    const junit = join(dir, 'evalrun.xml')
    const summary = join(dir, 'summary.md')
    const result = await check(threeSuites(0.4), ['--junit', junit, '--summary', summary])
    expect(result.stderr).toContain('wrote JUnit report')
    expect(result.exitCode).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^✓ datalab:1 datalab:6 completed, .*avg_score 0\.753/)
    expect(lines[1]).toMatch(/^✓ promptlayer:1 promptlayer:7 completed, score 50 of 0\.\.100 \(0\.500\)/)
    expect(lines[2]).toMatch(/^✓ langfuse:\S+ langfuse:\S+ completed.*; maxDrop: against langfuse:\S+: /)
    expect(await readFile(junit, 'utf8')).toContain('promptlayer:7')
    expect(await readFile(summary, 'utf8')).toContain('datalab:6')
  })

  it('fails the suite that misses a gate and still judges the others (exit 1)', async () => {
    const result = await check(threeSuites(0.9), ['--json'])
    expect(result.exitCode).toBe(1)
    const verdicts = jsonLines(result.stdout)
    expect(verdicts.map((v) => [v.suite, v.passed])).toEqual([
      ['datalab:1', true],
      ['promptlayer:1', false],
      [langfuse, true],
    ])
    expect(verdicts[1]?.reason).toBe('completed, but score 50 of 0..100 (0.500) is below minScore 0.9')
    // The baseline is the newest completed run before the head whose metadata matches.
    expect(verdicts[2]?.baseline).toMatch(/^langfuse:/)
  })

  it('fails closed when a drop gate has no baseline, or a suite has no run', async () => {
    const result = await check(`suites:
  - suite: datalab:1
    gates: { maxDrop: 0.02 }
    baseline: { match: { name: no such run } }
  - suite: datalab:999
`)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      '✗ datalab:1 datalab:6 completed, score 0.753 (no declared scale); maxDrop: no baseline: no completed run before it matches name "no such run"',
    )
    expect(result.stdout).toMatch(/✗ datalab:999 the suite has no run/)
  })

  it('judges the refs given under their suite, and fails a suite none of them belongs to', async () => {
    const result = await check(
      `suites:\n  - suite: promptlayer:1\n    gates: { minScore: 0.6 }\n  - suite: datalab:1\n`,
      ['promptlayer:6'],
    )
    expect(result.stdout).toContain('✓ promptlayer:1 promptlayer:6 completed, score 64.290 of 0..100 (0.643)')
    expect(result.stdout).toContain('✗ datalab:1 none of the refs given is a run of this suite')
    expect(result.exitCode).toBe(1)
  })

  it('reads a JSON config; a drop gate against a fixed baseline ref', async () => {
    const result = await check(
      JSON.stringify({
        suites: [{ suite: 'promptlayer:1', gates: { maxDrop: 0.9 }, baseline: 'promptlayer:2' }],
      }),
      [],
      'evalrun.config.json',
    )
    expect(result.stdout).toMatch(/^✓ promptlayer:1 promptlayer:7 .*against promptlayer:2: /)
    expect(result.exitCode).toBe(0)
  })

  it('exits 2 on a broken config, naming the file, line and key, before anything is read', async () => {
    const broken = await check(
      'suites:\n  - suite: datalab:1\n    gates:\n      minMetric: { avg_score: high }\n',
    )
    expect(broken.exitCode).toBe(2)
    expect(broken.stderr).toContain(
      'evalrun.config.yaml:4:31: suites[0].gates.minMetric.avg_score: expected a number (got "high")',
    )
    const unscaled = await check('suites:\n  - suite: datalab:1\n    gates: { minScore: 0.5 }\n')
    expect(unscaled.exitCode).toBe(2)
    expect(unscaled.stderr).toContain('minScore cannot judge datalab:1 (evalrun.config.yaml:2:5)')
  })
  // Last: it adds a run to the sandbox.
  it('waits for the run a workflow just started, given as a ref; a drop Datalab cannot test is exit 2', async () => {
    const started = await cli(
      [
        'runs',
        'start',
        'datalab',
        '--collection',
        String(sb.catalog.datalab.collections[0]?.id),
        '--rubric',
        String(sb.catalog.datalab.rubrics[0]?.id),
      ],
      sb.env,
    )
    const ref = /^started (datalab:\d+)/.exec(started.stdout)?.[1]
    expect(ref).toBeDefined()
    const config = `suites:\n  - suite: datalab:1\n    gates: { minMetric: { avg_score: 0 }, maxDrop: 1 }\n`
    const result = await check(config, [String(ref), '--timeout', '2m'])
    // Waited for, judged on its metric; Datalab's scores have no scale, so the drop cannot be tested: exit 2.
    expect(result.stdout).toMatch(
      new RegExp(
        `^✗ datalab:1 ${ref} completed, .*avg_score \\S+; maxDrop: against datalab:6: neither the pass rate`,
      ),
    )
    expect(result.exitCode).toBe(2)
  })
})
