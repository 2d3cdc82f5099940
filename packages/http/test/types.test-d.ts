import { describe, expectTypeOf, it } from 'vitest'
import {
  type Client,
  createVendorClient,
  EvalrunApiError,
  EvalrunConfigError,
  type EvalrunError,
  EvalrunNetworkError,
  type EvalrunOutcomeUnknownError,
  EvalrunTimeoutError,
  type HttpClientOptions,
  type RetryOptions,
  unwrap,
} from '../src/index.js'
import { type TestPaths, type Thing, testVendor } from './helpers.js'

describe('@evalrun/http types', () => {
  it('createVendorClient returns the openapi-fetch client of the given paths', () => {
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: 'k' })
    expectTypeOf(client).toEqualTypeOf<Client<TestPaths>>()
  })

  it('unwrap gives the success data, without undefined', async () => {
    const client = createVendorClient<TestPaths>(testVendor, { apiKey: 'k' })
    const thing = unwrap(await client.GET('/things/{id}', { params: { path: { id: '1' } } }))
    expectTypeOf(thing).toEqualTypeOf<Thing>()
  })

  it('isInstance narrows each error class to its fields', () => {
    const error: unknown = null
    if (EvalrunApiError.isInstance(error)) {
      expectTypeOf(error.status).toEqualTypeOf<number>()
      expectTypeOf(error.requestId).toEqualTypeOf<string | null>()
      expectTypeOf(error.isRetryable).toEqualTypeOf<boolean>()
    }
    if (EvalrunTimeoutError.isInstance(error)) expectTypeOf(error.timeoutMs).toEqualTypeOf<number>()
    if (EvalrunNetworkError.isInstance(error)) expectTypeOf(error.attempts).toEqualTypeOf<number>()
    if (EvalrunConfigError.isInstance(error)) expectTypeOf(error.option).toEqualTypeOf<string>()
    expectTypeOf<EvalrunOutcomeUnknownError>().toExtend<EvalrunNetworkError>()
    expectTypeOf<EvalrunTimeoutError>().toExtend<EvalrunNetworkError>()
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
