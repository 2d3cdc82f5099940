import { describe, expectTypeOf, it } from 'vitest'
import {
  type FaultKind,
  type Sandbox,
  type SandboxAzureOptions,
  type SandboxClientOptions,
  type SandboxOptions,
  type SandboxVendor,
  startSandbox,
} from '../src/index.js'

describe('@evalrun/sandbox types', () => {
  it('startSandbox takes optional options and resolves to a Sandbox', () => {
    expectTypeOf(startSandbox).parameters.toEqualTypeOf<[SandboxOptions?]>()
    expectTypeOf(startSandbox).returns.resolves.toEqualTypeOf<Sandbox>()
  })

  it('gives a base URL, a key and client options per vendor', () => {
    expectTypeOf<Sandbox['urls']>().toEqualTypeOf<Record<SandboxVendor, string>>()
    expectTypeOf<Sandbox['clientOptions']>().toEqualTypeOf<SandboxClientOptions>()
    expectTypeOf<SandboxClientOptions['humanloop']['fileIds']>().toEqualTypeOf<string[]>()
    expectTypeOf<SandboxClientOptions['openai']>().toEqualTypeOf<{ apiKey: string; baseUrl: string }>()
    expectTypeOf<SandboxClientOptions['braintrust']>().toEqualTypeOf<{
      apiKey: string
      baseUrl: string
      quietPeriodMs: number
    }>()
    expectTypeOf<SandboxClientOptions['langfuse']>().toEqualTypeOf<{
      publicKey: string
      secretKey: string
      baseUrl: string
    }>()
    expectTypeOf<SandboxClientOptions['phoenix']['apiKey']>().toEqualTypeOf<string>()
    expectTypeOf<SandboxClientOptions['phoenix']['scoreScales']['correctness']>().toEqualTypeOf<{
      min: number
      max: number
    }>()
  })

  it('names the vendors and fault kinds it knows', () => {
    expectTypeOf<SandboxVendor>().toEqualTypeOf<
      'datalab' | 'promptlayer' | 'humanloop' | 'openai' | 'braintrust' | 'langfuse' | 'phoenix'
    >()
    expectTypeOf<FaultKind>().toEqualTypeOf<'429' | '500' | '502' | '503' | 'reset' | 'truncated' | 'slow'>()
    // @ts-expect-error the clock is 'manual' or a speed
    const options: SandboxOptions = { clock: 'fast' }
    void options
  })

  it('gives options for the Azure-style endpoints, OpenAI only, typed as Azure client options', () => {
    expectTypeOf<Sandbox['azure']>().toEqualTypeOf<SandboxAzureOptions>()
    expectTypeOf<keyof SandboxAzureOptions>().toEqualTypeOf<'openai'>()
    expectTypeOf<SandboxAzureOptions['openai']>().toEqualTypeOf<{ azureApiKey: string; baseUrl: string }>()
  })
})
