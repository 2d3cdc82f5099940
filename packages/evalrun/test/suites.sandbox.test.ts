import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createEvalrun,
  type Evalrun,
  EvalrunListError,
  EvalrunNotSupportedError,
  type EvalSuite,
  type StartOption,
} from '../src/index.js'

describe('suites and start options against the sandbox', () => {
  let sandbox: Sandbox
  let evalrun: Evalrun
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 7, suites: 3, runs: 18, clock: 'manual' })
    evalrun = createEvalrun(sandbox.clientOptions)
  })
  afterAll(() => sandbox.close())

  const byVendor = (suites: EvalSuite[], vendor: string) =>
    suites.filter((suite) => suite.vendor === vendor).sort((a, b) => a.id.localeCompare(b.id))

  it("lists every vendor's suites, named where the vendor names them", async () => {
    const warnings: string[] = []
    const suites = await collect(evalrun.suites.list({ onWarning: (message) => warnings.push(message) }))
    expect(warnings).toEqual([])
    const { datalab, promptlayer, humanloop, openai, braintrust, langfuse } = sandbox.catalog
    const named = (entries: Array<{ id: string | number; name: string }>) =>
      entries.map(({ id, name }) => ({ id: String(id), name })).sort((a, b) => a.id.localeCompare(b.id))
    const pick = (vendor: string) => byVendor(suites, vendor).map(({ id, name }) => ({ id, name }))
    const pipelines = byVendor(suites, 'promptlayer').filter((suite) => suite.kind === 'pipeline')
    expect(pipelines.map(({ id, name }) => ({ id, name }))).toEqual(named(promptlayer.pipelines))
    // And the Tables sheets, each `<table> / <sheet>`, with the ref its runs carry.
    const sheets = byVendor(suites, 'promptlayer').filter((suite) => suite.kind === 'sheet')
    expect(sheets.map((suite) => suite.ref).sort()).toEqual(
      promptlayer.sheets.map((sheet) => `promptlayer:sheet/${sheet.tableId}/${sheet.sheetId}`).sort(),
    )
    const titleOf = (suite: EvalSuite) =>
      promptlayer.sheets.find((sheet) => suite.id === `sheet/${sheet.tableId}/${sheet.sheetId}`)?.title
    expect(sheets.map((suite) => suite.name)).toEqual(sheets.map(titleOf))
    expect(pipelines.length + sheets.length).toBe(byVendor(suites, 'promptlayer').length)
    expect(pick('humanloop')).toEqual(named(humanloop.evaluations))
    expect(pick('openai')).toEqual(named(openai.evals))
    expect(pick('braintrust')).toEqual(named(braintrust.projects))
    expect(pick('langfuse')).toEqual(named(langfuse.datasets))
    // Datalab lists no collections: they come from the batch runs, unnamed.
    const datalabRuns = await collect(evalrun.runs.list({ vendors: ['datalab'] }))
    const withRuns = [...new Set(datalabRuns.map((run) => run.suite.id))].sort()
    expect(pick('datalab')).toEqual(withRuns.map((id) => ({ id, name: null })))
    expect(withRuns.every((id) => datalab.collections.some((c) => String(c.id) === id))).toBe(true)
    for (const suite of suites) {
      // A sheet's id is a path of two encoded ids (`sheet/<tableId>/<sheetId>`); every other id is encoded whole.
      const id = suite.kind === 'sheet' ? suite.id : encodeURIComponent(suite.id)
      expect(suite.ref).toBe(`${suite.vendor}:${id}`)
      if (suite.vendor !== 'datalab') {
        expect(suite.createdAt).toBeInstanceOf(Date)
        expect(suite.warnings).toEqual([])
      }
    }
    expect(new Set(suites.map((suite) => suite.ref)).size).toBe(suites.length)
  })

  it('a listed suite ref lists that suite’s runs, and only them', async () => {
    const suites = await collect(evalrun.suites.list())
    let listed = 0
    for (const vendor of evalrun.vendors) {
      for (const suite of byVendor(suites, vendor)) {
        const runs = await collect(
          evalrun.runs.list({ suite: suite.ref, since: '2000-01-01', onWarning: () => {} }),
        )
        expect(runs.every((run) => run.suite.ref === suite.ref && run.suite.kind === suite.kind)).toBe(true)
        // A Tables sheet's runs are its scorings, which the sandbox does not count as runs: at least one each.
        if (suite.kind === 'sheet') expect(runs.length).toBeGreaterThan(0)
        else listed += runs.length
      }
    }
    expect(listed).toBe(Object.values(sandbox.stats().runs).reduce((sum, count) => sum + count, 0))
  })

  it('lists one vendor only when asked', async () => {
    const suites = await collect(evalrun.suites.list({ vendor: 'openai' }))
    expect(new Set(suites.map((suite) => suite.vendor))).toEqual(new Set(['openai']))
  })

  it('a vendor that fails does not hide the others: they are listed, then the failure is thrown', async () => {
    const broken = createEvalrun({
      ...sandbox.clientOptions,
      braintrust: { ...sandbox.clientOptions.braintrust, apiKey: 'wrong' },
    })
    const seen: EvalSuite[] = []
    const error = await (async () => {
      try {
        for await (const suite of broken.suites.list()) seen.push(suite)
      } catch (caught) {
        return caught
      }
    })()
    expect(EvalrunListError.isInstance(error)).toBe(true)
    const failure = error as EvalrunListError
    expect(failure.failures.map((f) => f.vendor)).toEqual(['braintrust'])
    expect(failure.message).toMatch(/^Listing suites failed for one vendor/)
    expect(failure.message).not.toContain('wrong')
    expect(new Set(seen.map((suite) => suite.vendor))).toEqual(
      new Set(['datalab', 'promptlayer', 'humanloop', 'openai', 'langfuse', 'phoenix']),
    )
  })

  it("lists what each vendor's start flags take, and a listed id starts a run", async () => {
    const options = async (vendor: 'datalab' | 'promptlayer' | 'humanloop' | 'openai' | 'braintrust') =>
      collect(evalrun.runs.startOptions(vendor))
    const fields = (list: StartOption[]) => [...new Set(list.map((option) => option.field))].sort()
    const datalab = await options('datalab')
    expect(fields(datalab)).toEqual(['collectionId', 'rubricId'])
    expect(
      datalab
        .filter((o) => o.field === 'rubricId')
        .map((o) => Number(o.id))
        .sort(),
    ).toEqual(sandbox.catalog.datalab.rubrics.map((rubric) => rubric.id).sort())
    const promptlayer = await options('promptlayer')
    expect(fields(promptlayer)).toEqual(['pipelineId', 'sheetId', 'tableId'])
    const sheet = promptlayer.find((option) => option.field === 'sheetId')!
    expect(sheet.use).toMatch(new RegExp(`^--table \\S+ --sheet ${sheet.id}$`))
    expect(fields(await options('humanloop'))).toEqual(['evaluationId'])
    const openai = await options('openai')
    expect(fields(openai)).toEqual(['dataSource', 'evalId'])
    const file = openai.find((option) => option.kind === 'file')!
    expect(file.name).toMatch(/\.jsonl$/)
    expect(file.use).toContain(file.id)
    const braintrust = await options('braintrust')
    expect(fields(braintrust)).toEqual(['baseExperimentId', 'data', 'projectId', 'scores', 'task'])
    const project = braintrust.find((option) => option.field === 'projectId')!
    const dataset = braintrust.find(
      (option) => option.field === 'data' && option.name?.startsWith(project.name ?? '?'),
    )!
    const task = braintrust.find(
      (option) => option.field === 'task' && option.name?.startsWith(project.name ?? '?'),
    )!
    const started = await evalrun.runs.start({
      vendor: 'braintrust',
      projectId: project.id,
      data: JSON.parse(dataset.use!) as { dataset_id: string },
      task: JSON.parse(task.use!) as { function_id: string },
      scores: sandbox.catalog.braintrust.scores,
    })
    expect(started.suite.id).toBe(project.id)
  })

  it('a vendor that cannot start runs has no start options', () => {
    expect(() => evalrun.runs.startOptions('langfuse')).toThrow(EvalrunNotSupportedError)
  })
})
