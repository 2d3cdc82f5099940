import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EvalRun, RunComparison } from 'evalrun'
import { toMarkdown } from 'evalrun/reports'
import { describe, expect, it } from 'vitest'
import { gateAnnotations } from '../src/ci/annotations.js'
import { reportFilesFor, setStepOutput } from '../src/ci/ci-report-files.js'
import { detectCi } from '../src/ci/detect-ci.js'
import { escapeCommandData, escapeCommandProperty } from '../src/ci/github-commands.js'
import { collapsedSection, sectionName } from '../src/ci/gitlab-sections.js'
import { appendSummary, STEP_SUMMARY_MAX_BYTES, writePrComment } from '../src/ci/markdown-files.js'
import { PR_COMMENT_MARKER, PR_COMMENT_MAX_CHARS } from '../src/ci/pr-comment.js'

/** A completed PromptLayer run as the facade maps it (score 60 on its declared 0..100 scale). */
function run(i: number, name = `candidate ${i}`): EvalRun {
  return {
    ref: `promptlayer:${i}`,
    vendor: 'promptlayer',
    id: String(i),
    name,
    suite: { kind: 'pipeline', id: '1', name: 'Support answer quality', ref: 'promptlayer:1' },
    status: 'completed',
    vendorStatus: 'COMPLETED',
    terminal: true,
    createdAt: new Date('2026-11-01T10:00:00Z'),
    startedAt: null,
    completedAt: null,
    progress: { total: 10, completed: 10, failed: 0 },
    score: 60,
    scoreScale: { min: 0, max: 100, source: 'declared' },
    normalizedScore: 0.6,
    passRate: 0.7,
    metrics: [],
    url: null,
    raw: {} as never,
    warnings: [],
  } as EvalRun
}

describe('CI detection', () => {
  it('knows GitHub Actions and GitLab CI by their variables, and turns off on request', () => {
    expect(detectCi({ GITHUB_ACTIONS: 'true' })).toBe('github')
    expect(detectCi({ GITLAB_CI: 'true' })).toBe('gitlab')
    expect(detectCi({ CI: 'true' })).toBeNull()
    expect(detectCi({ GITHUB_ACTIONS: 'true' }, false)).toBeNull()
    for (const off of ['0', 'false', 'OFF', 'no']) {
      expect(detectCi({ GITLAB_CI: 'true', EVALRUN_CI_DETECT: off })).toBeNull()
    }
  })

  it('chooses report files only where a flag did not, each platform its own', () => {
    const github = { GITHUB_STEP_SUMMARY: '/s.md', RUNNER_TEMP: '/tmp/r' }
    expect(reportFilesFor({}, 'github', github, '/w')).toEqual({
      summary: '/s.md',
      prComment: '/tmp/r/evalrun-pr-comment.md',
    })
    expect(reportFilesFor({ summary: 'mine.md', prComment: 'c.md' }, 'github', github, '/w')).toEqual({
      summary: 'mine.md',
      prComment: 'c.md',
    })
    expect(reportFilesFor({}, 'gitlab', { CI_PROJECT_DIR: '/builds/p' }, '/w')).toEqual({
      junit: '/builds/p/evalrun.junit.xml',
    })
    expect(reportFilesFor({ junit: 'j.xml' }, 'gitlab', {}, '/w')).toEqual({ junit: 'j.xml' })
    expect(reportFilesFor({}, null, github, '/w')).toEqual({})
  })
})

describe('GitHub workflow commands', () => {
  it("escapes as the runner decodes: %, CR and LF in the message; also ':' and ',' in a property", () => {
    expect(escapeCommandData('50% of 2\r\nitems: a,b')).toBe('50%25 of 2%0D%0Aitems: a,b')
    expect(escapeCommandProperty('evalrun: a,b 5%\n')).toBe('evalrun%3A a%2Cb 5%25%0A')
    // % first, so an escape is never escaped twice.
    expect(escapeCommandProperty('%3A')).toBe('%253A')
  })

  it('annotates each failed gate as an error, never more than ten per level', () => {
    const verdicts = Array.from({ length: 14 }, (_, i) => ({
      subject: `datalab:${i}`,
      passed: i % 7 === 0,
      reason: `failed\nline ${i}`,
    }))
    const lines = gateAnnotations(verdicts, []).trimEnd().split('\n')
    expect(lines).toHaveLength(10)
    expect(lines[0]).toBe('::error title=evalrun%3A datalab%3A1 failed::failed%0Aline 1')
    expect(lines[9]).toBe(
      '::error title=evalrun%3A 3 more gates failed::3 more gates failed: see the step summary.',
    )
  })

  it('points an annotation at a file and line, escaping the path as a property', () => {
    const lines = gateAnnotations(
      [{ subject: 'datalab:1', passed: false, reason: 'r', location: { file: 'ci/a,b:c.yaml', line: 7 } }],
      [],
    )
    expect(lines).toBe('::error file=ci/a%2Cb%3Ac.yaml,line=7,title=evalrun%3A datalab%3A1 failed::r\n')
  })

  it('annotates the worst regressions first, as warnings', () => {
    const item = (key: string, delta: number) => ({
      key,
      change: 'regressed' as const,
      base: { id: key, status: 'passed' as const, score: 1, normalizedScore: 1 },
      head: { id: key, status: 'failed' as const, score: 1 + delta, normalizedScore: 1 + delta },
      scoreDelta: delta,
      metrics: [],
    })
    const comparison = {
      base: run(1),
      head: run(2),
      items: [item('q1', -0.1), item('q2', -0.5), { ...item('q3', 0), change: 'improved' as const }],
    } as unknown as RunComparison
    expect(gateAnnotations([], [comparison])).toBe(
      [
        '::warning title=evalrun%3A regression in promptlayer%3A1::item q2: passed 1 in promptlayer:1 → failed 0.500 in promptlayer:2 (-0.500)',
        '::warning title=evalrun%3A regression in promptlayer%3A1::item q1: passed 1 in promptlayer:1 → failed 0.900 in promptlayer:2 (-0.100)',
        '',
      ].join('\n'),
    )
  })
})

