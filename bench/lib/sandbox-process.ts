import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { SandboxOptions } from '../../packages/sandbox/src/index.js'
import type { Sandbox } from './sandbox.js'

/** What a client needs of a sandbox that runs in another process. */
export type RemoteSandbox = Pick<Sandbox, 'urls' | 'apiKeys' | 'catalog'> & { close(): Promise<void> }

const serverScript = new URL('./sandbox-server.ts', import.meta.url).pathname

/** Starts `sandbox-server.ts` under tsx and resolves once it listens. */
export function startSandboxProcess(options: SandboxOptions): Promise<RemoteSandbox> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code} before listening`)))
    createInterface({ input: child.stdout }).once('line', (line) => {
      const started = JSON.parse(line) as Omit<RemoteSandbox, 'close'>
      resolve({
        ...started,
        close: () => {
          child.stdin.end()
          return exited
        },
      })
    })
  })
}
