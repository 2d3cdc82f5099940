import { spawn } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'

const root = resolve(import.meta.dirname, '../../..')
const dirs: string[] = []
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

/** Runs a shell script with `evalrun` on the PATH (the sources, through tsx); resolves with its code and output. */
function shell(script: string, cwd: string, timeoutMs: number) {
  return new Promise<{ code: number | null; out: string; timedOut: boolean }>((done) => {
    const child = spawn('sh', ['-c', script], {
      cwd,
      env: { PATH: `${cwd}:${process.env.PATH}`, HOME: cwd },
      detached: true,
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, out, timedOut })
    })
  })
}

describe('evalrun sandbox --help', () => {
  it('runs its example to the end: the sandbox serves in the background, the env comes from --write-env', async () => {
    const help = await cli(['sandbox', '--help'], {})
    const examples =
      help.stdout
        .split('Examples:\n')[1]
        ?.trim()
        .split('\n')
        .map((line) => line.trim()) ?? []
    expect(examples.join('\n')).toContain('--write-env')
    expect(help.stdout).not.toContain('$(evalrun sandbox')

    const dir = await mkdtemp(join(tmpdir(), 'evalrun-sandbox-example-'))
    dirs.push(dir)
    const bin = join(dir, 'evalrun')
    await writeFile(
      bin,
      `#!/bin/sh\nTSX_TSCONFIG_PATH="${root}/tsconfig.json" exec node --import "${root}/node_modules/tsx/dist/loader.mjs" "${root}/packages/cli/src/bin.ts" "$@"\n`,
    )
    await chmod(bin, 0o755)
    // The example as printed, then the background sandbox stopped (SIGTERM: it closes and exits 0).
    const result = await shell(`set -e\n${examples.join('\n')}\nkill $!\nwait $!`, dir, 60_000)
    expect(result.timedOut).toBe(false)
    expect(result.code, result.out).toBe(0)
    expect(result.out).toMatch(/datalab:\d+/)
    expect(await readFile(join(dir, 'sandbox.env'), 'utf8')).toMatch(
      /^export DATALAB_BASE_URL=http:\/\/127\.0\.0\.1:\d+/m,
    )
  }, 70_000)
})
