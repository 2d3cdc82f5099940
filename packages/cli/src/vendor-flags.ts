import type { EvalrunVendor } from 'evalrun'

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())

/** A vendor's credential flags: `apiKey` of `datalab` → `--datalab-api-key`, read back as `datalabApiKey`. */
export function credentialFlags(vendor: EvalrunVendor) {
  return vendor.credentials.map((credential) => {
    const flag = `--${vendor.id}-${kebab(credential.option)}`
    return { ...credential, flag, attribute: camel(flag.slice(2)) }
  })
}

/** The commander attribute a start flag is read back as: `--no-orchestrated` → `orchestrated`. */
export function flagAttribute(flag: string): string {
  const name = (flag.split(' ')[0] ?? '').replace(/^--(no-)?/, '')
  return camel(name)
}
