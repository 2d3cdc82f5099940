import type { EvalrunVendor } from 'evalrun'

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())

/**
 * A vendor's credential flags: `apiKey` of `datalab` → `--datalab-api-key`, read back as `datalabApiKey`; and one
 * for each alternative that has an env var (`azureApiKey` of `openai` → `--openai-azure-api-key`). An alternative
 * without one (a callback) has no flag.
 */
export function credentialFlags(vendor: EvalrunVendor) {
  const ways = vendor.credentials.flatMap((credential) => [
    { option: credential.option, envVar: credential.envVar },
    ...(credential.alternatives ?? []).flatMap(({ option, envVar }) =>
      envVar === undefined ? [] : [{ option, envVar }],
    ),
  ])
  return ways.map((way) => {
    const flag = `--${vendor.id}-${kebab(way.option)}`
    return { ...way, flag, attribute: camel(flag.slice(2)) }
  })
}

/** The commander attribute a start flag is read back as: `--no-orchestrated` → `orchestrated`. */
export function flagAttribute(flag: string): string {
  const name = (flag.split(' ')[0] ?? '').replace(/^--(no-)?/, '')
  return camel(name)
}

/**
 * A vendor's setting flags, one per setting its credential alternatives need (`azureEndpoint` of `openai` →
 * `--openai-azure-endpoint`, read back as `openaiAzureEndpoint`); the value stands for the setting's env var.
 */
export function settingFlags(vendor: EvalrunVendor) {
  const settings = vendor.credentials.flatMap((credential) =>
    (credential.alternatives ?? []).flatMap((alternative) => alternative.needs ?? []),
  )
  const unique = [...new Map(settings.map((setting) => [setting.name, setting])).values()]
  return unique.map((setting) => {
    const flag = `--${vendor.id}-${kebab(setting.name)}`
    return { ...setting, flag, attribute: camel(flag.slice(2)) }
  })
}
