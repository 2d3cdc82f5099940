/**
 * `pnpm vendor-spread`: for each built-in vendor, the source files outside that vendor's own folders whose code
 * (comments aside) names it. Tests, generated code and build output are not counted. Adding a vendor should touch
 * few places; `--max N` fails when any vendor is named in more than N files.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { repoRoot } from './lib/vendors.js'

export interface VendorSpread {
  vendor: string
  files: string[]
}

const SOURCE = /\.(ts|mts|mjs|js)$/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path)
    return SOURCE.test(entry.name) ? [path] : []
  })
}

/** Code only: block and line comments removed (a `//` inside a string such as a URL is kept). */
export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

/** Every package's `src/` and `scripts/`: what ships and what builds it. */
export function measureVendorSpread(vendors: readonly string[], root = repoRoot): VendorSpread[] {
  const packagesDir = join(root, 'packages')
  const files = readdirSync(packagesDir).flatMap((name) =>
    ['src', 'scripts']
      .map((sub) => join(packagesDir, name, sub))
      .flatMap((dir) => {
        try {
          return sourceFiles(dir)
        } catch {
          return []
        }
      }),
  )
  const code = new Map(files.map((file) => [file, stripComments(readFileSync(file, 'utf8')).toLowerCase()]))
  return vendors.map((vendor) => {
    const own = [`packages/${vendor}/`, `/vendors/${vendor}/`]
    const naming = files
      .map((file) => relative(root, file))
      .filter((file) => !own.some((folder) => `/${file}`.includes(`/${folder}`) || file.includes(folder)))
      .filter((file) => code.get(join(root, file))?.includes(vendor))
    return { vendor, files: naming }
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { BUILT_IN_VENDORS } = await import('../packages/evalrun/src/vendors/index.js')
  const maxIndex = process.argv.indexOf('--max')
  const max = maxIndex === -1 ? null : Number(process.argv[maxIndex + 1])
  let over = false
  for (const { vendor, files } of measureVendorSpread(BUILT_IN_VENDORS.map((v) => v.id))) {
    console.log(
      `${vendor}: ${files.length} files outside its own folders name it${files.length ? `: ${files.join(', ')}` : ''}`,
    )
    if (max !== null && files.length > max) over = true
  }
  if (over) process.exit(1)
}
