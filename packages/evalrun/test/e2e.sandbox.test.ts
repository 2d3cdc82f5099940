import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { splitRef } from '../src/core/ref.js'
import {
  createEvalrun,
  type EvalItem,
  type EvalRun,
  type Evalrun,
  EvalrunListError,
  type StartRunInput,
} from '../src/index.js'

function evalrunFor(sandbox: Sandbox): Evalrun {
  return createEvalrun(sandbox.clientOptions)
}

/**
 * Waits on the sandbox's manual clock: every poll moves sandbox time a minute on, so runs progress by polls,
 * not by wall time. Polls are 5 ms apart in real time; nothing here depends on how long that takes.
 */
function waitAdvancing(evalrun: Evalrun, sandbox: Sandbox, run: EvalRun): Promise<EvalRun> {
  return evalrun.runs.wait(run, {
    pollIntervalMs: 5,
    maxPollIntervalMs: 5,
    timeoutMs: 60_000,
    onProgress: () => sandbox.clock.advance(60_000),
  })
}

describe('against the sandbox', () => {
  let sandbox: Sandbox
  let evalrun: Evalrun
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 42, suites: 3, runs: 12, clock: 'manual' })
    evalrun = evalrunFor(sandbox)
  })
  afterAll(() => sandbox.close())

  it('starts a run on each vendor, waits for it, lists it and reads its results', async () => {
    const { datalab, promptlayer, humanloop } = sandbox.catalog
    const collection = datalab.collections[0]!
    const started = [
      await evalrun.runs.start({
        vendor: 'datalab',
        collectionId: collection.id,
        rubricId: datalab.rubrics[0]!.id,
      }),
      await evalrun.runs.start({
        vendor: 'promptlayer',
        pipelineId: promptlayer.pipelines[0]!.id,
        name: 'e2e',
      }),
      await evalrun.runs.start({
        vendor: 'humanloop',
        evaluationId: humanloop.evaluations[0]!.id,
        dataset: { versionId: humanloop.datasets[0]!.versionId },
        version: { versionId: humanloop.versions[0]!.versionId },
      }),
    ]
    for (const run of started) {
      expect(run.terminal, run.ref).toBe(false)
      expect(splitRef(run.ref).vendor).toBe(run.vendor)
      expect((await evalrun.runs.get(run.ref)).ref).toBe(run.ref)
    }

    const finished = await Promise.all(started.map((run) => waitAdvancing(evalrun, sandbox, run)))
    for (const run of finished) {
      expect(run.status, `${run.ref}: ${run.warnings.join('; ')}`).toBe('completed')
      expect(run.progress.completed).toBe(run.progress.total)
    }
    const [datalabRun, promptlayerRun, humanloopRun] = finished
    expect(datalabRun?.progress.total).toBe(collection.fileCount)
    expect(humanloopRun?.metrics.length).toBeGreaterThan(0)

    const listed = new Set((await collect(evalrun.runs.list())).map((run) => run.ref))
    for (const run of finished) expect(listed.has(run.ref), run.ref).toBe(true)

    for (const run of finished) {
      const items = await collect(evalrun.runs.results(run))
      expect(items.length, run.ref).toBeGreaterThan(0)
      for (const item of items) {
        expect(item.runRef).toBe(run.ref)
        expect(item.status, `${run.ref} ${item.id}: ${item.warnings.join('; ')}`).not.toBe('unknown')
      }
    }
    expect(typeof datalabRun?.score).toBe('number')
    expect(typeof promptlayerRun?.score).toBe('number')
  })

  it('launches a Braintrust eval, follows it to the end by the status rule, and reads its cases', async () => {
    const project = sandbox.catalog.braintrust.projects[0]!
    const run = await evalrun.runs.start({
      vendor: 'braintrust',
      projectId: project.id,
      data: { dataset_id: project.datasetId },
      task: { function_id: project.taskFunctionId },
      scores: sandbox.catalog.braintrust.scores,
      experimentName: 'e2e',
    })
    // `start` returned at the stream's start event: the experiment exists, nothing has run yet.
    expect(run).toMatchObject({ vendor: 'braintrust', name: 'e2e', status: 'running', vendorStatus: null })
    expect(run.suite).toMatchObject({ kind: 'project', id: project.id, name: project.name })
    // Half-way through (2 s queued, a case every 0.5 s), the newest case is fresh: still running.
    sandbox.clock.advance(2_000 + Math.floor(project.rows / 2) * 500)
    expect((await evalrun.runs.get(run)).status).toBe('running')
    const done = await waitAdvancing(evalrun, sandbox, run)
    expect(done).toMatchObject({ status: 'completed', terminal: true, vendorStatus: null })
    expect(done.warnings[0]).toMatch(/Braintrust records no run status/)
    expect(done.scoreScale).toEqual({ min: 0, max: 1, source: 'declared' })
    expect(done.normalizedScore).toBe(done.score)
    expect(done.metrics.slice(0, 2).map((metric) => metric.name)).toEqual(['Factuality', 'Levenshtein'])
    // Compared with the project's previous experiment, as Braintrust summarises.
    expect(typeof done.metrics[0]?.diff).toBe('number')
    expect(done.metrics[0]?.counts).toMatchObject({ improvements: expect.any(Number) })

    const items = await collect(evalrun.runs.results(done))
    expect(items).toHaveLength(project.rows)
    expect(new Set(items.map((item) => item.key)).size).toBe(project.rows)
    expect(new Set(items.map((item) => item.id)).size).toBe(project.rows)
    for (const item of items) expect(['completed', 'error']).toContain(item.status)
    const cancel = await evalrun.runs.cancel(done).catch((error: unknown) => error)
    expect((cancel as Error).name).toBe('EvalrunNotSupportedError')
  })

  it('cancels an OpenAI run at the path OpenAI’s own client posts to', async () => {
    // The sandbox's cancel route is the one OpenAI's official client (openai-node) uses: its own test checks it
    // (packages/sandbox/test/official-openai-client.test.ts). evalrun must cancel there too.
    const input = sandbox.sampleStartInputs().find((sample) => sample.vendor === 'openai')!
    const run = await evalrun.runs.start(input as unknown as StartRunInput)
    const canceled = await evalrun.runs.cancel(run)
    expect(canceled).toMatchObject({ ref: run.ref, status: 'canceled', terminal: true })
    expect((await evalrun.runs.get(run.ref)).status).toBe('canceled')
  })

  it('cancels a Humanloop run', async () => {
    const { humanloop } = sandbox.catalog
    const run = await evalrun.runs.start({
      vendor: 'humanloop',
      evaluationId: humanloop.evaluations[1]!.id,
      dataset: { versionId: humanloop.datasets[1]!.versionId },
      version: { versionId: humanloop.versions[1]!.versionId },
    })
    const canceled = await evalrun.runs.cancel(run)
    expect(canceled).toMatchObject({ ref: run.ref, status: 'canceled', terminal: true })
    expect((await evalrun.runs.get(run.ref)).status).toBe('canceled')
    // Waiting on a canceled run ends at once instead of polling forever.
    expect((await waitAdvancing(evalrun, sandbox, run)).status).toBe('canceled')
  })

  it("each vendor's runs have a score scale as its description says (scoreScale)", async () => {
    const { BUILT_IN_VENDORS } = await import('../src/index.js')
    const runs = await collect(evalrun.runs.list({ onWarning: () => {} }))
    for (const vendor of BUILT_IN_VENDORS) {
      const scales = runs.filter((run) => run.vendor === vendor.id).map((run) => run.scoreScale !== null)
      expect(scales.length, vendor.id).toBeGreaterThan(0)
      if (vendor.scoreScale === 'never')
        expect(
          scales.every((has) => !has),
          vendor.id,
        ).toBe(true)
      if (vendor.scoreScale === 'always')
        expect(
          scales.every((has) => has),
          vendor.id,
        ).toBe(true)
    }
  })

  it('filters a listing by suite and status', async () => {
    const suite = `humanloop:${sandbox.catalog.humanloop.evaluations[0]!.id}`
    const runs = await collect(evalrun.runs.list({ suite, status: ['completed', 'canceled'] }))
    expect(runs.length).toBeGreaterThan(0)
    for (const run of runs) {
      expect(run.suite.ref).toBe(suite)
      expect(['completed', 'canceled']).toContain(run.status)
    }
  })
})

