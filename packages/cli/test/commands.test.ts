import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { BUILT_IN_VENDORS } from 'evalrun'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

let sb: Sandbox
let env: Record<string, string>

beforeAll(async () => {
  // A fast clock: started runs finish within a second or two of real time.
  sb = await startSandbox({ seed: 3, runs: 18, suites: 2, clock: { speed: 60 } })
  env = { ...sb.env, NO_COLOR: '1' }
})
afterAll(() => sb.close())

describe('evalrun runs list', () => {
  it('--json writes one run per line, from every vendor', async () => {
    const { exitCode, stdout } = await cli(['runs', 'list', '--json'], env)
    expect(exitCode).toBe(0)
    const runs = jsonLines(stdout)
    expect(new Set(runs.map((r) => r.vendor))).toEqual(new Set(BUILT_IN_VENDORS.map((vendor) => vendor.id)))
    expect(runs.length).toBe(new Set(runs.map((r) => r.ref)).size)
    expect(runs.length).toBeGreaterThanOrEqual(54)
    expect(typeof runs[0]?.createdAt).toBe('string')
  })

  it('prints an aligned table with the documented columns', async () => {
    const { exitCode, stdout } = await cli(['runs', 'list', '--vendor', 'datalab', '--limit', '5'], env)
    expect(exitCode).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(
      /^REF\s+VENDOR\s+SUITE\s+NAME\s+STATUS\s+PROGRESS\s+SCORE\s+PASS-RATE\s+CREATED$/,
    )
    expect(lines).toHaveLength(6)
    const statusColumn = lines[0]?.indexOf('STATUS') ?? -1
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^datalab:\d+ /)
      expect(line.slice(statusColumn)).toMatch(/^(queued|running|completed|failed|canceled|unknown) /)
    }
  })

  it('--limit N shows the N newest runs across vendors, newest first', async () => {
    const all = jsonLines((await cli(['runs', 'list', '--json'], env)).stdout) as Array<{
      ref: string
      createdAt: string | null
    }>
    const expected = all
      .filter((run) => run.createdAt !== null)
      .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)) || a.ref.localeCompare(b.ref))
      .slice(0, 5)
      .map((run) => run.ref)
    const limited = jsonLines((await cli(['runs', 'list', '--limit', '5', '--json'], env)).stdout)
    expect(limited.map((run) => run.ref)).toEqual(expected)
    const table = await cli(['runs', 'list', '--limit', '5'], env)
    expect(
      table.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(expected)
  })

  it('filters by status', async () => {
    const { stdout } = await cli(['runs', 'list', '--status', 'completed', '--json'], env)
    const runs = jsonLines(stdout)
    expect(runs.length).toBeGreaterThan(0)
    expect(runs.every((r) => r.status === 'completed')).toBe(true)
  })
})

describe('evalrun runs get / results', () => {
  it('shows one run as fields, and as JSON', async () => {
    const [first] = jsonLines(
      (await cli(['runs', 'list', '--vendor', 'humanloop', '--limit', '1', '--json'], env)).stdout,
    )
    const ref = String(first?.ref)
    const table = await cli(['runs', 'get', ref], env)
    expect(table.exitCode).toBe(0)
    expect(table.stdout).toContain(`ref        ${ref}`)
    expect(table.stdout).toMatch(/status\s+\w+/)
    const json = await cli(['runs', 'get', ref, '--json'], env)
    expect(jsonLines(json.stdout)[0]?.ref).toBe(ref)
  })

  it('lists per-item results', async () => {
    const [done] = jsonLines(
      (
        await cli(
          ['runs', 'list', '--vendor', 'datalab', '--status', 'completed', '--limit', '1', '--json'],
          env,
        )
      ).stdout,
    )
    const { exitCode, stdout } = await cli(['runs', 'results', String(done?.ref), '--json'], env)
    expect(exitCode).toBe(0)
    const items = jsonLines(stdout)
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((item) => item.runRef === done?.ref)).toBe(true)
    const table = await cli(['runs', 'results', String(done?.ref)], env)
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+STATUS\s+SCORE$/)
  })
})

