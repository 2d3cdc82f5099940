import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PR_COMMENT_MARKER } from '../src/ci/pr-comment.js'
import { cli, jsonLines } from './helpers.js'

// A sample repository's CI job: `evalrun check` on a config of three suites on three vendors, with the variables
// GitHub Actions and GitLab CI set in every job, against the sandbox.
let sb: Sandbox
let dir: string
let langfuse: string

beforeAll(async () => {
  sb = await startSandbox({ seed: 3, runs: 6, suites: 1, clock: { speed: 60 } })
  dir = await mkdtemp(join(tmpdir(), 'evalrun-ci-'))
  const listed = jsonLines((await cli(['runs', 'list', '--vendor', 'langfuse', '--json'], sb.env)).stdout)
  langfuse = (listed[0]?.suite as { ref: string } | undefined)?.ref ?? 'no Langfuse run listed'
})
afterAll(async () => {
  await sb.close()
  await rm(dir, { recursive: true, force: true })
})

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

/** A fresh job: its own folder, config and the platform's files. */
async function job(name: string, config: string) {
  const root = join(dir, name)
  await rm(root, { recursive: true, force: true })
  const { mkdir } = await import('node:fs/promises')
  await mkdir(root, { recursive: true })
  const configPath = join(root, 'evalrun.config.yaml')
  await writeFile(configPath, config)
  return { root, configPath }
}

function githubEnv(root: string) {
  return {
    ...sb.env,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: join(root, 'step_summary.md'),
    GITHUB_OUTPUT: join(root, 'github_output'),
    RUNNER_TEMP: root,
    GITHUB_WORKSPACE: root,
  }
}

const polling = { waitPolling: { pollIntervalMs: 5, maxPollIntervalMs: 5 } }

