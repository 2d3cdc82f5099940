import type { VendorDefinition } from '@evalrun/http'
import { VERSION } from './version.js'

export const langfuseVendor: VendorDefinition = {
  id: 'langfuse',
  displayName: 'Langfuse',
  packageName: '@evalrun/langfuse',
  packageVersion: VERSION,
  factoryName: 'createLangfuseClient',
  // Langfuse's spec names no server: the EU cloud is what its SDKs default to.
  defaultBaseUrl: 'https://cloud.langfuse.com',
  baseUrlEnv: 'LANGFUSE_BASE_URL',
  // The name older Langfuse SDKs (and many deployments' env files) still use.
  baseUrlEnvAliases: ['LANGFUSE_HOST'],
  auth: { scheme: 'basic', publicKeyEnv: 'LANGFUSE_PUBLIC_KEY', secretKeyEnv: 'LANGFUSE_SECRET_KEY' },
}
