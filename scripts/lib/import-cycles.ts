import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'
import { repoRoot } from './vendors.js'

/** The source folders held free of import circles (every package's): the one list `pnpm check:cycles` and its test read. */
export const CYCLE_CHECKED_FOLDERS: readonly string[] = readdirSync(join(repoRoot, 'packages')).map(
  (name) => `packages/${name}/src`,
)

const SOURCE = /\.(ts|mts|cts|tsx)$/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path)
    return SOURCE.test(entry.name) ? [path] : []
  })
}

/** The repository's own module resolution (tsconfig.json's `paths`), so that `evalrun` leads to its source. */
function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json')
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  return ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, dirname(configPath)).options
}

/**
 * Each file's imports among the given files. Type-only imports and re-exports count: a circle through types
 * still ties the files' meaning together, and it is what `.d.ts` bundles follow.
 */
export function importGraph(files: readonly string[], options: ts.CompilerOptions): Map<string, string[]> {
  const known = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule)
      .map((resolved) => resolved?.resolvedFileName)
      .filter((target): target is string => target !== undefined && known.has(target))
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** One circle per strongly connected group of files (Tarjan), each written as the files in import order. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (file: string): void => {
    index.set(file, index.size)
    low.set(file, index.get(file)!)
    stack.push(file)
    onStack.add(file)
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(file, Math.min(low.get(file)!, low.get(next)!))
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!))
    }
    if (low.get(file) !== index.get(file)) return
    const group: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      group.push(member)
    } while (member !== file)
    const selfImport = graph.get(file)?.includes(file) ?? false
    if (group.length > 1 || selfImport) cycles.push(circleThrough(group, graph))
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file)
  return cycles
}

/** A concrete circle inside a group: from its first file, the shortest way back to it (breadth first). */
function circleThrough(group: string[], graph: Map<string, string[]>): string[] {
  const members = new Set(group)
  const start = [...group].sort()[0]!
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.shift()!
    for (const next of graph.get(file) ?? []) {
      if (!members.has(next)) continue
      if (next === start) {
        const path = [file]
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!)
        return [...path, start]
      }
      if (!previous.has(next)) {
        previous.set(next, file)
        queue.push(next)
      }
    }
  }
  return [start, start]
}

/** The import circles among the source files of `folders`, as paths relative to `root`. */
export function importCycles(
  folders: readonly string[] = CYCLE_CHECKED_FOLDERS,
  root = repoRoot,
): string[][] {
  const files = folders.flatMap((folder) => sourceFiles(join(root, folder)))
  const graph = importGraph(files, compilerOptions(root))
  return findCycles(graph).map((cycle) => cycle.map((file) => relative(root, file)))
}
