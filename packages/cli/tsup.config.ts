import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

// A Node program: ESM only, with the bin as a second entry.
export default defineConfig(
  packageBuild({ entry: ['src/index.ts', 'src/bin.ts'], format: ['esm'], platform: 'node' }),
)
