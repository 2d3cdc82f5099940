import type { VendorDefinition } from '@evalrun/http'
import { VERSION } from './version.js'

export const openaiVendor: VendorDefinition = {
  id: 'openai',
  displayName: 'OpenAI',
  packageName: '@evalrun/openai',
  packageVersion: VERSION,
  factoryName: 'createOpenAIClient',
  defaultBaseUrl: 'https://api.openai.com/v1',
  baseUrlEnv: 'OPENAI_BASE_URL',
  auth: { scheme: 'bearer', apiKeyEnv: 'OPENAI_API_KEY' },
}
