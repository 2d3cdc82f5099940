import { createDatalabClient } from '@evalrun/datalab'
import { afterEach, describe, expect, it } from 'vitest'
import { type FaultKind, type Sandbox, startSandbox } from '../src/index.js'

const opened: Sandbox[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sb) => sb.close()))
})

async function sandboxWith(kind: FaultKind, extra: Record<string, unknown> = {}): Promise<Sandbox> {
  const sb = await startSandbox({ clock: 'manual', faults: { rate: 1, kinds: [kind], ...extra } })
  opened.push(sb)
  return sb
}

const rubricsUrl = (sb: Sandbox) => `${sb.urls.datalab}/api/v1/eval_rubrics`
const get = (sb: Sandbox, url = rubricsUrl(sb)) =>
  fetch(url, { headers: { 'X-API-Key': sb.apiKeys.datalab } })

describe('fault injection', () => {
  it('429 carries Retry-After and the vendor error body', async () => {
    const sb = await sandboxWith('429', { retryAfterSeconds: 7 })
    const response = await get(sb)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(await response.json()).toEqual({ detail: expect.any(String) })
    expect(sb.stats().faultsInjected).toBe(1)
  })

  it.each(['500', '502', '503'] as const)('%s answers with that status', async (kind) => {
    const sb = await sandboxWith(kind)
    expect((await get(sb)).status).toBe(Number(kind))
  })

  it('reset: the connection drops mid-body', async () => {
    const sb = await sandboxWith('reset')
    const response = await get(sb)
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow()
  })

  it('truncated: a complete HTTP response whose JSON is cut off', async () => {
    const sb = await sandboxWith('truncated')
    const response = await get(sb)
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(() => JSON.parse(text)).toThrow()
    expect(text.length).toBeGreaterThan(0)
  })

  it('slow: the response arrives after latencyMs, intact', async () => {
    const sb = await sandboxWith('slow', { latencyMs: 50 })
    const started = performance.now()
    const response = await get(sb)
    expect(response.status).toBe(200)
    expect((await response.json()) as object).toHaveProperty('rubrics')
    // Loose bound only: the point is that the delay happened at all.
    expect(performance.now() - started).toBeGreaterThanOrEqual(40)
  })

  it('only hits the chosen vendors, and setFaults(null) turns faults off', async () => {
    const sb = await sandboxWith('500', { vendors: ['promptlayer'] })
    expect((await get(sb)).status).toBe(200)
    sb.setFaults({ rate: 1, kinds: ['503'] })
    expect((await get(sb)).status).toBe(503)
    sb.setFaults(null)
    expect((await get(sb)).status).toBe(200)
  })

  it('the same seed gives the same fault sequence; another seed a different one', async () => {
    const sequence = async (seed: number) => {
      const sb = await startSandbox({
        clock: 'manual',
        seed,
        faults: { rate: 0.5, kinds: ['429', '500', '503'] },
      })
      opened.push(sb)
      const statuses = []
      for (let i = 0; i < 24; i++) statuses.push((await get(sb)).status)
      return { statuses, injected: sb.stats().faultsInjected }
    }
    const first = await sequence(11)
    const again = await sequence(11)
    const other = await sequence(12)
    expect(again).toEqual(first)
    expect(other.statuses).not.toEqual(first.statuses)
    expect(first.injected).toBe(first.statuses.filter((status) => status !== 200).length)
    expect(first.injected).toBeGreaterThan(0)
  })

  it('the vendor clients retry through 429/503 faults and then succeed', async () => {
    const sb = await startSandbox({
      clock: 'manual',
      seed: 5,
      faults: { rate: 0.3, kinds: ['429', '503'], retryAfterSeconds: 0 },
    })
    opened.push(sb)
    const client = createDatalabClient({
      baseUrl: sb.urls.datalab,
      apiKey: sb.apiKeys.datalab,
      retry: { maxRetries: 10, baseDelayMs: 1, maxDelayMs: 2 },
    })
    for (let i = 0; i < 10; i++) {
      const { response } = await client.GET('/api/v1/eval_rubrics', {})
      expect(response.status).toBe(200)
    }
    expect(sb.stats().faultsInjected).toBeGreaterThan(0)
    expect(sb.stats().requests).toBe(10 + sb.stats().faultsInjected)
  })
})