describe('Langfuse experiments in the sandbox, read-only', () => {
  let langfuseSandbox: Sandbox
  beforeAll(async () => {
    langfuseSandbox = await startSandbox({ port: 0, seed: 42, suites: 3, runs: 60, clock: 'manual' })
  })
  afterAll(() => langfuseSandbox.close())

  it('reads Langfuse experiments: lists the last 30 days, waits for a running one, gates on its score, reads its items', async () => {
    const sandbox = langfuseSandbox
    const evalrun = evalrunFor(sandbox)
    const warnings: string[] = []
    const listed = await collect(
      evalrun.runs.list({ vendors: ['langfuse'], onWarning: (message) => warnings.push(message) }),
    )
    expect(listed.length).toBeGreaterThan(0)
    expect(warnings).toEqual([expect.stringContaining('covers those started in the last 30 days')])
    const { datasets } = sandbox.catalog.langfuse
    // A running experiment of the dataset whose experiments get one experiment-level score.
    const running = listed.find((run) => run.status === 'running' && run.suite.id === datasets[0]!.id)
    expect(running, listed.map((run) => `${run.ref} ${run.status} ${run.suite.id}`).join('\n')).toBeDefined()
    expect(running!.vendorStatus).toBeNull()
    expect(running!.warnings[0]).toMatch(/^Langfuse experiments have no status/)
    const done = await waitAdvancing(evalrun, sandbox, running!)
    expect(done.status).toBe('completed')
    expect(done.score).toBeGreaterThan(0)
    expect(done.metrics.map((metric) => metric.name)).toEqual(['avg_correctness'])
    const items = await collect(evalrun.runs.results(done))
    expect(items).toHaveLength(done.progress.completed!)
    // Each item keyed by the dataset item it ran: one key per item, at most the dataset's size.
    const keys = new Set(items.map((item) => item.key))
    expect(keys.size).toBe(items.length)
    expect(keys.size).toBeLessThanOrEqual(datasets[0]!.items)
    expect(items.every((item) => item.key === item.name)).toBe(true)
    expect(new Set(items.map((item) => item.status))).not.toContain('unknown')
    await expect(evalrun.runs.cancel(done)).rejects.toThrow('cancel is not supported by Langfuse')
    const bySuite = await collect(evalrun.runs.list({ suite: done.suite.ref, since: '2025-01-01' }))
    expect(bySuite.every((run) => run.suite.id === datasets[0]!.id)).toBe(true)
    expect(bySuite.map((run) => run.ref)).toContain(done.ref)
  })
})

