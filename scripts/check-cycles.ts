/**
 * `pnpm check:cycles`: fails when the source files of the checked folders (scripts/lib/import-cycles.ts) import
 * one another in a circle, type-only imports included, and prints one circle per group of files caught in one.
 */
import { CYCLE_CHECKED_FOLDERS, importCycles } from './lib/import-cycles.js'

const cycles = importCycles()
for (const cycle of cycles) console.error(`import circle: ${cycle.join(' → ')}`)
if (cycles.length > 0) {
  console.error(`${cycles.length} import circle(s) in ${CYCLE_CHECKED_FOLDERS.join(', ')}`)
  process.exit(1)
}
console.log(`no import circle in ${CYCLE_CHECKED_FOLDERS.join(', ')}`)
