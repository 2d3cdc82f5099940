import { describe, expectTypeOf, it } from 'vitest'
import type { AzureOpenAIOptions, OpenAIClientOptions } from '../src/index.js'

describe('Azure options', () => {
  it('takes an Azure key or an Entra ID token provider (sync or async) beside the OpenAI options', () => {
    expectTypeOf<OpenAIClientOptions>().toExtend<AzureOpenAIOptions>()
    expectTypeOf<AzureOpenAIOptions['azureApiKey']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<{ azureAdTokenProvider: () => Promise<string> }>().toExtend<OpenAIClientOptions>()
    expectTypeOf<{ azureAdTokenProvider: () => string }>().toExtend<OpenAIClientOptions>()
    expectTypeOf<{ azureAdTokenProvider: () => Promise<number> }>().not.toExtend<OpenAIClientOptions>()
  })
})
