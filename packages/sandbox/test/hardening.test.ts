import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { raw } from './helpers.js'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ clock: 'manual' })
})
afterAll(() => sb.close())

const json = { 'Content-Type': 'application/json' }

describe('auth', () => {
  it('answers a missing or wrong key with each vendor’s 401 body', async () => {
    const dl = await raw(`${sb.urls.datalab}/api/v1/eval_batch_runs`)
    expect(dl.status).toBe(401)
    expect(dl.json()).toEqual({ detail: expect.any(String) })
    const pl = await raw(`${sb.urls.promptlayer}/reports/1`, { key: 'wrong', header: 'X-API-KEY' })
    expect(pl.status).toBe(401)
    expect(pl.json()).toMatchObject({ success: false, message: expect.any(String) })
    const hl = await raw(`${sb.urls.humanloop}/evaluations/x`, {
      key: 'sandbox-datalab-key',
      header: 'X-API-KEY',
    })
    expect(hl.status).toBe(401)
    expect(hl.json()).toEqual({ detail: expect.any(String) })
  })

  it('matches header names case-insensitively and honours custom keys', async () => {
    const custom = await startSandbox({ clock: 'manual', apiKeys: { datalab: 'my-key' } })
    try {
      expect(
        (await raw(`${custom.urls.datalab}/api/v1/eval_rubrics`, { key: 'my-key', header: 'x-api-key' }))
          .status,
      ).toBe(200)
      expect(
        (await raw(`${custom.urls.datalab}/api/v1/eval_rubrics`, { key: 'my-key', header: 'X-API-KEY' }))
          .status,
      ).toBe(200)
      expect(
        (await raw(`${custom.urls.datalab}/api/v1/eval_rubrics`, { key: 'sandbox-datalab-key' })).status,
      ).toBe(401)
      expect(custom.env.DATALAB_API_KEY).toBe('my-key')
    } finally {
      await custom.close()
    }
  })
})

describe('invalid requests get the vendor’s validation error', () => {
  it('Datalab and Humanloop: 422 HTTPValidationError with loc/msg/type', async () => {
    const dl = await raw(`${sb.urls.datalab}/api/v1/eval_batch_runs?limit=201&offset=-1`, {
      key: sb.apiKeys.datalab,
    })
    expect(dl.status).toBe(422)
    const detail = (dl.json() as { detail: Array<{ loc: unknown[] }> }).detail
    expect(detail.map((issue) => issue.loc)).toEqual([
      ['query', 'limit'],
      ['query', 'offset'],
    ])
    const body = await raw(`${sb.urls.datalab}/api/v1/eval_batch_runs`, {
      method: 'POST',
      key: sb.apiKeys.datalab,
      headers: json,
      body: JSON.stringify({ collection_id: 'one', pipeline_type: 'ocr' }),
    })
    expect(body.status).toBe(422)
    expect(body.json()).toMatchObject({
      detail: expect.arrayContaining([expect.objectContaining({ loc: ['body', 'collection_id'] })]),
    })
    const hl = await raw(`${sb.urls.humanloop}/evaluations?size=-1`, {
      key: sb.apiKeys.humanloop,
      header: 'X-API-KEY',
    })
    expect(hl.status).toBe(422)
    expect(hl.json()).toMatchObject({
      detail: expect.arrayContaining([
        expect.objectContaining({ loc: ['query', 'file_id'], type: 'missing' }),
      ]),
    })
  })

  it('Datalab business rules: unknown collection, missing rubric for a standard pipeline', async () => {
    const post = (body: unknown) =>
      raw(`${sb.urls.datalab}/api/v1/eval_batch_runs`, {
        method: 'POST',
        key: sb.apiKeys.datalab,
        headers: json,
        body: JSON.stringify(body),
      })
    expect((await post({ collection_id: 999 })).json()).toMatchObject({
      detail: [{ loc: ['body', 'collection_id'] }],
    })
    expect((await post({ collection_id: 1 })).json()).toMatchObject({
      detail: [{ loc: ['body', 'eval_rubric_id'] }],
    })
    expect((await post({ collection_id: 1, eval_rubric_id: 1, pipeline_type: 'extract' })).status).toBe(422)
  })

  it('PromptLayer: ErrorResponse with 422 for schema errors and 400/403/404 where the spec says', async () => {
    const key = { key: sb.apiKeys.promptlayer, header: 'X-API-KEY' }
    const perPage = await raw(`${sb.urls.promptlayer}/api/public/v2/evaluations?per_page=500`, key)
    expect(perPage.status).toBe(422)
    expect(perPage.json()).toMatchObject({ success: false, message: expect.stringContaining('per_page') })
    const emptyRename = await raw(`${sb.urls.promptlayer}/reports/1/rename`, {
      ...key,
      method: 'PATCH',
      headers: json,
      body: '{}',
    })
    expect(emptyRename.status).toBe(422)
    const runOfRun = sb.catalog.promptlayer.pipelines.length + 1
    const notAPipeline = await raw(`${sb.urls.promptlayer}/reports/${runOfRun}/run`, {
      ...key,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'x' }),
    })
    expect(notAPipeline.status).toBe(403)
    expect((await raw(`${sb.urls.promptlayer}/reports/424242`, key)).status).toBe(404)
    expect((await raw(`${sb.urls.promptlayer}/reports/1/score`, key)).status).toBe(400)
  })

  it('Humanloop PATCH status: only cancelled/completed, only from pending/running', async () => {
    const key = { key: sb.apiKeys.humanloop, header: 'X-API-KEY' }
    const evaluation = sb.catalog.humanloop.evaluations[0]!.id
    const runs = (await raw(`${sb.urls.humanloop}/evaluations/${evaluation}/runs`, key)).json() as {
      runs: Array<{ id: string; status: string }>
    }
    const finished = runs.runs.find((run) => run.status === 'completed')!
    const patch = (runId: string, body: unknown) =>
      raw(`${sb.urls.humanloop}/evaluations/${evaluation}/runs/${runId}`, {
        ...key,
        method: 'PATCH',
        headers: json,
        body: JSON.stringify(body),
      })
    expect((await patch(finished.id, { status: 'cancelled' })).status).toBe(422)
    expect((await patch(finished.id, { status: 'running' })).status).toBe(422)
    expect((await patch(finished.id, { status: 'paused' })).status).toBe(422)
    expect((await patch('rn_missing', { status: 'cancelled' })).status).toBe(404)
  })
})

