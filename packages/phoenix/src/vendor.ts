import type { VendorDefinition } from '@evalrun/http'
import { VERSION } from './version.js'

export const phoenixVendor: VendorDefinition = {
  id: 'phoenix',
  displayName: 'Phoenix',
  packageName: '@evalrun/phoenix',
  packageVersion: VERSION,
  factoryName: 'createPhoenixClient',
  // Phoenix is self-hosted first: its own clients default to a local server on its default port.
  defaultBaseUrl: 'http://localhost:6006',
  // The names Phoenix's own clients read (@arizeai/phoenix-client, @arizeai/phoenix-config).
  baseUrlEnv: 'PHOENIX_HOST',
  // Optional: a server started without auth takes no key, and Phoenix's client then sends none.
  auth: { scheme: 'bearer', apiKeyEnv: 'PHOENIX_API_KEY', optional: true },
}
