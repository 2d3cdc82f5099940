/** What evalrun's own packages share and users need not see: no semver promise is made for these. */
export { readEnv } from './env.js'
export { describeErrorBody } from './error-body.js'
export { backoffDelay } from './retry-policy.js'
export { retryPolicyOf } from './retry-policy-of.js'
export { sleep } from './signals.js'