describe('hardening', () => {
  const key = { key: sb?.apiKeys.datalab ?? 'sandbox-datalab-key' }

  it('malformed JSON → 422 (Datalab, Humanloop) or 400 (PromptLayer), vendor-shaped', async () => {
    const dl = await raw(`${sb.urls.datalab}/api/v1/collections`, {
      ...key,
      method: 'POST',
      headers: json,
      body: '{"name": ',
    })
    expect(dl.status).toBe(422)
    expect(dl.json()).toMatchObject({ detail: [{ type: 'json_invalid' }] })
    const pl = await raw(`${sb.urls.promptlayer}/reports`, {
      key: sb.apiKeys.promptlayer,
      header: 'X-API-KEY',
      method: 'POST',
      headers: json,
      body: '[1,',
    })
    expect(pl.status).toBe(400)
    expect(pl.json()).toMatchObject({ success: false })
  })

  it('wrong content type → 422', async () => {
    const response = await raw(`${sb.urls.datalab}/api/v1/collections`, {
      ...key,
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"name":"x"}',
    })
    expect(response.status).toBe(422)
    expect(response.json()).toMatchObject({ detail: [{ loc: ['body'], type: 'content_type' }] })
  })

  it('bodies over 1 MB → 413 without reading the rest, and the server keeps serving', async () => {
    const declared = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(sb.urls.datalab).port), '127.0.0.1')
      let received = ''
      socket.on('data', (chunk) => {
        received += chunk.toString()
      })
      socket.on('close', () => resolve(received))
      socket.on('error', reject)
      socket.write(
        `POST /datalab/api/v1/collections HTTP/1.1\r\nHost: x\r\nX-API-Key: ${sb.apiKeys.datalab}\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n{"name":"`,
      )
    })
    expect(declared).toMatch(/^HTTP\/1\.1 413/)
    expect(declared.toLowerCase()).toContain('connection: close')

    const streamed = await raw(`${sb.urls.datalab}/api/v1/collections`, {
      ...key,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
    // The client may see the 413 or a reset while still uploading; either way nothing was buffered.
    if (!(streamed instanceof Error)) expect(streamed.status).toBe(413)
    expect((await raw(`${sb.urls.datalab}/api/v1/eval_rubrics`, key)).status).toBe(200)
  })

  it('a chunked upload that grows past 1 MB → 413 as soon as it crosses the limit', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(sb.urls.humanloop).port), '127.0.0.1')
      let received = ''
      socket.on('data', (chunk) => {
        received += chunk.toString()
        if (received.includes('\r\n\r\n')) socket.destroy()
      })
      socket.on('close', () => resolve(received))
      socket.on('error', () => resolve(received))
      socket.on('timeout', () => reject(new Error('no answer')))
      const chunk = 'x'.repeat(256 * 1024)
      socket.write(
        `POST /humanloop/v5/evaluations HTTP/1.1\r\nHost: x\r\nX-API-KEY: ${sb.apiKeys.humanloop}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      )
      for (let i = 0; i < 6; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 413/)
    expect((await raw(`${sb.urls.datalab}/api/v1/eval_rubrics`, key)).status).toBe(200)
  })

  it('unknown paths → 404, wrong methods → 405 with Allow', async () => {
    expect((await raw(`${sb.urls.datalab}/api/v1/nothing-here`, key)).status).toBe(404)
    expect((await raw(`http://127.0.0.1:${new URL(sb.urls.datalab).port}/elsewhere`)).status).toBe(404)
    const wrong = await raw(`${sb.urls.datalab}/api/v1/eval_batch_runs/1`, { ...key, method: 'DELETE' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toContain('GET')
    expect((await raw(`${sb.urls.humanloop}/evaluations`, { method: 'PUT' })).status).toBe(405)
  })

  it('CORS: preflight answered, every response allows any origin', async () => {
    const preflight = await raw(`${sb.urls.humanloop}/evaluations`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-api-key',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-api-key')
    const normal = await raw(`${sb.urls.datalab}/api/v1/eval_rubrics`, key)
    expect(normal.headers.get('access-control-allow-origin')).toBe('*')
  })
})
