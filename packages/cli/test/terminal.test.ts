import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonLines } from './helpers.js'

const run = promisify(execFile)
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const tsx = `${repoRoot}node_modules/.bin/tsx`
const bin = `${repoRoot}packages/cli/src/bin.ts`
const ESC = String.fromCharCode(27)

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ seed: 5, runs: 6, suites: 1, clock: 'manual' })
})
afterAll(() => sb.close())

/** `evalrun …` as a real process, from the repo root (tsx resolves workspace packages to their sources). */
async function evalrunProcess(args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const { NO_COLOR, FORCE_COLOR, ...inherited } = process.env
  // EVALRUN_CI_DETECT=0: run in this repository's own CI, evalrun must not write to that job's summary.
  const env = { ...inherited, ...sb.env, EVALRUN_CI_DETECT: '0', TERM: 'xterm-256color', ...options.env }
  const quoted = [tsx, bin, ...args].map((a) => `'${a}'`).join(' ')
  // util-linux `script` gives the command a real pseudo-terminal and relays what it draws.
  const [file, argv] = options.tty ? ['script', ['-qfec', quoted, '/dev/null']] : [tsx, [bin, ...args]]
  try {
    const { stdout, stderr } = await run(file as string, argv as string[], {
      cwd: repoRoot,
      env,
      timeout: 90_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr }
  }
}

async function startDatalabRun(): Promise<string> {
  const { stdout } = await evalrunProcess([
    'runs',
    'start',
    'datalab',
    '--collection',
    String(sb.catalog.datalab.collections[0]?.id),
    '--rubric',
    String(sb.catalog.datalab.rubrics[0]?.id),
    '--json',
  ])
  return String(jsonLines(stdout)[0]?.ref)
}

/**
 * Moves the manual clock once the waiting process has polled at least once, so it sees the run queued or running
 * first and then finishing, however slowly the process starts.
 */
async function advanceAfterFirstPoll<T>(waiting: Promise<T>): Promise<T> {
  const before = sb.stats().requests
  let done = false
  const finished = waiting.finally(() => {
    done = true
  })
  while (!done) {
    if (sb.stats().requests > before) sb.clock.advance(1000)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return finished
}

describe('runs wait as a process', () => {
  it('draws live progress bars in colour on a terminal', async () => {
    const ref = await startDatalabRun()
    const { code, stdout } = await advanceAfterFirstPoll(
      evalrunProcess(['runs', 'wait', ref, '--timeout', '1m'], { tty: true }),
    )
    expect(code).toBe(0)
    expect(stdout).toMatch(/[█░]{4,}/)
    expect(stdout).toContain(`${ESC}[`)
    expect(stdout).toContain(ref)
    expect(stdout).toMatch(/completed, score/)
  })

  it('writes plain progress lines, without colour, through a pipe', async () => {
    const ref = await startDatalabRun()
    const { code, stdout, stderr } = await advanceAfterFirstPoll(
      evalrunProcess(['runs', 'wait', ref, '--timeout', '1m']),
    )
    expect(code).toBe(0)
    expect(stderr).toMatch(new RegExp(`^${ref} (queued|running) `, 'm'))
    expect(stderr).toMatch(new RegExp(`^${ref} completed \\d+/\\d+ \\(\\d+s\\)$`, 'm'))
    expect(stdout + stderr).not.toContain(ESC)
    expect(stdout).toMatch(new RegExp(`^✓ ${ref} completed, score `, 'm'))
  })

  it('respects NO_COLOR on a terminal', async () => {
    const ref = await startDatalabRun()
    const { stdout } = await evalrunProcess(['runs', 'get', ref], { tty: true, env: { NO_COLOR: '1' } })
    expect(stdout).toContain(ref)
    for (const colour of [31, 32, 33, 35, 36]) expect(stdout).not.toContain(`${ESC}[${colour}m`)
  })
})

describe('Ctrl-C in runs wait, as a process', () => {
  it('stops waiting on SIGINT, writes the JUnit report with the run marked interrupted, and exits 130', async () => {
    const ref = await startDatalabRun()
    const junit = join(mkdtempSync(join(tmpdir(), 'evalrun-sigint-')), 'junit.xml')
    const { NO_COLOR, FORCE_COLOR, ...inherited } = process.env
    // One process (tsx as a loader, not as a parent), so the signal reaches evalrun itself.
    const child = spawn(process.execPath, ['--import', 'tsx', bin, 'runs', 'wait', ref, '--junit', junit], {
      cwd: repoRoot,
      env: { ...inherited, ...sb.env, EVALRUN_CI_DETECT: '0' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
    // Interrupt once it has polled: the manual clock keeps the run running until then.
    while (!stderr.includes(ref)) await new Promise((resolve) => setTimeout(resolve, 50))
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(stderr).toContain('evalrun: interrupted: stopped waiting for 1 of 1 run; no gate passed.')
    expect(stdout).toContain(`✗ ${ref} interrupted while it was`)
    expect(readFileSync(junit, 'utf8')).toContain('interrupted while it was')
  })
})

describe('pnpm demo (evalrun demo)', () => {
  it('runs on the built-in sandbox, shows progress, a table across vendors, a score summary and a compare, then exits', async () => {
    const { code, stdout, stderr } = await evalrunProcess(['demo', '--speed', '40'])
    expect(code).toBe(0)
    for (const vendor of ['datalab', 'promptlayer', 'humanloop']) {
      expect(stdout).toMatch(new RegExp(`started ${vendor}:\\S+`))
      expect(stdout).toMatch(new RegExp(`^${vendor}:\\S+\\s+${vendor}\\s`, 'm'))
      expect(stdout).toMatch(new RegExp(`^${vendor}\\s+\\d+\\s+\\d+`, 'm'))
    }
    expect(stdout).toMatch(/^langfuse\s+\d+\s+\d+/m)
    expect(stdout).toMatch(
      /The latest scored run of each vendor that cannot start runs\n {2}langfuse:\S+ {2}completed {2}score \d/,
    )
    expect(stdout).toContain('Latest runs across every vendor')
    expect(stdout).toContain('Score summary')
    // One scale: PromptLayer's 0..100 scores as 0..1 beside the others; Datalab's, of no known scale, marked raw.
    expect(stdout).toMatch(/^promptlayer(\s+\d+){4}\s+0\.\d{3}\s+—$/m)
    expect(stdout).toMatch(/^datalab(\s+\d+){4}\s+—\s+\d+\.\d{3} raw$/m)
    expect(stdout).toContain('MEAN SCORE (0..1)')
    expect(stdout).toMatch(/^ {2}promptlayer:\S+ {2}completed {2}score 0\.\d{3} \([\d.]+ on 0\.\.100\)/m)
    expect(stderr).toMatch(/completed \d+\/\d+/)
    // It ends with a started run compared with the run before it on its suite.
    expect(stdout).toMatch(/What changed on .+ \(evalrun runs compare (\S+) (\S+)\)\nbase \1 .+\nhead \2 /)
    expect(stdout).toMatch(/CHANGE\s+KEY\s+STATUS\s+SCORE\s+METRICS\nregressed /)
    expect(stdout).toMatch(/\d+ regressed · \d+ improved · \d+ unchanged · \d+ added · \d+ removed/)
  })
})
