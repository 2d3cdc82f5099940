import type { VendorDefinition } from '@evalrun/http'
import { VERSION } from './version.js'

export const promptlayerVendor: VendorDefinition = {
  id: 'promptlayer',
  displayName: 'PromptLayer',
  packageName: '@evalrun/promptlayer',
  packageVersion: VERSION,
  factoryName: 'createPromptLayerClient',
  defaultBaseUrl: 'https://api.promptlayer.com',
  baseUrlEnv: 'PROMPTLAYER_BASE_URL',
  auth: { scheme: 'api-key-header', header: 'X-API-KEY', apiKeyEnv: 'PROMPTLAYER_API_KEY' },
}
