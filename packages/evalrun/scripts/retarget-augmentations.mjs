// Each vendor registers its types with the core by augmenting `core/vendor-types.ts` (see src/vendors/*/index.ts).
// The .d.ts bundler copies the augmentation's module name as written, which names no file of dist/. This points it
// at the core's typings (dist/core.d.ts, or .d.cts), which export the same interfaces, and imports them there:
// TypeScript loads no file for an augmentation's name alone, and `evalrun` alone does not load the core's entry.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dist = new URL('../dist/', import.meta.url).pathname
const written = "declare module '../../core/vendor-types.js'"
let retargeted = 0
for (const file of readdirSync(dist).filter((name) => /\.d\.c?ts$/.test(name))) {
  const text = readFileSync(join(dist, file), 'utf8')
  if (!text.includes(written)) continue
  // TypeScript finds core.d.ts as `./core.js`, core.d.cts as `./core.cjs`.
  const core = file.endsWith('.d.cts') ? './core.cjs' : './core.js'
  writeFileSync(
    join(dist, file),
    `import '${core}';\n${text.replaceAll(written, `declare module '${core}'`)}`,
  )
  retargeted++
}
if (retargeted === 0)
  throw new Error(`dist/: no ${written}; do the vendors register their types elsewhere now?`)
