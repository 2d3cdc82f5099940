import type { VendorDefinition } from '@evalrun/http'
import { VERSION } from './version.js'

export const humanloopVendor: VendorDefinition = {
  id: 'humanloop',
  displayName: 'Humanloop',
  packageName: '@evalrun/humanloop',
  packageVersion: VERSION,
  factoryName: 'createHumanloopClient',
  defaultBaseUrl: 'https://api.humanloop.com/v5',
  baseUrlEnv: 'HUMANLOOP_BASE_URL',
  auth: { scheme: 'api-key-header', header: 'X-API-KEY', apiKeyEnv: 'HUMANLOOP_API_KEY' },
}