describe('Phoenix experiments in the sandbox, read-only', () => {
  let phoenixSandbox: Sandbox
  beforeAll(async () => {
    phoenixSandbox = await startSandbox({ port: 0, seed: 42, suites: 3, runs: 60, clock: 'manual' })
  })
  afterAll(() => phoenixSandbox.close())

  const phoenixOf = (sandbox: Sandbox) =>
    createEvalrun({
      ...sandbox.clientOptions,
      phoenix: { ...sandbox.clientOptions.phoenix, scoreScales: { correctness: { min: 0, max: 1 } } },
    })

  it('lists Phoenix experiments, waits for a running one, reads its score and its runs as items', async () => {
    const sandbox = phoenixSandbox
    const evalrun = phoenixOf(sandbox)
    const warnings: string[] = []
    const listed = await collect(
      evalrun.runs.list({ vendors: ['phoenix'], onWarning: (message) => warnings.push(message) }),
    )
    expect(listed).toHaveLength(sandbox.stats().runs.phoenix)
    expect(warnings).toEqual([])
    const names = new Map(sandbox.catalog.phoenix.datasets.map((dataset) => [dataset.id, dataset.name]))
    expect(listed.every((run) => run.suite.name === names.get(run.suite.id))).toBe(true)
    expect(listed.every((run) => run.warnings[0]?.startsWith('Phoenix experiments have no status'))).toBe(
      true,
    )
    const statuses = new Set(listed.map((run) => run.status))
    expect([...statuses].sort()).toEqual(['completed', 'failed', 'running'])
    const running = listed.find((run) => run.status === 'running')!
    const done = await waitAdvancing(evalrun, sandbox, running)
    if (done.vendor !== 'phoenix') throw new Error(`not a Phoenix run: ${done.ref}`)
    expect(['completed', 'failed']).toContain(done.status)
    expect(done.progress.total).toBe(done.progress.completed! + (done.raw.missing_run_count ?? 0))
    const items = (await collect(evalrun.runs.results(done))) as EvalItem<'phoenix'>[]
    expect(items).toHaveLength(done.progress.completed!)
    // Repetitions share their example's key; an errored run is never passed.
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length / done.raw.repetitions)
    expect(new Set(items.map((item) => item.status))).not.toContain('passed')
    expect(items.filter((item) => item.status === 'error')).toHaveLength(
      items.filter(
        (item) => item.raw.error !== null || item.warnings.some((w) => /No .* evaluation|Evaluator/.test(w)),
      ).length,
    )
    await expect(evalrun.runs.cancel(done)).rejects.toThrow('cancel is not supported by Phoenix')
    // A clean completed experiment scores on the declared scale; one with an unjudged run has no score.
    const completed = listed.filter((run) => run.status === 'completed')
    const scored = await Promise.all(completed.map((run) => evalrun.runs.get(run)))
    for (const run of scored) {
      if (run.score === null) expect(run.warnings.some((w) => w.startsWith('No run score'))).toBe(true)
      else expect(run.normalizedScore).toBeGreaterThanOrEqual(0)
    }
    expect(scored.some((run) => run.scoreScale?.source === 'config')).toBe(true)
  })

  it('compares two experiments of one dataset, joined on the dataset example', async () => {
    const evalrun = phoenixOf(phoenixSandbox)
    const completed = await collect(evalrun.runs.list({ vendors: ['phoenix'], status: ['completed'] }))
    const bySuite = new Map<string, EvalRun[]>()
    for (const run of completed) bySuite.set(run.suite.id, [...(bySuite.get(run.suite.id) ?? []), run])
    const pair = [...bySuite.values()].find((runs) => runs.length >= 2)!
    const [base, head] = pair as [EvalRun, EvalRun]
    const comparison = await evalrun.runs.compare(base, head)
    expect(comparison.sameSuite).toBe(true)
    expect(comparison.complete).toBe(true)
    const summary = comparison.summary
    const matched = summary.improved + summary.regressed + summary.unchanged
    expect(matched).toBeGreaterThan(0)
    expect(summary.added + summary.removed).toBe(0)
  })
})

