import { inspect } from 'node:util'
import { json, recordingFetch } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import {
  createVendorClient,
  EvalrunApiError,
  EvalrunInvalidConfigError,
  request,
  tokenProviders,
  type VendorDefinition,
} from '../src/index.js'
import { type TestPaths, testVendor } from './helpers.js'

/** The fake vendor, authenticated by a token provider (as Azure's Entra ID is). */
const providerVendor: VendorDefinition = {
  ...testVendor,
  auth: { scheme: 'bearer-provider' },
  tokenProviders,
}
const TOKENS = ['eyJ-entra-FAKE-token-1', 'eyJ-entra-FAKE-token-2', 'eyJ-entra-FAKE-token-3']
const fast = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 }

function provider() {
  let calls = 0
  return {
    get calls() {
      return calls
    },
    tokenProvider: async () => TOKENS[calls++ % TOKENS.length] as string,
  }
}

describe('bearer-provider auth', () => {
  it('calls the provider before every attempt and sends its token as a bearer', async () => {
    const tokens = provider()
    const seen = recordingFetch(
      () => json({}, { status: 503 }),
      () => json({ items: [] }),
      () => json({ items: [] }),
    )
    const client = createVendorClient<TestPaths>(providerVendor, {
      tokenProvider: tokens.tokenProvider,
      fetch: seen.fetch,
      retry: fast,
    })
    await client.GET('/things')
    await client.GET('/things')
    expect(tokens.calls).toBe(3)
    expect(seen.requests.map((r) => r.headers.get('authorization'))).toEqual(
      TOKENS.map((token) => `Bearer ${token}`),
    )
  })

  it('sends a POST body again with a fresh token on a retried attempt', async () => {
    const tokens = provider()
    const seen = recordingFetch(() => json({ id: '1', name: 'x' }))
    const client = createVendorClient<TestPaths>(providerVendor, {
      tokenProvider: tokens.tokenProvider,
      fetch: seen.fetch,
      retry: false,
    })
    await client.POST('/things', { body: { name: 'x' } })
    expect(seen.requests[0]?.headers.get('authorization')).toBe(`Bearer ${TOKENS[0]}`)
    expect(await seen.requests[0]?.json()).toEqual({ name: 'x' })
  })

  it('redacts the tokens it sent from errors, even one echoed back', async () => {
    const tokens = provider()
    const seen = recordingFetch((req) =>
      json({ detail: `bad token ${req.headers.get('authorization')}` }, { status: 422 }),
    )
    const client = createVendorClient<TestPaths>(providerVendor, {
      tokenProvider: tokens.tokenProvider,
      fetch: seen.fetch,
      retry: false,
    })
    const error = await request(client, 'GET', '/things', {}).catch((caught: unknown) => caught)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    for (const text of [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 20, showHidden: true }),
    ]) {
      expect(text).not.toContain(TOKENS[0])
    }
    expect(inspect(client, { depth: 20, showHidden: true })).not.toContain('eyJ-entra')
  })

  it('refuses an empty or multi-line token without echoing it, and a missing provider', async () => {
    const secret = 'eyJ-entra-FAKE\nsecret'
    for (const token of ['', secret]) {
      const client = createVendorClient<TestPaths>(providerVendor, {
        tokenProvider: () => token,
        fetch: recordingFetch(() => json({ items: [] })).fetch,
        retry: false,
      })
      const error = await client.GET('/things').catch((caught: unknown) => caught)
      expect(EvalrunInvalidConfigError.isInstance(error)).toBe(true)
      expect(String(error)).not.toContain('secret')
    }
    expect(() => createVendorClient(providerVendor)).toThrow(/token provider missing/)
    const undeclared = { ...providerVendor, tokenProviders: undefined }
    expect(() => createVendorClient(undeclared, { tokenProvider: () => 'x' })).toThrow(/does not take/)
  })

  it("throws the provider's own error as it is", async () => {
    const failure = new Error('no credential available')
    const client = createVendorClient<TestPaths>(providerVendor, {
      tokenProvider: () => Promise.reject(failure),
      fetch: recordingFetch(() => json({ items: [] })).fetch,
    })
    await expect(client.GET('/things')).rejects.toBe(failure)
  })
})
