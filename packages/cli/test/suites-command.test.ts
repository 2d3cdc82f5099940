import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { startLoopbackServer } from '@evalrun/test-support'
import { BUILT_IN_VENDORS } from 'evalrun'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

let sb: Sandbox
let env: Record<string, string>

beforeAll(async () => {
  sb = await startSandbox({ seed: 5, runs: 12, suites: 2, clock: 'manual' })
  env = { ...sb.env, NO_COLOR: '1' }
})
afterAll(() => sb.close())

describe('evalrun suites list', () => {
  it('--json writes every vendor’s suites, one per line, with refs runs list --suite takes', async () => {
    const { exitCode, stdout, stderr } = await cli(['suites', 'list', '--json'], env)
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const suites = jsonLines(stdout) as Array<{
      ref: string
      vendor: string
      name: string | null
      kind: string
    }>
    expect(new Set(suites.map((suite) => suite.vendor))).toEqual(
      new Set(BUILT_IN_VENDORS.map((vendor) => vendor.id)),
    )
    const names = (vendor: string) =>
      suites
        .filter((suite) => suite.vendor === vendor)
        .map((suite) => suite.name)
        .sort()
    expect(names('openai')).toEqual(sb.catalog.openai.evals.map((evaluation) => evaluation.name).sort())
    expect(names('braintrust')).toEqual(sb.catalog.braintrust.projects.map((project) => project.name).sort())
    const braintrust = suites.find((suite) => suite.vendor === 'braintrust')!
    const runs = jsonLines((await cli(['runs', 'list', '--suite', braintrust.ref, '--json'], env)).stdout)
    expect(runs.length).toBeGreaterThan(0)
    expect(runs.every((run) => (run.suite as { ref: string }).ref === braintrust.ref)).toBe(true)
  })

  it('prints a table of ref, kind, name and created, one vendor when asked', async () => {
    const { exitCode, stdout } = await cli(['suites', 'list', '--vendor', 'promptlayer'], env)
    expect(exitCode).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^REF\s+KIND\s+NAME\s+CREATED$/)
    const { pipelines, sheets } = sb.catalog.promptlayer
    expect(lines.slice(1)).toHaveLength(pipelines.length + sheets.length)
    const pipelineLines = lines.filter((line) => /^promptlayer:\d/.test(line))
    expect(pipelineLines).toHaveLength(pipelines.length)
    for (const line of pipelineLines)
      expect(line).toMatch(/^promptlayer:\d+\s+pipeline\s+\S.*\d{4}-\d\d-\d\d \d\d:\d\dZ$/)
    // Then the Tables sheets: the ref `runs list --suite` and `evalrun.config` take, the name `<table> / <sheet>`.
    for (const sheet of sheets) {
      const line = lines.find((one) => one.startsWith(`promptlayer:sheet/${sheet.tableId}/${sheet.sheetId} `))
      expect(line).toMatch(/\ssheet\s+.*\d{4}-\d\d-\d\d \d\d:\d\dZ$/)
      expect(line).toContain(sheet.title)
    }
  })

  it('a vendor that fails: the others are printed, then the failure is said, exit 3', async () => {
    const { exitCode, stdout, stderr } = await cli(['suites', 'list'], {
      ...env,
      OPENAI_API_KEY: 'sk-wrong-key',
    })
    expect(exitCode).toBe(3)
    expect(stdout).toMatch(/^REF\s+KIND/)
    expect(stdout).toContain('braintrust:')
    expect(stdout).not.toContain('openai:')
    expect(stderr).toMatch(/Listing suites failed for one vendor \(openai: /)
    expect(stderr).not.toContain('sk-wrong-key')
  })

  it('no vendor configured: exit 2, naming what would configure one', async () => {
    const { exitCode, stderr } = await cli(['suites', 'list'], { NO_COLOR: '1' })
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/no vendor is configured/)
  })

  it('an unknown vendor: exit 2 before anything is sent', async () => {
    const { exitCode, stderr } = await cli(['suites', 'list', '--vendor', 'acme'], env)
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/vendor/)
  })
})