describe('PromptLayer verdicts in the sandbox', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 42, suites: 3, runs: 12, clock: 'manual' })
  })
  afterAll(() => sandbox.close())

  it('fails a PromptLayer row judged false although its cells ran, so the pass rate counts it', async () => {
    const evalrun = evalrunFor(sandbox)
    const [run] = await collect(
      evalrun.runs.list({ vendors: ['promptlayer'], status: ['completed'], limit: 1 }),
    )
    const items = await collect(evalrun.runs.results(run!))
    const judgedWrong = items.filter(
      (item) => item.status === 'failed' && item.vendorStatus?.split(',').every((word) => word === 'PASSED'),
    )
    expect(judgedWrong.length, `${run!.ref}: ${items.map((item) => item.status)}`).toBeGreaterThan(0)
    for (const item of judgedWrong) expect(item.judgements.some((j) => j.value === false)).toBe(true)
    const passed = items.filter((item) => item.status === 'passed').length
    const failed = items.filter((item) => item.status === 'failed').length
    expect(passed / (passed + failed)).toBeLessThan(1)
  })
})

describe('a failing vendor during a listing', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 3, suites: 2, runs: 300, clock: 'manual' })
  })
  afterAll(() => sandbox.close())

  it('delivers the other vendors, then reports the failure', async () => {
    sandbox.setFaults({ rate: 1, kinds: ['500'], vendors: ['promptlayer'] })
    const evalrun = createEvalrun({
      retry: false,
      ...sandbox.clientOptions,
      humanloop: { ...sandbox.clientOptions.humanloop, fileIds: [] },
    })
    const refs: string[] = []
    const error = await (async () => {
      for await (const run of evalrun.runs.list({ vendors: ['datalab', 'promptlayer'] })) refs.push(run.ref)
    })().catch((e: unknown) => e)
    expect(EvalrunListError.isInstance(error)).toBe(true)
    expect((error as EvalrunListError).failures.map((f) => f.vendor)).toEqual(['promptlayer'])
    expect(refs).toHaveLength(300)
    expect(refs.every((ref) => ref.startsWith('datalab:'))).toBe(true)
  })
})

describe('listing 5 × 2,000 sandbox runs', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 7, suites: 4, runs: 2000, clock: 'manual' })
  })
  afterAll(() => sandbox.close())

  it('returns exactly the sandbox runs, each once', async () => {
    // From a date before any seeded run: without `since`, Langfuse lists only its last 30 days (and says so).
    const listing = evalrunFor(sandbox).runs.list({ since: '2025-12-01' })
    const refs = (await collect(listing)).map((run) => run.ref)
    const unique = new Set(refs)
    expect(unique.size).toBe(refs.length)
    const perVendor: Record<string, number> = {}
    for (const ref of unique) {
      const { vendor } = splitRef(ref)
      perVendor[vendor] = (perVendor[vendor] ?? 0) + 1
    }
    // PromptLayer's listing also has each seeded Tables sheet's latest scoring (three sheets).
    expect(perVendor).toEqual({ ...sandbox.stats().runs, promptlayer: sandbox.stats().runs.promptlayer + 3 })
    expect(perVendor).toEqual({
      datalab: 2000,
      promptlayer: 2003,
      humanloop: 2000,
      openai: 2000,
      braintrust: 2000,
      langfuse: 2000,
      phoenix: 2000,
    })
    // Datalab ids are its own sequence: the listing has every one of them.
    const datalabIds = [...unique]
      .filter((ref) => ref.startsWith('datalab:'))
      .map((ref) => Number(ref.slice(8)))
    expect(datalabIds.sort((a, b) => a - b)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1))
    // Braintrust's listing reads two more answers per experiment (its summary, its newest trace): the slow part.
  }, 90_000)
})
