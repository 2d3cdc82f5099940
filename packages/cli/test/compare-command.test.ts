import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { createEvalrun, type EvalRun, type Evalrun, type RunComparison } from 'evalrun'
import * as stats from 'evalrun/stats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'

let sb: Sandbox
let env: Record<string, string>
let evalrun: Evalrun
/** Consecutive completed runs of one suite, oldest first, with how their comparison came out. */
let pairs: Array<{ base: EvalRun; head: EvalRun; comparison: RunComparison }>

beforeAll(async () => {
  // A manual clock: nothing moves between the library's reading and the CLI's.
  sb = await startSandbox({ seed: 3, runs: 18, suites: 2, clock: 'manual' })
  env = { ...sb.env, NO_COLOR: '1' }
  evalrun = createEvalrun({ ...sb.clientOptions, onWarning: () => {} })
  const bySuite = new Map<string, EvalRun[]>()
  for await (const run of evalrun.runs.list({ status: ['completed'] })) {
    bySuite.set(run.suite.ref, [...(bySuite.get(run.suite.ref) ?? []), run])
  }
  pairs = []
  for (const runs of bySuite.values()) {
    runs.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0))
    for (let i = 1; i < runs.length; i++) {
      const [base, head] = [runs[i - 1] as EvalRun, runs[i] as EvalRun]
      pairs.push({ base, head, comparison: await evalrun.runs.compare(base, head, { stats }) })
    }
  }
})
afterAll(() => sb.close())

const withRegressions = () => {
  const pair = pairs.find((p) => p.comparison.summary.regressed > 0 && p.comparison.summary.improved > 0)
  if (!pair) throw new Error('the seeded sandbox has no pair of runs with regressions and improvements')
  return pair
}

describe('the sandbox seeds', () => {
  it('gives every vendor suites whose runs compare with some items regressed, some improved, most unchanged', () => {
    for (const vendor of ['datalab', 'promptlayer', 'humanloop', 'openai']) {
      const ofVendor = pairs.filter((p) => p.base.vendor === vendor)
      const total = (key: 'regressed' | 'improved' | 'unchanged') =>
        ofVendor.reduce((sum, p) => sum + p.comparison.summary[key], 0)
      expect(ofVendor.length, vendor).toBeGreaterThan(1)
      expect(total('regressed'), vendor).toBeGreaterThan(0)
      expect(total('improved'), vendor).toBeGreaterThan(0)
      expect(total('unchanged'), vendor).toBeGreaterThan(total('regressed') + total('improved'))
    }
  })
})

