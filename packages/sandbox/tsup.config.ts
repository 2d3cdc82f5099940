import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

// The sandbox is a Node server (node:http, node:fs), so it builds for Node. Its command line is `evalrun sandbox`.
export default defineConfig(
  packageBuild({
    entry: ['src/index.ts'],
    platform: 'node',
    target: 'node20',
    shims: true,
  }),
)
