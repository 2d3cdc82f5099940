import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Ajv from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import schema from '../schema/evalrun.config.schema.json' with { type: 'json' }
import { findConfigFile, loadCheckConfig } from '../src/check-config/load-check-config.js'
import { CliError, ExitCode } from '../src/exit-codes.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalrun-config-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

async function failure(name: string, text: string): Promise<CliError> {
  const error = await loadCheckConfig(await file(name, text)).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(CliError)
  expect((error as CliError).exitCode).toBe(ExitCode.usage)
  return error as CliError
}

/** The README's example, as a team would commit it. */
export const EXAMPLE_YAML = `# yaml-language-server: $schema=./node_modules/@evalrun/cli/schema/evalrun.config.schema.json
suites:
  - suite: promptlayer:1
    gates: { minScore: 0.6, minPassRate: 0.5 }
  - suite: datalab:1
    gates:
      minMetric: { avg_score: 0.5 }
      maxDrop: 0.02
      confidence: 0.95
    baseline: previous
  - suite: braintrust:proj_1
    gates: { maxDrop: 0.05 }
    baseline: { match: { metadata: { branch: main } } }
`

describe('evalrun.config', () => {
  it('the published schema accepts the documented examples and refuses a wrong type', () => {
    const validate = new Ajv().compile(schema)
    expect(validate(parse(EXAMPLE_YAML))).toBe(true)
    expect(validate({ suites: [{ suite: 'datalab:1', baseline: 'datalab:41' }] })).toBe(true)
    expect(validate({ suites: [{ suite: 'datalab:1', gates: { confidence: 0.9 } }] })).toBe(false)
    expect(validate({ suites: [{ suite: 'datalab:1', gates: { minScore: 'high' } }] })).toBe(false)
    expect(validate({ suites: [{ suite: 'datalab', gates: {} }] })).toBe(false)
  })

  it("accepts the CLI README's example", async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(example).toContain('suites:')
    const suites = await loadCheckConfig(await file('readme.yaml', example as string))
    expect(suites.map((suite) => suite.suite)).toEqual(['promptlayer:1', 'datalab:1', 'braintrust:proj_1'])
    expect(new Ajv().compile(schema)(parse(example as string))).toBe(true)
  })

  it('reads YAML into gates and baselines', async () => {
    const suites = await loadCheckConfig(await file('evalrun.config.yaml', EXAMPLE_YAML))
    expect(suites.map((s) => [s.suite, s.where])).toEqual([
      ['promptlayer:1', 'evalrun.config.yaml:3:5'],
      ['datalab:1', 'evalrun.config.yaml:5:5'],
      ['braintrust:proj_1', 'evalrun.config.yaml:11:5'],
    ])
    expect(suites[0]?.criteria).toEqual({ minScore: 0.6, minPassRate: 0.5, minMetrics: [] })
    expect(suites[1]?.criteria.minMetrics).toEqual([{ name: 'avg_score', value: 0.5 }])
    expect(suites[1]?.drop).toEqual({ maxDrop: 0.02, confidence: 0.95, nonInferiority: false })
    expect(suites[2]?.baseline).toEqual({ kind: 'match', name: null, metadata: { branch: 'main' } })
  })

  it('reads JSON, tabs included', async () => {
    const suites = await loadCheckConfig(
      await file(
        'evalrun.config.json',
        '{\n\t"suites": [\n\t\t{ "suite": "datalab:2", "gates": { "minPassRate": 0.9 }, "baseline": "datalab:7" }\n\t]\n}\n',
      ),
    )
    expect(suites[0]).toMatchObject({
      suite: 'datalab:2',
      baseline: { kind: 'ref', ref: 'datalab:7' },
      where: 'evalrun.config.json:3:3',
    })
  })

  it('names the file, line, column and key of a value of the wrong type', async () => {
    const error = await failure(
      'evalrun.config.yaml',
      'suites:\n  - suite: datalab:1\n    gates:\n      minPassRate: high\n',
    )
    expect(error.message).toBe(
      'evalrun.config.yaml:4:20: suites[0].gates.minPassRate: expected a number (got "high").',
    )
  })

  it('names an unknown key where it is, with the keys it could be', async () => {
    const error = await failure(
      'evalrun.config.json',
      '{\n  "suites": [\n    { "suite": "datalab:1",\n      "gates": { "minScor": 0.8 } }\n  ]\n}\n',
    )
    expect(error.message).toMatch(
      /^evalrun\.config\.json:4:18: suites\[0\]\.gates\.minScor: unknown key \(expected one of minScore, minPassRate/,
    )
  })

  it('says what a share, a baseline and a syntax error should be', async () => {
    expect(
      (await failure('a.yaml', 'suites:\n  - suite: datalab:1\n    gates: { maxDrop: 2 }\n')).message,
    ).toBe('a.yaml:3:23: suites[0].gates.maxDrop: expected a number from 0 to 1 (got 2).')
    expect((await failure('b.yaml', 'suites:\n  - suite: datalab:1\n    baseline: last\n')).message).toMatch(
      /^b\.yaml:3:15: suites\[0\]\.baseline: expected "previous", a run ref <vendor>:<id>, or \{ match/,
    )
    expect((await failure('c.yaml', 'suites:\n  - suite: [datalab:1\n')).message).toMatch(
      /^c\.yaml:\d+:\d+: not valid YAML: /,
    )
    expect((await failure('d.yaml', 'suites: []\n')).message).toMatch(/^d\.yaml:1:9: suites: /)
  })

  it('finds the one config file in the directory, and refuses none or two', async () => {
    const empty = await mkdtemp(join(dir, 'none-'))
    await expect(findConfigFile(undefined, empty)).rejects.toThrow(
      /no config file: expected one of evalrun\.config\.yaml/,
    )
    await writeFile(join(empty, 'evalrun.config.yml'), 'suites: []\n')
    expect(await findConfigFile(undefined, empty)).toBe(join(empty, 'evalrun.config.yml'))
    await writeFile(join(empty, 'evalrun.config.json'), '{}')
    await expect(findConfigFile(undefined, empty)).rejects.toThrow(/are both in/)
  })
})
