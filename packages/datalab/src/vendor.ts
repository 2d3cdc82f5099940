import type { VendorDefinition } from '@evalrun/http'
import { VERSION } from './version.js'

export const datalabVendor: VendorDefinition = {
  id: 'datalab',
  displayName: 'Datalab',
  packageName: '@evalrun/datalab',
  packageVersion: VERSION,
  factoryName: 'createDatalabClient',
  defaultBaseUrl: 'https://www.datalab.to',
  baseUrlEnv: 'DATALAB_BASE_URL',
  auth: { scheme: 'api-key-header', header: 'X-API-Key', apiKeyEnv: 'DATALAB_API_KEY' },
}
