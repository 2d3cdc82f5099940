import { inspect } from 'node:util'
import { json, recordingFetch } from '@evalrun/test-support'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createVendorClient, EvalrunApiError, EvalrunInvalidConfigError, request } from '../src/index.js'
import { basicVendor, bearerVendor, FAKE_KEY, FAKE_PUBLIC_KEY, type TestPaths } from './helpers.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

const BASIC_TOKEN = btoa(`${FAKE_PUBLIC_KEY}:${FAKE_KEY}`)
const EVERY_SECRET_FORM = [FAKE_KEY, FAKE_PUBLIC_KEY, BASIC_TOKEN]

function expectNoSecret(value: unknown) {
  const texts = [
    String(value),
    (value as Error).stack ?? '',
    JSON.stringify(value),
    inspect(value, { depth: 20, showHidden: true }),
  ]
  for (const text of texts) for (const secret of EVERY_SECRET_FORM) expect(text).not.toContain(secret)
}

function configError(run: () => unknown): EvalrunInvalidConfigError {
  try {
    run()
  } catch (error) {
    expect(EvalrunInvalidConfigError.isInstance(error)).toBe(true)
    expectNoSecret(error)
    return error as EvalrunInvalidConfigError
  }
  throw new Error('expected a configuration error')
}

const bearerClient = (fetch: (r: Request) => Promise<Response>) =>
  createVendorClient<TestPaths>(bearerVendor, { apiKey: FAKE_KEY, fetch, retry: false })
const basicClient = (fetch: (r: Request) => Promise<Response>) =>
  createVendorClient<TestPaths>(basicVendor, {
    publicKey: FAKE_PUBLIC_KEY,
    secretKey: FAKE_KEY,
    fetch,
    retry: false,
  })

describe('bearer auth', () => {
  it('sends the key as `Authorization: Bearer <key>`, from the option or the env var', async () => {
    const seen = recordingFetch(() => json({ items: [] }))
    await bearerClient(seen.fetch).GET('/things')
    vi.stubEnv('ACME_API_KEY', FAKE_KEY)
    await createVendorClient<TestPaths>(bearerVendor, { fetch: seen.fetch }).GET('/things')
    expect(seen.requests.map((r) => r.headers.get('authorization'))).toEqual([
      `Bearer ${FAKE_KEY}`,
      `Bearer ${FAKE_KEY}`,
    ])
    expect(seen.requests[0]?.headers.has('x-api-key')).toBe(false)
  })

  it('names the option and the env var when the key is missing', () => {
    vi.stubEnv('ACME_API_KEY', '')
    const error = configError(() => createVendorClient(bearerVendor))
    expect(error.message).toBe(
      'Acme API key missing: pass `apiKey` to createAcmeClient() or set ACME_API_KEY.',
    )
    expect(error.option).toBe('apiKey')
  })
})

describe('basic auth', () => {
  it('sends the public key as user and the secret key as password', async () => {
    const seen = recordingFetch(() => json({ items: [] }))
    await basicClient(seen.fetch).GET('/things')
    expect(seen.requests[0]?.headers.get('authorization')).toBe(`Basic ${BASIC_TOKEN}`)
    expect(atob(BASIC_TOKEN)).toBe(`${FAKE_PUBLIC_KEY}:${FAKE_KEY}`)
  })

  it('reads both credentials from their env vars (or an injected env)', async () => {
    const seen = recordingFetch(() => json({ items: [] }))
    const env = { ACME_PUBLIC_KEY: FAKE_PUBLIC_KEY, ACME_SECRET_KEY: FAKE_KEY }
    await createVendorClient<TestPaths>(basicVendor, { env, fetch: seen.fetch }).GET('/things')
    expect(seen.requests[0]?.headers.get('authorization')).toBe(`Basic ${BASIC_TOKEN}`)
  })

  it('names both env vars when both credentials are missing, and the one missing otherwise', () => {
    const none = configError(() => createVendorClient(basicVendor, { env: {} }))
    expect(none.message).toBe(
      'Acme credentials missing: pass `publicKey` and `secretKey` to createAcmeClient() or set ACME_PUBLIC_KEY and ACME_SECRET_KEY.',
    )
    const noSecret = configError(() =>
      createVendorClient(basicVendor, { env: { ACME_PUBLIC_KEY: FAKE_PUBLIC_KEY } }),
    )
    expect(noSecret.message).toBe(
      'Acme secret key missing: pass `secretKey` to createAcmeClient() or set ACME_SECRET_KEY.',
    )
    expect(noSecret.option).toBe('secretKey')
    const noPublic = configError(() => createVendorClient(basicVendor, { secretKey: FAKE_KEY, env: {} }))
    expect(noPublic.message).toContain('set ACME_PUBLIC_KEY.')
  })

  it('refuses a public key with a colon or a secret key with a line break, without echoing either', () => {
    configError(() =>
      createVendorClient(basicVendor, { publicKey: `${FAKE_PUBLIC_KEY}:x`, secretKey: FAKE_KEY }),
    )
    const error = configError(() =>
      createVendorClient(basicVendor, { publicKey: FAKE_PUBLIC_KEY, secretKey: `${FAKE_KEY}\n` }),
    )
    expect(error.message).toContain('Acme secret key from `secretKey` contains a line break')
  })
})

describe.each([
  ['bearer', bearerClient, 'authorization', FAKE_KEY],
  ['basic', basicClient, 'authorization', `${FAKE_PUBLIC_KEY}:${FAKE_KEY}`],
] as const)('%s credentials never leak', (_, makeClient, header, rawCredentials) => {
  it('through an error body or URL that echoes them back', async () => {
    const echo = (request: Request) =>
      Promise.resolve(
        json(
          {
            detail: `bad credentials: ${request.headers.get('authorization')} (${rawCredentials})`,
          },
          { status: 401 },
        ),
      )
    const error = await request(makeClient(echo), 'GET', '/things', {
      params: { query: { tag: [FAKE_KEY] } },
    }).catch((e: unknown) => e)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    expect((error as EvalrunApiError).message).toContain('bad credentials: ')
    expect((error as EvalrunApiError).url).toContain('tag=REDACTED')
    expectNoSecret(error)
  })

  it('when the client is inspected', () => {
    const client = makeClient(() => Promise.resolve(json({})))
    expectNoSecret(client)
  })

  it('to another origin after a redirect, while a same-origin redirect keeps them', async () => {
    const seen = recordingFetch(
      () => new Response(null, { status: 307, headers: { location: '/v5/things?page=2' } }),
      () =>
        new Response(null, { status: 302, headers: { location: 'https://cdn.elsewhere.test/things.json' } }),
      () => json({ items: [] }),
    )
    const client = makeClient(seen.fetch)
    expect(await request(client, 'GET', '/things')).toEqual({ items: [] })
    expect(seen.requests.map((r) => [new URL(r.url).host, r.headers.has(header)])).toEqual([
      ['api.acme.test', true],
      ['api.acme.test', true],
      ['cdn.elsewhere.test', false],
    ])
  })
})
