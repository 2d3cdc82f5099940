export { startSandbox } from './sandbox.js'
export type {
  FaultKind,
  FaultOptions,
  Sandbox,
  SandboxAzureOptions,
  SandboxCatalog,
  SandboxClientOptions,
  SandboxClock,
  SandboxOptions,
  SandboxStats,
  SandboxVendor,
} from './types.js'
export { VERSION } from './version.js'