describe('evalrun runs start / wait / cancel', () => {
  it('starts a run on each vendor and waits for it (exit 0)', async () => {
    const { catalog } = sb
    const starts = [
      [
        'datalab',
        '--collection',
        String(catalog.datalab.collections[0]?.id),
        '--rubric',
        String(catalog.datalab.rubrics[0]?.id),
      ],
      ['promptlayer', '--pipeline', String(catalog.promptlayer.pipelines[0]?.id), '--name', 'cli test'],
      [
        'humanloop',
        '--evaluation',
        String(catalog.humanloop.evaluations[0]?.id),
        '--dataset-version',
        String(catalog.humanloop.datasets[0]?.versionId),
        '--version-id',
        String(catalog.humanloop.versions[0]?.versionId),
      ],
    ]
    for (const args of starts) {
      const { exitCode, stdout, stderr } = await cli(
        ['runs', 'start', ...args, '--wait', '--timeout', '2m'],
        env,
      )
      expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: expect.any(String) })
      expect(stdout).toMatch(new RegExp(`^started ${args[0]}:\\S+`))
      expect(stdout).toMatch(/✓ \S+ completed, (score \S+|no score, pass rate \S+)/)
      expect(stderr).toMatch(/running|completed/) // plain progress lines: not a terminal
    }
  })

  it('launches a Braintrust eval from JSON files, waits for it by the status rule and gates on its score', async () => {
    const project = sb.catalog.braintrust.projects[0]!
    const dir = mkdtempSync(join(tmpdir(), 'evalrun-cli-'))
    const file = (name: string, value: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(value))
      return join(dir, name)
    }
    const args = [
      'runs',
      'start',
      'braintrust',
      '--project-id',
      project.id,
      '--data',
      file('data.json', { dataset_id: project.datasetId }),
      '--task',
      file('task.json', { function_id: project.taskFunctionId }),
      '--scores',
      file('scores.json', [{ global_function: 'Factuality' }, { global_function: 'Levenshtein' }]),
      '--experiment-name',
      'cli launch',
      '--trial-count',
      '1',
    ]
    const { exitCode, stdout, stderr } = await cli(
      [...args, '--wait', '--timeout', '2m', '--min-score', '0.05'],
      env,
    )
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: expect.any(String) })
    // On this fast clock (60×), the eval may be over and quiet by the time it is read back.
    expect(stdout).toMatch(/^started braintrust:[0-9a-f-]{36} \((running|completed)\)/)
    expect(stdout).toMatch(/✓ braintrust:\S+ completed, score \S+/)
    const missing = await cli(args.slice(0, -8), env)
    expect(missing).toMatchObject({ exitCode: 2, stdout: '' })
    expect(missing.stderr).toContain('runs start braintrust needs --task')
  })

  it('exits 1 for a failed run, naming it', async () => {
    const [failed] = jsonLines(
      (await cli(['runs', 'list', '--status', 'failed', '--limit', '1', '--json'], env)).stdout,
    )
    expect(failed).toBeDefined()
    const { exitCode, stdout } = await cli(['runs', 'wait', String(failed?.ref)], env)
    expect(exitCode).toBe(1)
    expect(stdout).toContain(`✗ ${failed?.ref} failed`)
  })

  it('compares --min-score with the normalised score: a PromptLayer run is gated on 0..1, not 0..100', async () => {
    const runs = jsonLines(
      (await cli(['runs', 'list', '--vendor', 'promptlayer', '--status', 'completed', '--json'], env)).stdout,
    )
    const scored = runs.find((r) => typeof r.score === 'number' && r.score > 1) as
      | { ref: string; score: number; normalizedScore: number; scoreScale: { max: number } }
      | undefined
    expect(scored?.scoreScale.max).toBe(100)
    if (!scored) return
    expect(scored.normalizedScore).toBeCloseTo(scored.score / 100)
    // Just above the run's normalised score fails; at it passes. Before, a raw 79 passed --min-score 0.8.
    const above = Math.min(1, Math.ceil(scored.normalizedScore * 1000 + 1) / 1000)
    const below = await cli(['runs', 'wait', scored.ref, '--min-score', String(above)], env)
    expect(below.exitCode).toBe(1)
    expect(below.stdout).toMatch(
      new RegExp(`✗ ${scored.ref} completed, but score .* of 0\\.\\.100 .* is below --min-score`),
    )
    const met = await cli(
      ['runs', 'wait', scored.ref, '--min-score', String(Math.floor(scored.normalizedScore * 1000) / 1000)],
      env,
    )
    expect(met.exitCode).toBe(0)
  })

  it('refuses --min-score on a vendor without a declared scale (exit 2) before waiting, naming the alternatives', async () => {
    // A run Datalab does not know: the refusal comes before any read (it used to wait, then refuse, or exit 3).
    const gate = await cli(['runs', 'wait', 'datalab:987654', '--min-score', '0.5'], env)
    expect(gate).toMatchObject({ exitCode: 2, stdout: '' })
    expect(gate.stderr).toBe(
      `evalrun: --min-score cannot judge datalab:987654: Datalab gives its runs no score on a declared scale, so they have no normalised score. Use --min-pass-rate <0..1> or --min-metric "<name>=<value on Datalab's own scale>" instead.\n`,
    )
  })

  it('refuses runs start --wait --min-score on such a vendor before starting anything', async () => {
    const before = jsonLines((await cli(['runs', 'list', '--vendor', 'datalab', '--json'], env)).stdout)
    const { catalog } = sb
    const argv = [
      'runs',
      'start',
      'datalab',
      '--collection',
      String(catalog.datalab.collections[0]?.id),
      '--rubric',
      String(catalog.datalab.rubrics[0]?.id),
    ]
    const refused = await cli([...argv, '--wait', '--min-score', '0.8'], env)
    expect(refused).toMatchObject({ exitCode: 2, stdout: '' })
    expect(refused.stderr).toContain(
      '--min-score cannot judge runs of datalab: Datalab gives its runs no score',
    )
    // A gate or report flag without --wait would judge nothing and exit 0: refused as well.
    const unwaited = await cli([...argv, '--min-metric', 'avg_score=0.5', '--junit', 'j.xml'], env)
    expect(unwaited).toMatchObject({ exitCode: 2, stdout: '' })
    expect(unwaited.stderr).toContain('--min-metric, --junit need --wait')
    const after = jsonLines((await cli(['runs', 'list', '--vendor', 'datalab', '--json'], env)).stdout)
    expect(after).toHaveLength(before.length)
  })

  it('--min-pass-rate counts verdicts from the items when the run carries none', async () => {
    const [run] = jsonLines(
      (
        await cli(
          ['runs', 'list', '--vendor', 'promptlayer', '--status', 'completed', '--limit', '1', '--json'],
          env,
        )
      ).stdout,
    )
    const items = jsonLines((await cli(['runs', 'results', String(run?.ref), '--json'], env)).stdout)
    const passed = items.filter((i) => i.status === 'passed').length
    const failed = items.filter((i) => i.status === 'failed').length
    expect(passed + failed).toBeGreaterThan(0)
    const rate = passed / (passed + failed)
    const gate = await cli(['runs', 'wait', String(run?.ref), '--min-pass-rate', '0', '--json'], env)
    expect(gate.exitCode).toBe(0)
    expect(String(jsonLines(gate.stdout)[0]?.reason)).toContain(`pass rate ${rate.toFixed(3)}`)
    if (rate < 1) {
      const strict = await cli(['runs', 'wait', String(run?.ref), '--min-pass-rate', '1'], env)
      expect(strict.exitCode).toBe(1)
      expect(strict.stdout).toContain('is below --min-pass-rate 1')
    }
  })

  it('--min-metric compares a metric on its own scale, and refuses a metric the run lacks (exit 2)', async () => {
    const [run] = jsonLines(
      (
        await cli(
          ['runs', 'list', '--vendor', 'datalab', '--status', 'completed', '--limit', '1', '--json'],
          env,
        )
      ).stdout,
    ) as Array<{ ref: string; score: number }>
    const ok = await cli(['runs', 'wait', String(run?.ref), '--min-metric', `avg_score=${run?.score}`], env)
    expect(ok.exitCode).toBe(0)
    // A metric the run does not have is the command's mistake (exit 2), not the run's failure (exit 1).
    const missing = await cli(['runs', 'wait', String(run?.ref), '--min-metric', 'recall=0.5'], env)
    expect(missing.exitCode).toBe(2)
    expect(missing.stdout).toContain(
      `✗ ${run?.ref} --min-metric cannot judge ${run?.ref}: it has no metric "recall" (it has "avg_score").`,
    )
  })

  it('rejects a threshold outside 0..1 as a usage error that explains the scale', async () => {
    const gate = await cli(['runs', 'wait', 'datalab:1', '--min-score', '80'], env)
    expect(gate.exitCode).toBe(2)
    expect(gate.stderr).toContain('--min-score "80": expected a number from 0 to 1')
  })

  it('cancels a Humanloop run, and the gate then exits 1', async () => {
    const { catalog } = sb
    const started = await cli(
      [
        'runs',
        'start',
        'humanloop',
        '--evaluation',
        String(catalog.humanloop.evaluations[1]?.id),
        '--no-orchestrated',
        '--json',
      ],
      env,
    )
    const ref = String(jsonLines(started.stdout)[0]?.ref)
    const cancel = await cli(['runs', 'cancel', ref], env)
    expect(cancel).toMatchObject({ exitCode: 0, stdout: `${ref} canceled\n` })
    const gate = await cli(['runs', 'wait', ref], env)
    expect(gate.exitCode).toBe(1)
    expect(gate.stdout).toContain('was canceled')
  })

  it('says cancel is not supported by Datalab (exit 2)', async () => {
    const { exitCode, stderr } = await cli(['runs', 'cancel', 'datalab:1'], env)
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/^evalrun: .*not supported.*Datalab/i)
  })

  it('exits 4 when the timeout passes first', async () => {
    const slow = await startSandbox({ seed: 4, runs: 3, suites: 1, clock: 'manual' })
    try {
      const started = await cli(
        [
          'runs',
          'start',
          'datalab',
          '--collection',
          String(slow.catalog.datalab.collections[0]?.id),
          '--rubric',
          String(slow.catalog.datalab.rubrics[0]?.id),
          '--json',
        ],
        slow.env,
      )
      const ref = String(jsonLines(started.stdout)[0]?.ref)
      const { exitCode, stdout } = await cli(['runs', 'wait', ref, '--timeout', '300ms'], slow.env)
      expect(exitCode).toBe(4)
      expect(stdout).toContain(`✗ ${ref}`)
    } finally {
      await slow.close()
    }
  })
})

