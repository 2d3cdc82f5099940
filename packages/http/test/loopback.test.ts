import { type Listening, listenOnLoopback } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVendorClient, request } from '../src/index.js'
import { FAKE_KEY, type TestPaths, testVendor } from './helpers.js'

describe('over a real loopback connection', () => {
  const seenKeys: Array<{ server: string; key: string | undefined }> = []
  let vendor: Listening
  let elsewhere: Listening

  beforeAll(async () => {
    elsewhere = await listenOnLoopback((req, res) => {
      seenKeys.push({ server: 'elsewhere', key: req.headers['x-api-key'] as string | undefined })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"moved","name":"elsewhere"}')
    })
    vendor = await listenOnLoopback((req, res) => {
      seenKeys.push({ server: 'vendor', key: req.headers['x-api-key'] as string | undefined })
      if (req.url === '/v5/things/away') {
        res.writeHead(307, { location: `${elsewhere.url}/things/moved` }).end()
      } else if (req.url === '/v5/things/here') {
        res.writeHead(302, { location: '/v5/things/1' }).end()
      } else if (req.url === '/v5/things/reset') {
        req.socket.destroy()
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1","name":"one"}')
      }
    })
  })
  afterAll(() => Promise.all([vendor.close(), elsewhere.close()]))

  const client = () =>
    createVendorClient<TestPaths>(testVendor, { apiKey: FAKE_KEY, baseUrl: `${vendor.url}/v5` })

  it('round-trips a request', async () => {
    const thing = await request(client(), 'GET', '/things/{id}', { params: { path: { id: '1' } } })
    expect(thing).toEqual({ id: '1', name: 'one' })
  })

  it('follows a same-origin redirect with the key', async () => {
    seenKeys.length = 0
    const thing = await request(client(), 'GET', '/things/{id}', { params: { path: { id: 'here' } } })
    expect(thing.id).toBe('1')
    expect(seenKeys).toEqual([
      { server: 'vendor', key: FAKE_KEY },
      { server: 'vendor', key: FAKE_KEY },
    ])
  })

  it('drops the key when a redirect leaves the vendor origin', async () => {
    seenKeys.length = 0
    const thing = await request(client(), 'GET', '/things/{id}', { params: { path: { id: 'away' } } })
    expect(thing.id).toBe('moved')
    expect(seenKeys).toEqual([
      { server: 'vendor', key: FAKE_KEY },
      { server: 'elsewhere', key: undefined },
    ])
  })

  it('turns a reset connection into a typed network error after retries', async () => {
    const fast = createVendorClient<TestPaths>(testVendor, {
      apiKey: FAKE_KEY,
      baseUrl: `${vendor.url}/v5`,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    })
    await expect(fast.GET('/things/{id}', { params: { path: { id: 'reset' } } })).rejects.toMatchObject({
      code: 'EVALRUN_NETWORK',
      attempts: 2,
      vendor: 'acme',
    })
  })
})
