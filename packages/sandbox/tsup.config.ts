import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

// The sandbox is a Node server (node:http, node:fs), so it builds for Node, with the CLI as a second entry.
export default defineConfig(
  packageBuild({
    entry: ['src/index.ts', 'src/cli.ts'],
    platform: 'node',
    target: 'node20',
    shims: true,
  }),
)
