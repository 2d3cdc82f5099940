export type { components, operations, paths } from './generated/openapi.js'
export type * from './types.js'
export { VERSION } from './version.js'