describe('evalrun runs start <vendor> --list-options', () => {
  it('lists, under each flag, the ids it takes with their names', async () => {
    const { exitCode, stdout } = await cli(['runs', 'start', 'datalab', '--list-options'], env)
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(
      /^--collection <id> \(collection to evaluate\): \d+ collections?\n {2}ID\s+NAME\s+CREATED\n/,
    )
    expect(stdout).toMatch(/\n--rubric <id> \(.*\): \d+ rubrics?\n/)
    for (const rubric of sb.catalog.datalab.rubrics) expect(stdout).toContain(rubric.name)
    expect(stdout).toMatch(/Ids not listed \(evalrun reads no list of them from Datalab\): --pipeline-id\n/)
  })

  it('--json: one option per line with its flag; a JSON-file flag says where the id goes', async () => {
    const { exitCode, stdout } = await cli(['runs', 'start', 'braintrust', '--list-options', '--json'], env)
    expect(exitCode).toBe(0)
    const options = jsonLines(stdout) as Array<{ flag: string; id: string; name: string; use: string | null }>
    expect(new Set(options.map((option) => option.flag))).toEqual(
      new Set(['--project-id', '--data', '--task', '--scores', '--base-experiment-id']),
    )
    const dataset = options.find((option) => option.flag === '--data')!
    expect(JSON.parse(dataset.use!)).toEqual({ dataset_id: dataset.id })
    expect(
      options
        .filter((option) => option.flag === '--project-id')
        .map((o) => o.name)
        .sort(),
    ).toEqual(sb.catalog.braintrust.projects.map((project) => project.name).sort())
  })

  it('starts nothing, even with the start flags given', async () => {
    const before = sb.stats().runs.openai
    const { exitCode, stdout } = await cli(
      ['runs', 'start', 'openai', '--eval', sb.catalog.openai.evals[0]!.id, '--list-options'],
      env,
    )
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/^--eval <id>/)
    expect(stdout).toMatch(/\n--data-source <file\.json> .*files?\n {2}ID\s+NAME\s+CREATED\s+IN THE FILE\n/)
    expect(sb.stats().runs.openai).toBe(before)
  })

  it('a listing that fails: exit 3, the key never shown', async () => {
    const { exitCode, stderr } = await cli(['runs', 'start', 'humanloop', '--list-options'], {
      ...env,
      HUMANLOOP_API_KEY: 'hl-wrong-key',
    })
    expect(exitCode).toBe(3)
    expect(stderr).not.toContain('hl-wrong-key')
  })

  it('a listing cut short (a server repeating its page): what was read, then exit 3', async () => {
    const run = { id: 1, collection_id: 9, status: 'completed', created: '2026-03-02T09:13:58.204117' }
    const server = await startLoopbackServer((request) =>
      request.url.startsWith('/api/v1/eval_batch_runs')
        ? { status: 200, body: { batch_runs: [run], total: 1_000 } }
        : { status: 200, body: { rubrics: [], total: 0 } },
    )
    try {
      const env = { DATALAB_API_KEY: 'dl-key', DATALAB_BASE_URL: server.url, NO_COLOR: '1' }
      const listed = await cli(['runs', 'start', 'datalab', '--list-options'], env)
      expect(listed.exitCode).toBe(3)
      expect(listed.stdout).toMatch(/^--collection <id> .*: 1 collection\n/)
      expect(listed.stderr).toMatch(/nothing not seen before[\s\S]*The listing is incomplete/)
      const suites = await cli(['suites', 'list'], env)
      expect(suites.exitCode).toBe(3)
      expect(suites.stdout).toContain('datalab:9')
      expect(suites.stderr).toMatch(/the suites above are not all there are/)
    } finally {
      await server.close()
    }
  })
})
