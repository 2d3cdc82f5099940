import { readdirSync } from 'node:fs'
import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

// One entry for everything, one for the core, one for the reports, and one per vendor folder (`evalrun/datalab`,
// …), so that a bundle carries only the vendors it imports, and no report code unless it writes reports.
const vendorEntries = Object.fromEntries(
  readdirSync('src/vendors', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => [entry.name, `src/vendors/${entry.name}/index.ts`]),
)

export default defineConfig(
  packageBuild({
    entry: {
      index: 'src/index.ts',
      core: 'src/core.ts',
      reports: 'src/reports.ts',
      stats: 'src/stats.ts',
      gate: 'src/gate.ts',
      ...vendorEntries,
    },
  }),
)
