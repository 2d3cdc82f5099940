import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveClientConfig } from '../src/config.js'
import { EvalrunInvalidConfigError } from '../src/index.js'
import { FAKE_KEY, testVendor } from './helpers.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

function configError(run: () => unknown): EvalrunInvalidConfigError {
  try {
    run()
  } catch (error) {
    expect(EvalrunInvalidConfigError.isInstance(error)).toBe(true)
    return error as EvalrunInvalidConfigError
  }
  throw new Error('expected a configuration error')
}

describe('resolveClientConfig', () => {
  it('takes the key and base URL from options, trimming trailing slashes', () => {
    const config = resolveClientConfig(testVendor, { apiKey: FAKE_KEY, baseUrl: 'https://eu.acme.test/v5/' })
    expect(config.baseUrl).toBe('https://eu.acme.test/v5')
    expect(config.headers().get('x-api-key')).toBe(FAKE_KEY)
    expect(config.headers().get('user-agent')).toBe('@evalrun/acme/1.2.3')
  })

  it('falls back to the vendor env vars, then the default base URL', () => {
    vi.stubEnv('ACME_API_KEY', FAKE_KEY)
    expect(resolveClientConfig(testVendor).baseUrl).toBe('https://api.acme.test/v5')
    vi.stubEnv('ACME_BASE_URL', 'http://127.0.0.1:4010/acme')
    expect(resolveClientConfig(testVendor).baseUrl).toBe('http://127.0.0.1:4010/acme')
  })

  it('reads an older name of the base URL env var only when the current one is unset, and names it', () => {
    const aliased = { ...testVendor, baseUrlEnvAliases: ['ACME_HOST'] }
    const env = { ACME_API_KEY: FAKE_KEY, ACME_HOST: 'http://127.0.0.1:8/old' }
    expect(resolveClientConfig(aliased, { env }).baseUrl).toBe('http://127.0.0.1:8/old')
    const both = { ...env, ACME_BASE_URL: 'http://127.0.0.1:9/new' }
    expect(resolveClientConfig(aliased, { env: both }).baseUrl).toBe('http://127.0.0.1:9/new')
    expect(resolveClientConfig(aliased, { env: both, baseUrl: 'https://x.test' }).baseUrl).toBe(
      'https://x.test',
    )
    const error = configError(() =>
      resolveClientConfig(aliased, { env: { ...env, ACME_HOST: 'http://api.acme.test' } }),
    )
    expect(error.message).toContain('from ACME_HOST uses http://')
  })

  it('reads an injected env instead of process.env (edge bindings, a CLI)', () => {
    vi.stubEnv('ACME_API_KEY', 'from-process')
    const env = { ACME_API_KEY: FAKE_KEY, ACME_BASE_URL: 'http://127.0.0.1:7/acme' }
    const config = resolveClientConfig(testVendor, { env })
    expect(config.headers().get('x-api-key')).toBe(FAKE_KEY)
    expect(config.baseUrl).toBe('http://127.0.0.1:7/acme')
    const error = configError(() => resolveClientConfig(testVendor, { env: { ACME_API_KEY: 'two words' } }))
    expect(error.message).toBe(
      'Acme API key from ACME_API_KEY contains white space: expected visible ASCII characters only.',
    )
  })

  it('names the option and the env var when the key is missing', () => {
    vi.stubEnv('ACME_API_KEY', '')
    const error = configError(() => resolveClientConfig(testVendor))
    expect(error.option).toBe('apiKey')
    expect(error.message).toContain('`apiKey`')
    expect(error.message).toContain('ACME_API_KEY')
    expect(error.message).toContain('createAcmeClient')
  })

  it.each([
    ['empty', '', 'empty'],
    ['white space only', '   ', 'empty'],
    ['a CR/LF', `${FAKE_KEY}\r\nX-Injected: 1`, 'line break'],
    ['a space inside', 'sk one', 'white space'],
    ['a control character', `${FAKE_KEY}\u0007`, 'non-printable'],
    ['non-ASCII', `${FAKE_KEY}é`, 'non-printable'],
  ])('refuses a key with %s, without echoing it', (_, apiKey, expected) => {
    const error = configError(() => resolveClientConfig(testVendor, { apiKey }))
    expect(error.message).toContain(expected)
    if (apiKey.trim()) {
      for (const text of [error.message, error.stack ?? '', JSON.stringify(error), inspect(error)]) {
        expect(text).not.toContain(apiKey.trim().slice(0, 12))
      }
    }
  })

  it.each([
    ['http:// on a public host', 'http://api.acme.test', 'http://'],
    ['credentials in the URL', 'https://user:pass@api.acme.test', 'credentials'],
    ['not a URL', 'api.acme.test', 'not a valid URL'],
    ['a query string', 'https://api.acme.test/?x=1', 'query'],
    ['another protocol', 'ftp://api.acme.test', 'protocol'],
  ])('refuses a base URL with %s', (_, baseUrl, expected) => {
    const error = configError(() => resolveClientConfig(testVendor, { apiKey: FAKE_KEY, baseUrl }))
    expect(error.option).toBe('baseUrl')
    expect(error.message).toContain(expected)
  })

  it('allows http:// on loopback, and elsewhere only when asked to', () => {
    for (const baseUrl of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(resolveClientConfig(testVendor, { apiKey: FAKE_KEY, baseUrl }).baseUrl).toBe(baseUrl)
    }
    const insecure = { apiKey: FAKE_KEY, baseUrl: 'http://acme.internal', allowInsecureHttp: true }
    expect(resolveClientConfig(testVendor, insecure).baseUrl).toBe('http://acme.internal')
  })

  it('says which option would allow http:// elsewhere, as a field a caller can word its own way', () => {
    const error = configError(() =>
      resolveClientConfig(testVendor, { apiKey: FAKE_KEY, baseUrl: 'http://acme.internal' }),
    )
    expect(error).toMatchObject({ option: 'baseUrl', allowedBy: 'allowInsecureHttp' })
    expect(error.message).toBe(`${error.problem}, or set \`allowInsecureHttp: true\`.`)
    expect(error.problem).toMatch(/uses http:\/\/ on a non-loopback host \(acme\.internal\).*Use https:\/\/$/)
  })

  it.each([
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ retry: { maxRetries: -1 } }, 'retry.maxRetries'],
    [{ retry: { maxRetries: 1.5 } }, 'retry.maxRetries'],
    [{ retry: { tries: 3 } }, 'retry.tries'],
    [{ headers: { 'X-Team': 'a\r\nb' } }, 'headers.X-Team'],
  ])('refuses %j', (options, option) => {
    const error = configError(() =>
      resolveClientConfig(testVendor, { apiKey: FAKE_KEY, ...(options as object) }),
    )
    expect(error.option).toBe(option)
  })

  it('keeps the key out of inspect and JSON of the resolved config', () => {
    const config = resolveClientConfig(testVendor, { apiKey: FAKE_KEY })
    expect(inspect(config, { depth: 10, showHidden: true })).not.toContain(FAKE_KEY)
    expect(JSON.stringify(config)).not.toContain(FAKE_KEY)
  })
})
