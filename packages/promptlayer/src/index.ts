export {
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  type RetryOptions,
  request,
} from '@evalrun/http'
export {
  createPromptLayerClient,
  type PromptLayerClient,
  type PromptLayerClientOptions,
  type PromptLayerPaths,
} from './client.js'
/** The legacy evaluation endpoints' spec types (`specs/promptlayer`). */
export type { components, operations, paths } from './generated/openapi.js'
/** The Tables API's schemas as published (`specs/promptlayer-tables`). */
export type { components as TablesComponents } from './generated/tables.js'
export type { TablesOperations, TablesPaths } from './tables-paths.js'
export type * from './tables-types.js'
export type * from './types.js'
export { promptlayerVendor } from './vendor.js'
export { VERSION } from './version.js'
