import { type Env, readEnv } from './env.js'
import { invalidConfig } from './errors.js'
import type { VendorDefinition } from './vendor.js'

/** The credential option of vendors whose scheme is `api-key-header` or `bearer`. */
export interface ApiKeyOptions {
  /** The vendor API key. Defaults to the vendor's env var (e.g. `DATALAB_API_KEY`). */
  apiKey?: string
}

/** The credential options of vendors whose scheme is `basic` (e.g. Langfuse). */
export interface BasicAuthOptions {
  /** The public key, sent as the basic-auth user. Defaults to the vendor's env var (e.g. `LANGFUSE_PUBLIC_KEY`). */
  publicKey?: string
  /** The secret key, sent as the basic-auth password. Defaults to the vendor's env var (e.g. `LANGFUSE_SECRET_KEY`). */
  secretKey?: string
}

/** The credential option of vendors whose scheme is `bearer-provider`. */
export interface TokenProviderOptions {
  /**
   * Called before every attempt (retries included); its token is sent as `Authorization: Bearer <token>` and
   * redacted from errors. Its own errors are thrown as they are.
   */
  tokenProvider?: () => string | Promise<string>
}

export type CredentialOptions = ApiKeyOptions & BasicAuthOptions & TokenProviderOptions
type CredentialName = Exclude<keyof CredentialOptions, 'tokenProvider'>

export interface ResolvedAuth {
  /** The header that carries the credentials (dropped when a redirect leaves the vendor's origin). */
  readonly header: string
  /**
   * Its value, behind a function so that `inspect` and `JSON.stringify` of a holder never show it; null when it
   * comes from a token provider, per attempt (`perAttempt`), or when an optional key was not given (none is sent).
   */
  readonly value: (() => string) | null
  /** The header's value for one attempt, from a token provider (scheme `bearer-provider`); null otherwise. */
  readonly perAttempt: (() => Promise<string>) | null
  /** `text` with every form of the credentials replaced by `REDACTED`. */
  readonly redact: (text: string) => string
}

const LABELS: Record<CredentialName, string> = {
  apiKey: 'API key',
  publicKey: 'public key',
  secretKey: 'secret key',
}
export const VISIBLE_ASCII = /^[\x21-\x7e]+$/
/** Shorter strings are not searched for in texts: a short test key would blank out ordinary words. */
const MIN_REDACTED_LENGTH = 8

export function resolveAuth(vendor: VendorDefinition, options: CredentialOptions, env?: Env): ResolvedAuth {
  const auth = vendor.auth
  if (auth.scheme === 'bearer-provider') {
    if (vendor.tokenProviders === undefined) {
      throw invalidConfig(
        'tokenProvider',
        `${vendor.factoryName}: this client does not take a token provider.`,
      )
    }
    return vendor.tokenProviders.resolve(vendor, options.tokenProvider)
  }
  const read = (name: CredentialName, envVar: string) => credential(vendor, name, envVar, options[name], env)
  if (auth.scheme === 'basic') {
    if (options.publicKey === undefined && options.secretKey === undefined) {
      const set = [auth.publicKeyEnv, auth.secretKeyEnv].filter((name) => readEnv(name, env) === undefined)
      if (set.length === 2) {
        throw invalidConfig(
          'publicKey',
          `${vendor.displayName} credentials missing: pass \`publicKey\` and \`secretKey\` to ${vendor.factoryName}() or set ${set.join(' and ')}.`,
        )
      }
    }
    const user = read('publicKey', auth.publicKeyEnv)
    const password = read('secretKey', auth.secretKeyEnv)
    if (user.includes(':')) {
      throw invalidConfig(
        'publicKey',
        `${vendor.displayName} public key contains ":": basic auth cannot carry it.`,
      )
    }
    const token = btoa(`${user}:${password}`)
    return authHeader('Authorization', `Basic ${token}`, [user, password, `${user}:${password}`, token])
  }
  if (
    auth.scheme === 'bearer' &&
    auth.optional === true &&
    options.apiKey === undefined &&
    readEnv(auth.apiKeyEnv, env) === undefined
  ) {
    return { header: 'Authorization', value: null, perAttempt: null, redact: (text) => text }
  }
  const key = read('apiKey', auth.apiKeyEnv)
  return auth.scheme === 'bearer'
    ? authHeader('Authorization', `Bearer ${key}`, [key])
    : authHeader(auth.header, key, [key])
}

function authHeader(header: string, value: string, secrets: string[]): ResolvedAuth {
  return { header, value: () => value, perAttempt: null, redact: redactor(secrets) }
}

/** Each secret as it may be echoed back: as is, URL-encoded, JSON-escaped. */
export function redactor(secrets: string[]): (text: string) => string {
  const forms = new Set<string>()
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (form.length >= MIN_REDACTED_LENGTH) forms.add(form)
    }
  }
  // Longest first, so that `user:password` goes whole before its parts.
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  return (text) => ordered.reduce((result, form) => result.split(form).join('REDACTED'), text)
}

function credential(
  vendor: VendorDefinition,
  name: CredentialName,
  envVar: string,
  fromOption: string | undefined,
  env: Env | undefined,
): string {
  const label = `${vendor.displayName} ${LABELS[name]}`
  const source = fromOption !== undefined ? `\`${name}\`` : envVar
  const value = fromOption ?? readEnv(envVar, env)
  if (value === undefined) {
    throw invalidConfig(
      name,
      `${label} missing: pass \`${name}\` to ${vendor.factoryName}() or set ${envVar}.`,
    )
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidConfig(name, `${label} from ${source} is empty: expected a non-empty key string.`)
  }
  if (!VISIBLE_ASCII.test(value)) {
    // Never echo the credential: say only what kind of character is wrong.
    const what = /[\r\n]/.test(value)
      ? 'a line break'
      : /\s/.test(value)
        ? 'white space'
        : 'a non-printable character'
    throw invalidConfig(
      name,
      `${label} from ${source} contains ${what}: expected visible ASCII characters only.`,
    )
  }
  return value
}
