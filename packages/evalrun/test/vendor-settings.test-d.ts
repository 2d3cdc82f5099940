import { describe, expectTypeOf, it } from 'vitest'
import type { CredentialAlternative, VendorSetting } from '../src/core.js'
import { openai, type VendorCredential } from '../src/index.js'

describe('credential alternatives and the settings they need', () => {
  it('an alternative names its option, maybe an env var, and the settings it needs', () => {
    expectTypeOf<CredentialAlternative>().toEqualTypeOf<{
      option: string
      envVar?: string
      needs?: readonly VendorSetting[]
    }>()
    expectTypeOf<VendorSetting>().toEqualTypeOf<{ name: string; envVar: string; description: string }>()
    expectTypeOf<VendorCredential['alternatives']>().toEqualTypeOf<
      readonly CredentialAlternative[] | undefined
    >()
    expectTypeOf(openai.credentials).toEqualTypeOf<readonly VendorCredential[]>()
  })
})
