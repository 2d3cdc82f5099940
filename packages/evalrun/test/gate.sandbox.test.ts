import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkSuites, judgeSuite, NO_CRITERIA, type SuiteGate, worstVerdict } from '../src/gate.js'
import { createEvalrun, type Evalrun, EvalrunInvalidInputError } from '../src/index.js'
import * as stats from '../src/stats.js'

// The library's gate on the sandbox: what `evalrun check` runs, without the CLI.
let sandbox: Sandbox
let evalrun: Evalrun
let langfuseSuite: string

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, runs: 6, suites: 1, clock: { speed: 60 } })
  evalrun = createEvalrun({ ...sandbox.clientOptions, env: {}, onWarning: () => {} })
  for await (const run of evalrun.runs.list({ vendors: ['langfuse'], limit: 1 }))
    langfuseSuite = run.suite.ref
})
afterAll(() => sandbox.close())

const quickWait = (ref: string) => evalrun.runs.wait(ref, { pollIntervalMs: 5, maxPollIntervalMs: 5 })

function gates(promptlayerMinScore: number): SuiteGate[] {
  return [
    {
      suite: 'datalab:1',
      criteria: { ...NO_CRITERIA, minMetrics: [{ name: 'avg_score', value: 0.7 }] },
      drop: null,
      baseline: { kind: 'previous' },
    },
    {
      suite: 'promptlayer:1',
      criteria: { ...NO_CRITERIA, minScore: promptlayerMinScore },
      drop: null,
      baseline: { kind: 'previous' },
    },
    {
      suite: langfuseSuite,
      criteria: NO_CRITERIA,
      drop: { maxDrop: 0.5, confidence: 0.9, nonInferiority: false },
      baseline: { kind: 'match', name: null, metadata: { model: 'gpt-4o' } },
    },
  ]
}

describe('checkSuites', () => {
  it('judges three suites on three vendors, each on its newest run, the drop against its baseline', async () => {
    const verdicts = await checkSuites(evalrun, gates(0.4), { stats, wait: quickWait })
    expect(verdicts.map((v) => [v.suite, v.verdict])).toEqual([
      ['datalab:1', 'passed'],
      ['promptlayer:1', 'passed'],
      [langfuseSuite, 'passed'],
    ])
    const [, , langfuse] = verdicts
    expect(langfuse?.baseline?.ref).toMatch(/^langfuse:/)
    expect(langfuse?.baseline?.ref).not.toBe(langfuse?.ref)
    expect(langfuse?.drop?.measure).not.toBeNull()
    expect(langfuse?.comparison?.complete).toBe(true)
  })

  it('fails the suite under its threshold, naming the config key, and still judges the others', async () => {
    const verdicts = await checkSuites(evalrun, gates(0.9), { stats, wait: quickWait })
    expect(verdicts.map((v) => v.verdict)).toEqual(['passed', 'failed', 'passed'])
    expect(verdicts[1]?.reason).toMatch(/is below minScore 0\.9$/)
    expect(worstVerdict(verdicts.map((v) => v.verdict))).toBe('failed')
  })

  it('does not pass a suite it could not read: unread, with the vendor’s error kept', async () => {
    const broken = createEvalrun({
      ...sandbox.clientOptions,
      datalab: { ...sandbox.clientOptions.datalab, apiKey: 'not-the-key', retry: false },
      env: {},
      onWarning: () => {},
    })
    const [datalab] = await checkSuites(broken, gates(0.4).slice(0, 1), { stats, wait: quickWait })
    expect(datalab?.verdict).toBe('unread')
    expect(datalab?.error).toBeInstanceOf(Error)
    expect(datalab?.reason).toContain("listing the suite's runs failed")
    expect(datalab?.reason).not.toContain('not-the-key')
  })

  it('fails a suite none of the given refs belongs to, and calls a ref of an ungated suite not judgeable', async () => {
    let datalabRef = ''
    for await (const run of evalrun.runs.list({ suite: 'datalab:1', limit: 1 })) datalabRef = run.ref
    const verdicts = await checkSuites(evalrun, gates(0.4).slice(1, 2), {
      refs: [datalabRef],
      wait: quickWait,
    })
    expect(verdicts.map((v) => [v.suite, v.verdict])).toEqual([
      ['promptlayer:1', 'failed'],
      ['datalab:1', 'not-judgeable'],
    ])
  })

  it('judges the newest run as `get` reads it, not the summary a listing gives (Phoenix lists no scores)', async () => {
    for await (const listed of evalrun.runs.list({ vendors: ['phoenix'], status: ['completed'] })) {
      const read = await evalrun.runs.get(listed.ref)
      const metric = read.metrics.find((candidate) => candidate.value !== null)
      if (listed.metrics.length > 0 || metric === undefined) continue
      const newest = (await collect(evalrun.runs.list({ suite: listed.suite.ref })))[0]
      if (newest?.ref !== listed.ref) continue
      const [verdict] = await checkSuites(
        evalrun,
        [
          {
            suite: listed.suite.ref,
            criteria: { ...NO_CRITERIA, minMetrics: [{ name: metric.name, value: metric.value as number }] },
            drop: null,
            baseline: { kind: 'previous' },
          },
        ],
        { wait: quickWait },
      )
      expect(verdict?.verdict).toBe('passed')
      expect(verdict?.reason).toContain(metric.name)
      return
    }
    throw new Error('the seed has no completed Phoenix experiment that is its dataset’s newest and scored')
  })
})

describe('judgeSuite', () => {
  it('refuses a drop gate without the stats functions, before reading anything', async () => {
    const [, , langfuse] = gates(0.4)
    let head = null
    for await (const run of evalrun.runs.list({ suite: langfuseSuite, limit: 1 })) head = run
    if (head === null || langfuse === undefined) throw new Error('the seed has no Langfuse run')
    await expect(judgeSuite(evalrun, langfuse, head, null)).rejects.toSatisfy((error) =>
      EvalrunInvalidInputError.isInstance(error),
    )
  })
})
