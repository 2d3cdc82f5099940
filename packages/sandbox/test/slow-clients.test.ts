import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HEADERS_TIMEOUT_MS } from '../src/http/server.js'
import { type Sandbox, startSandbox } from '../src/index.js'
import { raw } from './helpers.js'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ clock: 'manual' })
})
afterAll(() => sb.close())

/** Opens a socket, sends `partial` (never finishing the headers) and resolves with what came back on close. */
function slowClient(port: number, partial: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString()
    })
    socket.on('error', () => {})
    socket.on('close', () => resolve(received))
    if (partial !== '') socket.write(partial)
  })
}

describe('slow clients', () => {
  it(
    'a client whose headers never end, or that sends nothing, is answered 408 and cut off',
    async () => {
      const port = Number(new URL(sb.urls.datalab).port)
      const [partial, silent] = await Promise.all([
        slowClient(port, 'GET /datalab/api/v1/eval_rubrics HTTP/1.1\r\nHost: x\r\n'),
        slowClient(port, ''),
      ])
      expect(partial).toMatch(/^HTTP\/1\.1 408/)
      expect(silent).toMatch(/^HTTP\/1\.1 408/)
      const key = { key: sb.apiKeys.datalab }
      expect((await raw(`${sb.urls.datalab}/api/v1/eval_rubrics`, key)).status).toBe(200)
    },
    HEADERS_TIMEOUT_MS + 10_000,
  )
})