describe('Markdown for GitHub', () => {
  const many = Array.from({ length: 3000 }, (_, i) => ({
    run: run(i, `candidate ${'x'.repeat(40)} ${i}`),
    verdict: { passed: false, reason: 'completed, but score 60 of 0..100 (0.600) is below --min-score 0.9' },
  }))
  const render = (maxBytes: number) => toMarkdown({ runs: many, title: 'evalrun' }, { maxBytes })

  it('keeps a pull-request comment within 65,536 characters: whole rows, a note, the marker first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalrun-pr-'))
    const path = await writePrComment(join(dir, 'comment.md'), render)
    const body = await readFile(path, 'utf8')
    expect(body.length).toBeLessThanOrEqual(PR_COMMENT_MAX_CHARS)
    expect(body.length).toBeGreaterThan(PR_COMMENT_MAX_CHARS - 4_000)
    expect(body.startsWith(`${PR_COMMENT_MARKER}\n## ❌ evalrun: failed (3000 of 3000`)).toBe(true)
    expect(body).toMatch(/> \[!NOTE\]\n> Cut to stay under [\d,]+ bytes: [\d,]+ more rows were left out\./)
    // Every table line is a whole row.
    for (const line of body.split('\n').filter((l) => l.startsWith('|'))) expect(line).toMatch(/\|$/)
  })

  it('appends to $GITHUB_STEP_SUMMARY only what fits in the 1 MiB GitHub takes, or says why not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalrun-summary-'))
    const path = join(dir, 'summary.md')
    const earlier = 'e'.repeat(STEP_SUMMARY_MAX_BYTES - 20_000)
    await writeFile(path, earlier)
    expect(await appendSummary(path, render, 1_000_000, true)).toEqual({ path })
    const after = await readFile(path)
    expect(after.length).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES)
    expect(after.length).toBeGreaterThan(STEP_SUMMARY_MAX_BYTES - 3_000)
    const full = await appendSummary(path, render, 1_000_000, true)
    expect(full).toMatchObject({ path: null, why: expect.stringMatching(/^the step summary already holds/) })
    expect((await readFile(path)).length).toBe(after.length)
  })

  it('sets a step output, in the delimiter form for a value with a line break', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalrun-output-'))
    const file = join(dir, 'output')
    expect(await setStepOutput({}, 'pr-comment', 'x')).toBe(false)
    await setStepOutput({ GITHUB_OUTPUT: file }, 'pr-comment', '/tmp/a.md')
    await setStepOutput({ GITHUB_OUTPUT: file }, 'odd', 'a\nb')
    expect(await readFile(file, 'utf8')).toMatch(/^pr-comment=\/tmp\/a\.md\nodd<<(EVALRUN_\d+)\na\nb\n\1\n$/)
  })
})

describe('GitLab sections', () => {
  it('folds a body under its header, with a name GitLab accepts', () => {
    expect(sectionName('evalrun_suite_3_langfuse:cm4/x y')).toBe('evalrun_suite_3_langfuse_cm4_x_y')
    const text = collapsedSection('evalrun_suite_1_datalab:1', '✓ datalab:1', '    score 0.7\n')
    expect(text.replaceAll('\u001b', 'ESC')).toMatch(
      /^ESC\[0Ksection_start:\d+:evalrun_suite_1_datalab_1\[collapsed=true\]\rESC\[0K✓ datalab:1\n {4}score 0\.7\nESC\[0Ksection_end:\d+:evalrun_suite_1_datalab_1\rESC\[0K\n$/,
    )
  })
})
