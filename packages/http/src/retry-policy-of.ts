import { DEFAULT_RETRY } from './config.js'
import type { RetryOptions } from './retry-policy.js'

/** Where a client made by `createVendorClient` keeps its retry policy, for the callers that re-read on its terms. */
export const RETRY_POLICY = Symbol.for('evalrun.retry-policy')

/**
 * The retry policy of a client made by `createVendorClient` (false: retries off). A page that came back whole but
 * malformed is read again on these terms, as a cut-off body is. Any other client: the defaults.
 */
export function retryPolicyOf(client: object): Required<RetryOptions> | false {
  const policy = (client as { [RETRY_POLICY]?: Required<RetryOptions> | false })[RETRY_POLICY]
  return policy === undefined ? DEFAULT_RETRY : policy
}