describe('evalrun runs compare', () => {
  it('prints the changed items, regressions first, then the counts and the metrics', async () => {
    const { base, head, comparison } = withRegressions()
    const { exitCode, stdout } = await cli(['runs', 'compare', base.ref, head.ref], env)
    expect(exitCode).toBe(0)
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(new RegExp(`^base ${base.ref.replace(/[/.]/g, '\\$&')}  `))
    expect(lines[1]).toMatch(/^head /)
    const header = lines.findIndex((line) => /^CHANGE\s+KEY\s+STATUS\s+SCORE\s+METRICS$/.test(line))
    expect(header).toBeGreaterThan(0)
    const changes = lines.slice(header + 1, header + 1 + comparison.items.length).map((l) => l.split(' ')[0])
    expect(changes).toEqual(comparison.items.map((item) => item.change))
    expect(changes[0]).toBe('regressed')
    const { regressed, improved, unchanged, added, removed } = comparison.summary
    expect(stdout).toContain(
      `${regressed} regressed · ${improved} improved · ${unchanged} unchanged · ${added} added · ${removed} removed`,
    )
    expect(stdout).toMatch(/METRIC \(MEAN\)\s+BASE\s+HEAD\s+CHANGE\s+SCALE/)
  })

  it('--json prints what runs.compare returns, as one JSON document', async () => {
    const { base, head, comparison } = withRegressions()
    const { exitCode, stdout } = await cli(['runs', 'compare', base.ref, head.ref, '--json'], env)
    expect(exitCode).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(comparison)))
  })

  it('--fail-on-regression [N] exits 1 when more than N items regressed', async () => {
    const { base, head, comparison } = withRegressions()
    const { regressed } = comparison.summary
    const bare = await cli(['runs', 'compare', base.ref, head.ref, '--fail-on-regression'], env)
    expect(bare.exitCode).toBe(1)
    expect(bare.stdout).toContain(`✗ ${regressed} items regressed; --fail-on-regression allows 0.`)
    const enough = await cli(
      ['runs', 'compare', base.ref, head.ref, '--fail-on-regression', String(regressed)],
      env,
    )
    expect(enough.exitCode).toBe(0)
    const json = await cli(['runs', 'compare', base.ref, head.ref, '--json', '--fail-on-regression'], env)
    expect(json.exitCode).toBe(1)
    expect(JSON.parse(json.stdout).summary.regressed).toBe(regressed)
    expect(json.stderr).toContain('items regressed')
  })

  it("warns when the runs are of two suites, and refuses to gate on them joined on the vendor's key", async () => {
    const promptlayer = pairs.filter((p) => p.head.vendor === 'promptlayer').map((p) => p.head)
    const base = promptlayer[0] as EvalRun
    const head = promptlayer.find((run) => run.suite.ref !== base.suite.ref) as EvalRun
    expect(head).toBeDefined()
    const plain = await cli(['runs', 'compare', base.ref, head.ref], env)
    expect(plain.exitCode).toBe(0)
    expect(plain.stdout).toContain(
      `warning The runs are of two suites (${base.suite.ref} and ${head.suite.ref}): items were joined on the vendor's key`,
    )
    const gated = await cli(['runs', 'compare', base.ref, head.ref, '--fail-on-regression', '5'], env)
    expect(gated).toMatchObject({ exitCode: 2, stdout: '' })
    expect(gated.stderr).toContain(
      `evalrun: ${base.ref} and ${head.ref} are runs of two suites (${base.suite.ref} and ${head.suite.ref})`,
    )
    expect(gated.stderr).toContain('--key')
    expect(gated.stderr).toContain('--allow-cross-suite')
    for (const consent of [['--allow-cross-suite'], ['--key', 'name']]) {
      const allowed = await cli(
        ['runs', 'compare', base.ref, head.ref, '--fail-on-regression', '1000', ...consent],
        env,
      )
      expect(allowed.exitCode).toBe(0)
    }
  })

  it('a run compared with itself has nothing changed', async () => {
    const { head } = withRegressions()
    const { exitCode, stdout } = await cli(
      ['runs', 'compare', head.ref, head.ref, '--fail-on-regression'],
      env,
    )
    expect(exitCode).toBe(0)
    expect(stdout).toContain('No item changed.')
  })

  it('joins runs of two vendors only on a key the user chooses', async () => {
    const promptlayer = pairs.find((p) => p.head.vendor === 'promptlayer')?.head
    const humanloop = pairs.find((p) => p.head.vendor === 'humanloop')?.head
    const refused = await cli(['runs', 'compare', String(promptlayer?.ref), String(humanloop?.ref)], env)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toContain('are runs of two vendors')
    expect(refused.stderr).toContain('--key (key, name, input or input.<field>)')
    // PromptLayer's dataset rows and Humanloop's datapoints both carry the question asked.
    const joined = await cli(
      [
        'runs',
        'compare',
        String(promptlayer?.ref),
        String(humanloop?.ref),
        '--key',
        'input.question',
        '--json',
      ],
      env,
    )
    expect(joined.exitCode).toBe(0)
    const comparison = JSON.parse(joined.stdout) as RunComparison
    expect(comparison.joinedBy).toBe('custom')
    const { improved, regressed, unchanged } = comparison.summary
    expect(improved + regressed + unchanged).toBeGreaterThan(0)
  })

  it.each([
    [['--key', 'output'], 2, '--key "output": expected key, name, input or input.<field>.'],
    [
      ['--fail-on-regression', 'some'],
      2,
      '--fail-on-regression "some": expected a whole number of 0 or more.',
    ],
  ])('rejects %j with exit %i', async (flags, code, message) => {
    const { base, head } = withRegressions()
    const { exitCode, stderr } = await cli(['runs', 'compare', base.ref, head.ref, ...flags], env)
    expect(exitCode).toBe(code)
    expect(stderr).toContain(message)
  })

  it('exits 2 on a malformed ref and 3 on a run the vendor does not know', async () => {
    const { base } = withRegressions()
    const malformed = await cli(['runs', 'compare', base.ref, 'nope'], env)
    expect(malformed.exitCode).toBe(2)
    expect(malformed.stderr).toContain('Invalid `head`')
    const unknown = await cli(['runs', 'compare', 'datalab:999999', 'datalab:1'], env)
    expect(unknown.exitCode).toBe(3)
  })

  it('explains itself in --help', async () => {
    const { exitCode, stdout } = await cli(['runs', 'compare', '--help'], env)
    expect(exitCode).toBe(0)
    expect(stdout).toContain('--fail-on-regression [n]')
    expect(stdout).toContain('evalrun runs compare datalab:41 datalab:42')
    expect(stdout).toContain('--key input.question')
  })
})