describe('evalrun check on GitHub Actions', () => {
  it('appends the summary, writes the PR comment body and its step output, with no annotation when all pass', async () => {
    const { root, configPath } = await job('github-pass', threeSuites(0.4))
    const env = githubEnv(root)
    await writeFile(env.GITHUB_STEP_SUMMARY, '## an earlier step\n')
    const junit = join(root, 'evalrun.xml')
    const result = await cli(['check', '--config', configPath, '--junit', junit], env, polling)
    expect(result.exitCode).toBe(0)
    expect(result.stdout).not.toMatch(/^::error/m)

    const summary = await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')
    expect(
      summary.startsWith('## an earlier step\n\n## ✅ evalrun: passed (3 runs, every gate passed)'),
    ).toBe(true)
    expect(summary).toMatch(
      /\| .*promptlayer:7.* \| promptlayer \| .* \| completed \| 50 \| 0\.\.100 \(declared\) \| 0\.5 \|/,
    )

    const commentPath = join(root, 'evalrun-pr-comment.md')
    const comment = await readFile(commentPath, 'utf8')
    expect(comment.split('\n')[0]).toBe(PR_COMMENT_MARKER)
    expect(comment).toContain('## ✅ evalrun: passed')
    expect(comment.length).toBeLessThanOrEqual(65_536)
    expect(await readFile(env.GITHUB_OUTPUT, 'utf8')).toBe(`pr-comment=${commentPath}\n`)

    const xml = await readFile(junit, 'utf8')
    for (const ref of ['datalab:6', 'promptlayer:7', 'langfuse:']) expect(xml).toContain(ref)
    expect(result.stderr).toContain(`wrote summary ${env.GITHUB_STEP_SUMMARY}`)
  })

  it('annotates the failed gate with an escaped ::error, and exits 1', async () => {
    const { root, configPath } = await job('github-fail', threeSuites(0.9))
    const env = githubEnv(root)
    const result = await cli(['check', '--config', configPath], env, polling)
    expect(result.exitCode).toBe(1)
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'))
    expect(errors).toEqual([
      // On the suite's line of the config, as a path from the repository's root (GITHUB_WORKSPACE).
      '::error file=evalrun.config.yaml,line=5,title=evalrun%3A promptlayer%3A1 promptlayer%3A7 failed::completed, but score 50 of 0..100 (0.500) is below minScore 0.9',
    ])
    // Warnings are the worst regressions against a baseline, never more than GitHub shows.
    expect(
      result.stdout.split('\n').filter((line) => line.startsWith('::warning')).length,
    ).toBeLessThanOrEqual(10)
    const summary = await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')
    expect(summary).toContain('## ❌ evalrun: failed (1 of 3 gated runs failed)')
    const comment = await readFile(join(root, 'evalrun-pr-comment.md'), 'utf8')
    expect(comment).toContain('❌ completed, but score 50 of 0..100 (0.500) is below minScore 0.9')
  })

  it('puts the annotations on stderr with --json, so that stdout stays JSON lines', async () => {
    const { root, configPath } = await job('github-json', threeSuites(0.9))
    const result = await cli(['check', '--config', configPath, '--json'], githubEnv(root), polling)
    expect(result.exitCode).toBe(1)
    expect(jsonLines(result.stdout)).toHaveLength(3)
    expect(result.stderr).toMatch(
      /^::error file=evalrun\.config\.yaml,line=5,title=evalrun%3A promptlayer%3A1/m,
    )
  })

  it('lets explicit flags win, and writes nothing of its own with --no-ci-detect or EVALRUN_CI_DETECT=0', async () => {
    const { root, configPath } = await job('github-flags', threeSuites(0.9))
    const env = githubEnv(root)
    const own = join(root, 'own-summary.md')
    const comment = join(root, 'comment.md')
    const given = await cli(
      ['check', '--config', configPath, '--summary', own, '--pr-comment', comment],
      env,
      polling,
    )
    expect(given.exitCode).toBe(1)
    expect(await readFile(own, 'utf8')).toContain('## ❌ evalrun: failed')
    expect(await readFile(comment, 'utf8')).toContain(PR_COMMENT_MARKER)
    await expect(readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).rejects.toThrow(/ENOENT/)

    for (const [args, extra] of [
      [['--no-ci-detect'], {}],
      [[], { EVALRUN_CI_DETECT: '0' }],
    ] as const) {
      const off = await cli(['check', '--config', configPath, ...args], { ...env, ...extra }, polling)
      expect(off.exitCode).toBe(1)
      expect(off.stdout).not.toContain('::error')
      await expect(readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).rejects.toThrow(/ENOENT/)
      await expect(readFile(join(root, 'evalrun-pr-comment.md'), 'utf8')).rejects.toThrow(/ENOENT/)
    }
  })
})

describe('runs wait and runs compare on GitHub Actions', () => {
  it('runs wait: the summary, an ::error for the failed run and the PR comment body, without flags', async () => {
    const { root } = await job('github-wait', threeSuites(0.4))
    const env = githubEnv(root)
    const result = await cli(
      ['runs', 'wait', 'promptlayer:7', 'datalab:6', '--min-pass-rate', '0.99'],
      env,
      polling,
    )
    expect(result.exitCode).toBe(1)
    const comment = await readFile(join(root, 'evalrun-pr-comment.md'), 'utf8')
    expect(comment.startsWith(PR_COMMENT_MARKER)).toBe(true)
    expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toContain('promptlayer:7')
    expect(result.stdout).toMatch(/^::error title=evalrun%3A (promptlayer|datalab)%3A\d+ failed::/m)
  })

  it('runs compare: the worst regressed items as ::warning, largest drop first, at most ten', async () => {
    const { root } = await job('github-compare', threeSuites(0.4))
    const result = await cli(['runs', 'compare', 'promptlayer:6', 'promptlayer:7'], githubEnv(root), polling)
    expect(result.exitCode).toBe(0)
    const warnings = result.stdout.split('\n').filter((line) => line.startsWith('::warning'))
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings.length).toBeLessThanOrEqual(10)
    expect(warnings[0]).toMatch(
      /^::warning title=evalrun%3A regression in promptlayer%3A1::item .+: passed 1 in promptlayer:6 → failed 0 in promptlayer:7 \(-1\)$/,
    )
  })
})

