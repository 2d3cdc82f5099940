/**
 * `pnpm api:report`: writes every export of each `evalrun` entry (name and kind) into packages/evalrun/README.md,
 * between its api-report markers. `--check` fails instead when the README is not what it would write: a change
 * to the public surface is then a visible change to the README.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { readEntryExports, readmePath, renderApiReport, withApiSection } from './lib/api-report.js'

const readme = readFileSync(readmePath, 'utf8')
const updated = withApiSection(readme, renderApiReport(readEntryExports()))
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('packages/evalrun/README.md: the public API section is stale; run `pnpm api:report`.')
    process.exit(1)
  }
  console.log('packages/evalrun/README.md: the public API section is current.')
} else if (updated !== readme) {
  writeFileSync(readmePath, updated)
  console.log('packages/evalrun/README.md: public API section written.')
}
