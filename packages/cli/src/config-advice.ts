import {
  BUILT_IN_VENDORS,
  type EvalrunInvalidConfigError,
  type EvalrunNotConfiguredError,
  type EvalrunVendor,
  type VendorCredential,
} from 'evalrun'
import { credentialFlags, settingFlags } from './vendor-flags.js'

/**
 * The flag that sets a `createEvalrun()` option, by the option's name in the library's errors: the library's
 * advice names its options, a CLI user has flags (and env vars).
 */
const OPTION_FLAGS: ReadonlyMap<string, string> = new Map([
  ['allowInsecureHttp', '--allow-insecure-http'],
  ...BUILT_IN_VENDORS.flatMap((vendor) =>
    credentialFlags(vendor).map(({ option, flag }) => [`${vendor.id}.${option}`, flag] as const),
  ),
])

/**
 * A vendor without credentials: the env vars and flags that would configure it, from the error's fields. Null
 * when it lacks something else (Humanloop's file ids, a vendor turned off): the library's message then stands.
 */
export function notConfiguredAdvice(error: EvalrunNotConfiguredError): string | null {
  const vendor = BUILT_IN_VENDORS.find((candidate) => candidate.id === error.vendor)
  const missing = (vendor?.credentials ?? []).filter(({ envVar }) => error.envVars.includes(envVar))
  const flags = missing.flatMap(({ option }) => OPTION_FLAGS.get(`${error.vendor}.${option}`) ?? [])
  if (missing.length === 0 || missing.length !== error.envVars.length || flags.length !== missing.length) {
    return null
  }
  const others = vendor === undefined ? [] : alternativeAdvice(vendor, missing)
  const instead = others.length === 0 ? '' : `; or instead ${others.join('; or ')}`
  return `${error.vendor} is not configured: set ${error.envVars.join(' and ')} or pass ${flags.join(' and ')}${instead}.`
}

/**
 * The other ways to give the missing credentials that a command line can take (an env var and its flag, with the
 * settings each needs): OpenAI's Azure key with the Azure endpoint. A callback-only way (a token provider) has none.
 */
function alternativeAdvice(vendor: EvalrunVendor, missing: readonly VendorCredential[]): string[] {
  const settings = settingFlags(vendor)
  return missing.flatMap((credential) =>
    (credential.alternatives ?? []).flatMap((alternative) => {
      const flag = OPTION_FLAGS.get(`${vendor.id}.${alternative.option}`)
      if (alternative.envVar === undefined || flag === undefined) return []
      const needs = (alternative.needs ?? []).map(
        (need) => settings.find((setting) => setting.name === need.name) ?? { ...need, flag: need.envVar },
      )
      const envVars = [alternative.envVar, ...needs.map((need) => need.envVar)]
      const flags = [flag, ...needs.map((need) => need.flag)]
      return [`set ${envVars.join(' and ')} (or pass ${flags.join(' and ')})`]
    }),
  )
}

/** A configuration the library refused, with the flag to use where another option would have allowed it. */
export function invalidConfigAdvice(error: EvalrunInvalidConfigError): string {
  const flag = error.allowedBy === null ? undefined : OPTION_FLAGS.get(error.allowedBy)
  if (flag !== undefined) return `${error.problem}, or pass ${flag}.`
  // A message naming a setting's env var (Azure's endpoint missing) also names the flag that stands for it.
  const named = SETTING_FLAGS.filter(({ envVar }) => new RegExp(`\\b${envVar}\\b`).test(error.message))
  if (named.length === 0) return error.message
  return `${error.message.replace(/\.$/, '')} (or pass ${named.map(({ flag }) => flag).join(' or ')}).`
}

const SETTING_FLAGS = BUILT_IN_VENDORS.flatMap((vendor) => settingFlags(vendor))
