import { eventStreams, type VendorDefinition } from '@evalrun/http'
import { VERSION } from './version.js'

export const braintrustVendor: VendorDefinition = {
  id: 'braintrust',
  displayName: 'Braintrust',
  packageName: '@evalrun/braintrust',
  packageVersion: VERSION,
  factoryName: 'createBraintrustClient',
  defaultBaseUrl: 'https://api.braintrust.dev',
  // The names Braintrust's own SDKs read.
  baseUrlEnv: 'BRAINTRUST_API_URL',
  auth: { scheme: 'bearer', apiKeyEnv: 'BRAINTRUST_API_KEY' },
  // "Equivalent to the GET form of the same path, but with the parameters in the request body": a read.
  readOnlyPosts: ['/v1/experiment/{experiment_id}/fetch'],
  // Its eval launch answers with server-sent events when asked to stream.
  eventStreams,
}