describe('Langfuse, read-only', () => {
  it('lists experiments, saying on stderr which window a listing without --since covers', async () => {
    const listed = await cli(['runs', 'list', '--vendor', 'langfuse', '--json'], env)
    expect(listed.exitCode).toBe(0)
    const runs = jsonLines(listed.stdout)
    expect(runs.length).toBeGreaterThan(0)
    expect(runs.every((run) => String(run.ref).startsWith('langfuse:'))).toBe(true)
    expect(listed.stderr).toMatch(
      /^evalrun \(langfuse\): Langfuse lists experiments from a start time: without `since`, this listing covers those started in the last 30 days \(since 2025-12-16T\d\d:\d\d:\d\d\.000Z, on Langfuse's clock\)/,
    )
    const since = await cli(['runs', 'list', '--vendor', 'langfuse', '--since', '2025-12-01', '--json'], env)
    expect(since.stderr).toBe('')
    expect(jsonLines(since.stdout).length).toBeGreaterThanOrEqual(runs.length)
  })

  it('shows one experiment with its dataset, derived status and score metrics, and its items', async () => {
    const runs = jsonLines((await cli(['runs', 'list', '--vendor', 'langfuse', '--json'], env)).stdout)
    const scored = runs.find((run) => run.score !== null && run.status === 'completed')
    const ref = String(scored?.ref)
    const shown = await cli(['runs', 'get', ref], env)
    expect(shown.exitCode).toBe(0)
    expect(shown.stdout).toContain(`ref        ${ref}`)
    expect(shown.stdout).toMatch(/^suite {6}dataset \S+ \(langfuse:\S+\)$/m)
    expect(shown.stdout).toMatch(/^status {5}completed$/m)
    expect(shown.stdout).toMatch(/^avg_correctness\s+numeric\s+0\.\d+/m)
    expect(shown.stdout).toContain('warning Langfuse experiments have no status')
    const results = await cli(['runs', 'results', ref, '--json'], env)
    expect(results.exitCode).toBe(0)
    const items = jsonLines(results.stdout)
    expect(items.length).toBe((scored!.progress as { completed: number }).completed)
    expect(items.every((item) => item.runRef === ref)).toBe(true)
  })

  it('gates on an existing experiment: exit 0 at or above --min-score, 1 below', async () => {
    const runs = jsonLines((await cli(['runs', 'list', '--vendor', 'langfuse', '--json'], env)).stdout)
    const scored = runs.find((run) => run.score !== null && run.status === 'completed')!
    const score = scored.score as number
    const pass = await cli(['runs', 'wait', String(scored.ref), '--min-score', String(score - 0.01)], env)
    expect(pass.exitCode).toBe(0)
    expect(pass.stdout).toContain(`✓ ${scored.ref} completed, score`)
    const fail = await cli(['runs', 'wait', String(scored.ref), '--min-score', String(score + 0.01)], env)
    expect(fail.exitCode).toBe(1)
    expect(fail.stdout).toContain('is below --min-score')
  })

  it('gates on a pass rate counted from the items, and refuses --min-score where no config gives a scale', async () => {
    const runs = jsonLines(
      (await cli(['runs', 'list', '--vendor', 'langfuse', '--since', '2025-12-01', '--json'], env)).stdout,
    )
    const completed = runs.find((run) => run.status === 'completed' && run.passRate === null)!
    const rate = await cli(['runs', 'wait', String(completed.ref), '--min-pass-rate', '0'], env)
    expect(rate.exitCode).toBe(0)
    expect(rate.stdout).toMatch(/pass rate 0\.\d{3}/)
    const unscaled = runs.find((run) => run.status === 'completed' && run.score === null)!
    const usage = await cli(['runs', 'wait', String(unscaled.ref), '--min-score', '0.5'], env)
    expect(usage.exitCode).toBe(2)
    expect(usage.stdout).toContain(`--min-score cannot judge ${unscaled.ref}`)
  })

  it('compares two experiments of one dataset item by item, joined on the dataset items they ran', async () => {
    const runs = jsonLines(
      (await cli(['runs', 'list', '--vendor', 'langfuse', '--since', '2025-12-01', '--json'], env)).stdout,
    )
    const done = runs.filter((run) => run.status === 'completed')
    const head = done[0]!
    const base = done.find(
      (run) => run.ref !== head.ref && (run.suite as { id: string }).id === (head.suite as { id: string }).id,
    )!
    const compared = await cli(['runs', 'compare', String(base.ref), String(head.ref), '--json'], env)
    expect(compared.exitCode).toBe(0)
    const [comparison] = jsonLines(compared.stdout)
    const summary = comparison?.summary as {
      regressed: number
      improved: number
      unchanged: number
      added: number
      removed: number
    }
    const joined = summary.regressed + summary.improved + summary.unchanged
    // Both ran the dataset's items from the first: every item of the shorter one has its match in the other.
    const counts = [base, head].map((run) => (run.progress as { completed: number }).completed)
    expect(joined).toBe(Math.min(...counts))
    expect(summary.added + summary.removed).toBe(Math.max(...counts) - Math.min(...counts))
  })

  it('offers no start or cancel for Langfuse, and says why when asked (exit 2)', async () => {
    const help = await cli(['runs', 'start', '--help'], env)
    expect(help.stdout).not.toMatch(/langfuse/i)
    expect((await cli(['runs', 'cancel', '--help'], env)).stdout).not.toMatch(/langfuse/i)
    const start = await cli(['runs', 'start', 'langfuse'], env)
    expect(start.exitCode).toBe(2)
    expect(start.stderr).toMatch(/^evalrun: Langfuse cannot start runs through its API/)
    const cancel = await cli(['runs', 'cancel', 'langfuse:cm_any'], env)
    expect(cancel.exitCode).toBe(2)
    expect(cancel.stderr).toBe(
      'evalrun: cancel is not supported by Langfuse: its API has no way to stop a run.\n',
    )
    const top = await cli(['--help'], env)
    expect(top.stdout).toContain('--langfuse-public-key <value>')
    expect(top.stdout).toContain('--langfuse-secret-key <value>')
    expect(top.stdout).toContain('LANGFUSE_HOST')
  })

  it('says which env vars configure Langfuse, and never prints its keys', async () => {
    const missing = await cli(['runs', 'get', 'langfuse:cm_1'], { LANGFUSE_PUBLIC_KEY: 'pk-lf-only' })
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toBe(
      'evalrun: langfuse is not configured: set LANGFUSE_SECRET_KEY or pass --langfuse-secret-key.\n',
    )
    const secret = 'sk-lf-cli-FAKE-77a1'
    const refused = await cli(['--debug', '--langfuse-secret-key', secret, 'runs', 'get', 'langfuse:cm_1'], {
      ...env,
    })
    expect(refused.exitCode).toBe(3)
    expect(refused.stderr).toContain('401')
    expect(refused.stdout + refused.stderr).not.toContain(secret)
  })
})

describe('usage and errors', () => {
  it.each([
    [['runs', 'list', '--bogus'], /unknown option '--bogus'/],
    [['runs', 'get', 'not-a-ref'], /ref/],
    [['runs', 'get', 'acme:1'], /acme/],
    [['runs', 'start', 'datalab'], /needs --collection/],
    [['runs', 'start', 'nobody'], /unknown vendor "nobody"/],
    [['runs', 'list', '--limit', '0'], /--limit "0": expected a whole number/],
    [['runs', 'wait', 'datalab:1', '--timeout', 'soon'], /--timeout "soon": expected a duration/],
    [['runs', 'list', '--since', 'yesterday'], /since/],
    [['sandbox', '--port', 'abc'], /--port "abc": expected a port number from 0 to 65535/],
  ])('%j exits 2 with one line on stderr', async (argv, message) => {
    const { exitCode, stderr, stdout } = await cli(argv, env)
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\n\s+at /) // no stack trace without --debug
    expect(stdout).toBe('')
  })

  it('says which env var configures a vendor that has no key', async () => {
    const { exitCode, stderr } = await cli(['runs', 'get', 'promptlayer:1'], { DATALAB_API_KEY: 'x' })
    expect(exitCode).toBe(2)
    expect(stderr).toBe(
      'evalrun: promptlayer is not configured: set PROMPTLAYER_API_KEY or pass --promptlayer-api-key.\n',
    )
  })

  it('names the env var, not a library option, when a key from the environment is malformed', async () => {
    const { exitCode, stderr } = await cli(['runs', 'get', 'datalab:1'], { DATALAB_API_KEY: 'two words' })
    expect(exitCode).toBe(2)
    expect(stderr).toBe(
      'evalrun: Datalab API key from DATALAB_API_KEY contains white space: expected visible ASCII characters only.\n',
    )
    const blank = await cli(['runs', 'get', 'datalab:1'], { DATALAB_API_KEY: '' })
    expect(blank.stderr).toContain('DATALAB_API_KEY')
  })

  it('refuses an http:// base URL off loopback unless --allow-insecure-http is passed', async () => {
    // 0.0.0.0 is not on the loopback list, and port 9 is one fetch refuses to dial: nothing leaves the machine.
    const insecure = { DATALAB_API_KEY: 'k', DATALAB_BASE_URL: 'http://0.0.0.0:9' }
    const refused = await cli(['runs', 'get', 'datalab:1'], insecure)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toContain('Use https://, or pass --allow-insecure-http.')
    const allowed = await cli(['--allow-insecure-http', 'runs', 'get', 'datalab:1'], insecure)
    expect(allowed.exitCode).toBe(3) // configured: the request itself was attempted and failed
    expect(allowed.stderr).toContain('bad port')
  })

  it('exits 3 for a run the vendor does not know', async () => {
    const { exitCode, stderr } = await cli(['runs', 'get', 'datalab:987654'], env)
    expect(exitCode).toBe(3)
    expect(stderr).toMatch(/^evalrun: /)
  })

  it('reads a page schema file for extract runs, and rejects a file that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalrun-cli-'))
    writeFileSync(join(dir, 'bad.json'), '{ not json')
    const { exitCode, stderr } = await cli(
      [
        'runs',
        'start',
        'datalab',
        '--collection',
        '1',
        '--pipeline-type',
        'extract',
        '--page-schema',
        join(dir, 'bad.json'),
      ],
      env,
    )
    expect(exitCode).toBe(2)
    expect(stderr).toContain('not valid JSON')
  })

  it('never prints an API key, even with --debug', async () => {
    const key = 'sk-cli-FAKE-4e1d'
    const result = await cli(['--debug', '--promptlayer-api-key', key, 'runs', 'get', 'promptlayer:1'], {
      PROMPTLAYER_BASE_URL: 'http://127.0.0.1:9/nowhere',
    })
    expect(result.exitCode).toBe(3)
    expect(result.stdout + result.stderr).not.toContain(key)
  })

  it('--help shows examples; --version the version', async () => {
    const help = await cli(['runs', 'wait', '--help'], env)
    expect(help.exitCode).toBe(0)
    expect(help.stdout).toContain('--min-score')
    expect(help.stdout).toContain('Examples:')
    const version = await cli(['--version'], env)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe('Phoenix, read-only', () => {
  it('lists, shows, reads the results of and compares experiments; has nothing to start or cancel', async () => {
    const listed = await cli(['runs', 'list', '--vendor', 'phoenix', '--json'], env)
    expect(listed.exitCode).toBe(0)
    expect(listed.stderr).toBe('')
    const runs = jsonLines(listed.stdout)
    expect(runs.length).toBeGreaterThan(0)
    expect(runs.every((run) => String(run.ref).startsWith('phoenix:'))).toBe(true)
    const done = runs.filter((run) => run.status === 'completed')
    const head = done[0]!
    const shown = await cli(['runs', 'get', String(head.ref)], env)
    expect(shown.exitCode).toBe(0)
    expect(shown.stdout).toMatch(/^suite {6}dataset \S+ \(phoenix:\S+\)$/m)
    expect(shown.stdout).toContain('warning Phoenix experiments have no status')
    const results = await cli(['runs', 'results', String(head.ref), '--json'], env)
    expect(results.exitCode).toBe(0)
    const items = jsonLines(results.stdout)
    expect(items.length).toBe((head.progress as { completed: number }).completed)
    expect(items.every((item) => item.status !== 'passed' && item.status !== 'failed')).toBe(true)
    const base = done.find(
      (run) => run.ref !== head.ref && (run.suite as { id: string }).id === (head.suite as { id: string }).id,
    )!
    const compared = await cli(['runs', 'compare', String(base.ref), String(head.ref), '--json'], env)
    expect(compared.exitCode).toBe(0)
    expect(jsonLines(compared.stdout)[0]?.sameSuite).toBe(true)
    const start = await cli(['runs', 'start', 'phoenix'], env)
    expect(start.exitCode).toBe(2)
    expect(start.stderr).toContain('Phoenix cannot start runs through its API')
    const cancel = await cli(['runs', 'cancel', String(head.ref)], env)
    expect(cancel.exitCode).toBe(2)
    expect(cancel.stderr).toContain('cancel is not supported by Phoenix')
  })
})
