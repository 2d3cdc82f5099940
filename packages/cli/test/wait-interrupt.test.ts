import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

let sb: Sandbox
let env: Record<string, string>

beforeAll(async () => {
  // A manual clock: started runs never end, so only the interruption can end the wait.
  sb = await startSandbox({ seed: 6, runs: 4, suites: 1, clock: 'manual' })
  env = { ...sb.env, NO_COLOR: '1' }
})
afterAll(() => sb.close())

describe('Ctrl-C in runs wait', () => {
  it('stops waiting, writes the reports with each run marked interrupted, and exits 130', async () => {
    const started = await cli(
      [
        'runs',
        'start',
        'datalab',
        '--collection',
        String(sb.catalog.datalab.collections[0]?.id),
        '--rubric',
        String(sb.catalog.datalab.rubrics[0]?.id),
        '--json',
      ],
      env,
    )
    const ref = String(jsonLines(started.stdout)[0]?.ref)
    const dir = mkdtempSync(join(tmpdir(), 'evalrun-interrupt-'))
    const [junit, summary] = [join(dir, 'junit.xml'), join(dir, 'summary.md')]
    let listening: AbortSignal | undefined
    const { exitCode, stdout, stderr } = await cli(
      ['runs', 'wait', ref, '--junit', junit, '--summary', summary],
      env,
      {
        waitPolling: { pollIntervalMs: 20, maxPollIntervalMs: 20 },
        // Ctrl-C a moment after the wait has started polling.
        untilInterrupted: (until) => {
          listening = until
          return new Promise((resolve) => setTimeout(resolve, 300))
        },
      },
    )
    expect(exitCode).toBe(130)
    expect(stderr).toMatch(/^evalrun: interrupted: stopped waiting for 1 of 1 run; no gate passed\.$/m)
    expect(stdout).toMatch(
      new RegExp(`^✗ ${ref} interrupted while it was (queued|running) \\(\\S+\\): not judged$`, 'm'),
    )
    expect(readFileSync(junit, 'utf8')).toContain('interrupted while it was')
    expect(readFileSync(summary, 'utf8')).toContain('interrupted while it was')
    // Listening for Ctrl-C ends with the wait: a second one stops the process as usual.
    expect(listening?.aborted).toBe(true)
  })

  it('keeps the verdict of a run that ended before the interruption', async () => {
    const [completed] = jsonLines(
      (await cli(['runs', 'list', '--vendor', 'datalab', '--status', 'completed', '--json'], env)).stdout,
    )
    const { exitCode, stdout } = await cli(['runs', 'wait', String(completed?.ref)], env, {
      untilInterrupted: () => new Promise(() => {}),
    })
    expect(exitCode).toBe(0)
    expect(stdout).toContain(`✓ ${completed?.ref} completed`)
  })
})

describe('Ctrl-C in check', () => {
  it('stops waiting for a suite’s running newest run, keeps the other verdicts, writes the reports, exits 130', async () => {
    const collection = sb.catalog.datalab.collections[0]?.id
    const rubric = sb.catalog.datalab.rubrics[0]?.id
    // Started on the manual clock, so it is the suite's newest run and never ends by itself.
    await cli(
      ['runs', 'start', 'datalab', '--collection', String(collection), '--rubric', String(rubric)],
      env,
    )
    const dir = mkdtempSync(join(tmpdir(), 'evalrun-check-interrupt-'))
    const config = join(dir, 'evalrun.config.yaml')
    writeFileSync(config, `suites:\n  - suite: datalab:${collection}\n`)
    const junit = join(dir, 'junit.xml')
    const { exitCode, stdout, stderr } = await cli(['check', '--config', config, '--junit', junit], env, {
      waitPolling: { pollIntervalMs: 20, maxPollIntervalMs: 20 },
      untilInterrupted: () => new Promise((resolve) => setTimeout(resolve, 300)),
    })
    expect(exitCode).toBe(130)
    expect(stderr).toMatch(/^evalrun: interrupted: 1 of 1 suite not judged, so the check did not pass\.$/m)
    expect(stdout).toMatch(
      /^✗ datalab:\S+ datalab:\S+ interrupted while it was (queued|running): not judged$/m,
    )
    expect(readFileSync(junit, 'utf8')).toContain('interrupted while it was')
  })
})
