import { type ResolvedAuth, redactor, type TokenProviderOptions, VISIBLE_ASCII } from './credentials.js'
import { invalidConfig } from './errors.js'
import type { TokenProviderSupport, VendorDefinition } from './vendor.js'

/**
 * What a vendor whose auth scheme is `bearer-provider` declares as its `tokenProviders` (Azure's Entra ID, for
 * OpenAI on Azure). It lives apart so that the clients of vendors that take only keys leave it out of their bundles.
 */
export const tokenProviders: TokenProviderSupport = { resolve: providerAuth }

/** How many of a provider's latest tokens are redacted (an error may name a request sent with an older one). */
const REMEMBERED_TOKENS = 4

function providerAuth(
  vendor: VendorDefinition,
  provider: TokenProviderOptions['tokenProvider'],
): ResolvedAuth & { value: null; perAttempt: () => Promise<string> } {
  if (typeof provider !== 'function') {
    throw invalidConfig(
      'tokenProvider',
      `${vendor.displayName} token provider missing: pass a function returning a token to ${vendor.factoryName}().`,
    )
  }
  let recent: string[] = []
  let redact = redactor(recent)
  return {
    header: 'Authorization',
    value: null,
    perAttempt: async () => {
      const token = checkToken(vendor, await provider())
      if (!recent.includes(token)) {
        recent = [token, ...recent].slice(0, REMEMBERED_TOKENS)
        redact = redactor(recent)
      }
      return `Bearer ${token}`
    },
    redact: (text) => redact(text),
  }
}

function checkToken(vendor: VendorDefinition, token: unknown): string {
  // Never echo the token: say only that it is not one.
  if (typeof token !== 'string' || !VISIBLE_ASCII.test(token)) {
    throw invalidConfig(
      'tokenProvider',
      `${vendor.displayName} token provider returned no token of visible ASCII characters.`,
    )
  }
  return token
}
