import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordFigures } from './support/figures.js'
import { getOnNewSocket, rawExchange, slowloris, statusOf } from './support/raw-http.js'

let sandbox: Sandbox
let port: number
let key: Record<string, string>
const figures: Record<string, unknown> = {}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 61, runs: 200, clock: 'manual' })
  port = Number(new URL(sandbox.urls.datalab).port)
  key = { 'X-API-Key': sandbox.apiKeys.datalab }
})
afterAll(async () => {
  await sandbox.close()
  recordFigures('sandbox-robustness', figures)
})

const rubrics = () => `${sandbox.urls.datalab}/api/v1/eval_rubrics`
const stillServing = async () => expect(await getOnNewSocket(rubrics(), key)).toBe(200)

describe('sandbox robustness', () => {
  it('serves 200 concurrent connections', async () => {
    const statuses = await Promise.all(Array.from({ length: 200 }, () => getOnNewSocket(rubrics(), key)))
    expect(statuses.filter((status) => status !== 200)).toEqual([])
    figures.concurrentConnections = { opened: statuses.length, answered200: statuses.length }
  })

  it('answers malformed requests with 4xx and keeps serving', async () => {
    const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`
    const json = ['Host: x', 'X-API-Key: sandbox-datalab-key', 'Content-Type: application/json']
    const cases: Array<[string, string, number]> = [
      ['garbage request line', 'GARBAGE\r\n\r\n', 400],
      ['bad HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', 400],
      ['header without colon', head(['GET /datalab/api/v1/eval_rubrics HTTP/1.1', 'Host x']), 400],
      ['no Host header', head(['GET /datalab/api/v1/eval_rubrics HTTP/1.1']), 400],
      ['NUL in the path', head(['GET /datalab/\0 HTTP/1.1', 'Host: x']), 400],
      ['headers over 16 KB', head(['GET / HTTP/1.1', 'Host: x', `X-Big: ${'a'.repeat(20_000)}`]), 431],
      [
        'bad chunk size',
        `${head(['POST /datalab/api/v1/collections HTTP/1.1', ...json, 'Transfer-Encoding: chunked']).slice(0, -2)}\r\nZZ\r\n{}\r\n0\r\n\r\n`,
        400,
      ],
      [
        'both Content-Length and chunked',
        head([
          'POST /datalab/api/v1/collections HTTP/1.1',
          ...json,
          'Content-Length: 2',
          'Transfer-Encoding: chunked',
        ]),
        400,
      ],
      [
        'truncated JSON body',
        `${head(['POST /datalab/api/v1/collections HTTP/1.1', ...json, 'Content-Length: 9', 'Connection: close'])}{"name": `,
        422,
      ],
      [
        'JSON body of the wrong type',
        `${head(['POST /datalab/api/v1/collections HTTP/1.1', ...json, 'Content-Length: 7', 'Connection: close'])}[1,2,3]`,
        422,
      ],
      ['unknown method', head(['BREW /datalab/api/v1/eval_rubrics HTTP/1.1', 'Host: x']), 400],
      ['unknown vendor path', head(['GET /openai/v1/models HTTP/1.1', 'Host: x', 'Connection: close']), 404],
    ]
    const results = []
    for (const [what, bytes, expected] of cases) {
      const status = statusOf(await rawExchange(port, bytes, 5_000))
      results.push({ what, status })
      expect({ what, status }).toEqual({ what, status: expected })
      await stillServing()
    }
    figures.malformedRequests = results
  })

  it('refuses bodies over 1 MB with 413 and keeps serving', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })
    const answer = await fetch(`${sandbox.urls.datalab}/api/v1/collections`, {
      method: 'POST',
      headers: { ...key, 'Content-Type': 'application/json' },
      body: big,
    }).then(
      (response) => response.status,
      () => 'reset while uploading',
    )
    // The client may see the 413 or, still uploading, a reset: either way nothing was buffered.
    expect([413, 'reset while uploading']).toContain(answer)
    await stillServing()
    figures.oversizedBody = { bytes: big.length, answer }
  })

  it('cuts off slowloris clients (408) while serving everyone else', async () => {
    const slow = Array.from({ length: 50 }, () => slowloris(port, 500))
    // While the slow clients hold their sockets, ordinary traffic is served.
    const served = await Promise.all(Array.from({ length: 100 }, () => getOnNewSocket(rubrics(), key)))
    expect(served.every((status) => status === 200)).toBe(true)
    const replies = await Promise.all(slow)
    expect(replies.map(statusOf).filter((status) => status !== 408)).toEqual([])
    await stillServing()
    figures.slowloris = {
      slowClients: slow.length,
      cutOffWith408: replies.length,
      servedMeanwhile: served.length,
    }
  }, 30_000)

  it('memory does not grow with traffic (5 rounds of 2,000 requests)', async () => {
    // vitest's workers have no --expose-gc; V8 can be asked for gc() at run time instead.
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const urls = [
      rubrics(),
      `${sandbox.urls.datalab}/api/v1/eval_batch_runs?limit=50`,
      `${sandbox.urls.datalab}/api/v1/eval_batch_runs/999999`, // 404
      `${sandbox.urls.datalab}/api/v1/eval_batch_runs?limit=9999`, // 422
      `${sandbox.urls.promptlayer}/reports/1`, // 401: Datalab's key
    ]
    const heapAfterRound: number[] = []
    for (let round = 0; round < 5; round++) {
      for (let batch = 0; batch < 2_000 / 50; batch++) {
        await Promise.all(
          Array.from({ length: 50 }, async (_, i) => {
            const response = await fetch(urls[(batch + i) % urls.length]!, { headers: key })
            await response.arrayBuffer()
          }),
        )
      }
      gc()
      heapAfterRound.push(process.memoryUsage().heapUsed)
    }
    const mb = heapAfterRound.map((bytes) => Math.round(bytes / 1024 / 102.4) / 10)
    // The first round warms caches (route compilation, undici pools); after it, the heap must level off.
    const growthMb = mb[4]! - mb[1]!
    expect(growthMb).toBeLessThan(16)
    figures.memory = {
      requests: 5 * 2_000,
      heapUsedMbAfterEachRound: mb,
      growthRound2To5Mb: Math.round(growthMb * 10) / 10,
    }
  }, 60_000)
})
