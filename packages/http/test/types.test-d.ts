import { describe, expectTypeOf, it } from 'vitest'
import {
  type ApiKeyOptions,
  type BasicAuthOptions,
  type Client,
  createVendorClient,
  EvalrunApiError,
  type EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunNetworkError,
  type EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  type HttpClientOptions,
  type RetryOptions,
  request,
} from '../src/index.js'
import { type TestPaths, type Thing, testVendor } from './helpers.js'

describe('@evalrun/http types', () => {
  it('createVendorClient returns the openapi-fetch client of the given paths', () => {
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: 'k' })
    expectTypeOf(client).toEqualTypeOf<Client<TestPaths>>()
  })

  it('request gives the success data, without undefined, and checks path, method and init', async () => {
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: 'k' })
    const thing = await request(client, 'GET', '/things/{id}', { params: { path: { id: '1' } } })
    expectTypeOf(thing).toEqualTypeOf<Thing>()
    const created = await request(client, 'POST', '/things', { body: { name: 'n' } })
    expectTypeOf(created).toEqualTypeOf<Thing>()
    const listed = await request(client, 'GET', '/things')
    expectTypeOf(listed).toEqualTypeOf<{ items: Thing[] }>()
    // @ts-expect-error no such path
    await request(client, 'GET', '/nothing')
    // @ts-expect-error /things/{id} has no POST
    await request(client, 'POST', '/things/{id}', { params: { path: { id: '1' } } })
    // @ts-expect-error the path parameter is required
    await request(client, 'GET', '/things/{id}')
    // @ts-expect-error the body has the wrong shape
    await request(client, 'POST', '/things', { body: { title: 'n' } })
  })

  it('credential options: apiKey for key vendors, publicKey and secretKey for basic auth', () => {
    expectTypeOf<ApiKeyOptions>().toEqualTypeOf<{ apiKey?: string }>()
    expectTypeOf<BasicAuthOptions>().toEqualTypeOf<{ publicKey?: string; secretKey?: string }>()
  })

  it('isInstance narrows each error class to its fields', () => {
    const error: unknown = null
    if (EvalrunApiError.isInstance(error)) {
      expectTypeOf(error.status).toEqualTypeOf<number>()
      expectTypeOf(error.requestId).toEqualTypeOf<string | null>()
      expectTypeOf(error.isRetryable).toEqualTypeOf<boolean>()
    }
    if (EvalrunRequestTimeoutError.isInstance(error)) expectTypeOf(error.timeoutMs).toEqualTypeOf<number>()
    if (EvalrunNetworkError.isInstance(error)) expectTypeOf(error.attempts).toEqualTypeOf<number>()
    if (EvalrunInvalidConfigError.isInstance(error)) expectTypeOf(error.option).toEqualTypeOf<string>()
    expectTypeOf<EvalrunOutcomeUnknownError>().toExtend<EvalrunNetworkError>()
    expectTypeOf<EvalrunRequestTimeoutError>().toExtend<EvalrunNetworkError>()
    expectTypeOf<EvalrunApiError>().toExtend<EvalrunError>()
  })

  it('options: retry is an object or false, env a string map, fetch takes a Request and init', () => {
    expectTypeOf<HttpClientOptions['retry']>().toEqualTypeOf<RetryOptions | false | undefined>()
    expectTypeOf<HttpClientOptions['fetch']>().toEqualTypeOf<
      ((request: Request, init?: RequestInit) => Promise<Response>) | undefined
    >()
    // @ts-expect-error retry counts are numbers
    createVendorClient(testVendor, { apiKey: 'k', retry: { maxRetries: '2' } })
    // @ts-expect-error there is no such option
    createVendorClient(testVendor, { apiKey: 'k', retries: 2 })
  })
})
