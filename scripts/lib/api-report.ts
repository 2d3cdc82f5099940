import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { repoRoot } from './vendors.js'

const facadeDir = join(repoRoot, 'packages', 'evalrun')

/** One entry point of `evalrun` (`evalrun`, `evalrun/core`, …) and the source file it is built from. */
export interface FacadeEntry {
  name: string
  source: string
}

/** The entries in package.json's `exports`, each with its source: `src/<name>.ts`, else a vendor folder. */
export function facadeEntries(): FacadeEntry[] {
  const manifest = JSON.parse(readFileSync(join(facadeDir, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>
  }
  return Object.keys(manifest.exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => {
      const short = subpath === '.' ? 'index' : subpath.slice(2)
      const own = join(facadeDir, 'src', `${short}.ts`)
      const source = existsSync(own) ? own : join(facadeDir, 'src', 'vendors', short, 'index.ts')
      return { name: subpath === '.' ? 'evalrun' : `evalrun/${short}`, source }
    })
}

export type ExportKind = 'function' | 'class' | 'constant' | 'type'

export interface EntryExports {
  entry: string
  exports: { name: string; kind: ExportKind }[]
}

function kindOf(symbol: ts.Symbol, checker: ts.TypeChecker): ExportKind {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
  if (target.flags & ts.SymbolFlags.Class) return 'class'
  if (target.flags & ts.SymbolFlags.Function) return 'function'
  if (target.flags & ts.SymbolFlags.Variable) return 'constant'
  return 'type'
}

/** What each entry exports, by name and kind, read by the type-checker from the sources. */
export function readEntryExports(entries: readonly FacadeEntry[] = facadeEntries()): EntryExports[] {
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot)
  const program = ts.createProgram(
    entries.map((entry) => entry.source),
    { ...options, noEmit: true },
  )
  const checker = program.getTypeChecker()
  return entries.map((entry) => {
    const file = program.getSourceFile(entry.source)
    const module = file && checker.getSymbolAtLocation(file)
    if (!module) throw new Error(`${entry.source}: not a module`)
    const exports = checker
      .getExportsOfModule(module)
      .map((symbol) => ({ name: symbol.getName(), kind: kindOf(symbol, checker) }))
      .sort((a, b) => a.name.localeCompare(b.name))
    return { entry: entry.name, exports }
  })
}

const KIND_TITLES: Record<ExportKind, string> = {
  function: 'functions',
  class: 'errors (classes)',
  constant: 'values',
  type: 'types',
}

/** The README section: every export of each entry, grouped by kind. */
export function renderApiReport(report: readonly EntryExports[]): string {
  return report
    .map(({ entry, exports }) => {
      const groups = (Object.keys(KIND_TITLES) as ExportKind[])
        .map((kind) => [kind, exports.filter((e) => e.kind === kind).map((e) => `\`${e.name}\``)] as const)
        .filter(([, names]) => names.length > 0)
        .map(([kind, names]) => `- ${KIND_TITLES[kind]}: ${names.join(', ')}`)
      return [`**\`${entry}\`** (${exports.length})`, '', ...groups].join('\n')
    })
    .join('\n\n')
}

export const REPORT_START = '<!-- api-report:start (pnpm api:report) -->'
export const REPORT_END = '<!-- api-report:end -->'

export const readmePath = join(facadeDir, 'README.md')

/** The README with its API section replaced by `section`; throws when the markers are missing. */
export function withApiSection(readme: string, section: string): string {
  const start = readme.indexOf(REPORT_START)
  const end = readme.indexOf(REPORT_END)
  if (start < 0 || end < start) throw new Error(`README.md: no ${REPORT_START} … ${REPORT_END} section`)
  return `${readme.slice(0, start + REPORT_START.length)}\n${section}\n${readme.slice(end)}`
}