describe('evalrun check on GitLab CI', () => {
  const gitlabEnv = (root: string) => ({
    ...sb.env,
    CI: 'true',
    GITLAB_CI: 'true',
    CI_JOB_NAME: 'evals',
    CI_PROJECT_DIR: root,
  })

  it('writes the JUnit report for artifacts:reports:junit and folds each suite under its verdict', async () => {
    const { root, configPath } = await job('gitlab-pass', threeSuites(0.4))
    const result = await cli(['check', '--config', configPath], gitlabEnv(root), polling)
    expect(result.exitCode).toBe(0)
    const xml = await readFile(join(root, 'evalrun.junit.xml'), 'utf8')
    expect(xml).toMatch(/^<\?xml/)
    for (const ref of ['datalab:6', 'promptlayer:7', 'langfuse:']) expect(xml).toContain(ref)

    const shown = result.stdout.replaceAll('\u001b', 'ESC')
    const starts = [
      ...shown.matchAll(/ESC\[0Ksection_start:(\d+):([\w.-]+)\[collapsed=true\]\rESC\[0K(.*)\n/g),
    ]
    const ends = [...shown.matchAll(/ESC\[0Ksection_end:(\d+):([\w.-]+)\rESC\[0K\n/g)]
    expect(starts.map((m) => m[2])).toEqual([
      'evalrun_suite_1_datalab_1',
      'evalrun_suite_2_promptlayer_1',
      expect.stringMatching(/^evalrun_suite_3_langfuse_/),
    ])
    expect(ends.map((m) => m[2])).toEqual(starts.map((m) => m[2]))
    expect(starts[1]?.[3]).toMatch(/^✓ promptlayer:1 promptlayer:7 completed, score 50 of 0\.\.100/)
    for (const m of starts) expect(Math.abs(Number(m[1]) - Date.now() / 1000)).toBeLessThan(120)
    // The details: the score on its scale, the baseline of the drop gate.
    expect(result.stdout).toContain('    score      50 (0..100) = 0.50\n')
    expect(result.stdout).toMatch(/ {4}baseline {3}langfuse:\S+\n/)
    expect(result.stdout).not.toContain('::error')
  })

  it('runs wait folds the intervals of each run under its verdict, and writes the JUnit report', async () => {
    const { root } = await job('gitlab-wait', threeSuites(0.4))
    const result = await cli(
      ['runs', 'wait', 'promptlayer:7', '--min-score', '0.4'],
      gitlabEnv(root),
      polling,
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout.replaceAll('\u001b', 'ESC')).toMatch(
      /^ESC\[0Ksection_start:\d+:evalrun_run_1_promptlayer_7\[collapsed=true\]\rESC\[0K✓ promptlayer:7 completed, score 50 of 0\.\.100 \(0\.500\)\n {4}(pass rate|score) [\s\S]*ESC\[0Ksection_end:\d+:evalrun_run_1_promptlayer_7\rESC\[0K\n$/,
    )
    expect(await readFile(join(root, 'evalrun.junit.xml'), 'utf8')).toContain('promptlayer:7')
  })

  it('fails a missed gate with exit 1, the JUnit report saying which', async () => {
    const { root, configPath } = await job('gitlab-fail', threeSuites(0.9))
    const result = await cli(['check', '--config', configPath], gitlabEnv(root), polling)
    expect(result.exitCode).toBe(1)
    const xml = await readFile(join(root, 'evalrun.junit.xml'), 'utf8')
    expect(xml).toContain('is below minScore 0.9')
    expect(result.stdout.replaceAll('\u001b', 'ESC')).toMatch(
      /section_start:\d+:evalrun_suite_2_promptlayer_1\[collapsed=true\]\rESC\[0K✗ promptlayer:1/,
    )
  })
})
