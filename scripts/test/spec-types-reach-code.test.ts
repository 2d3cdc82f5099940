import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The specs' types must reach the code that reads and writes vendor JSON: a field renamed in a spec has to break
// the facade's mappers and the sandbox's answers at type-check time, not only their tests. This test renames one
// response field in the generated Datalab types, in memory, and type-checks just the files that matter.

const root = fileURLToPath(new URL('../../', import.meta.url))
const generatedDatalab = join(root, 'packages/datalab/src/generated/openapi.ts')
const facadeDatalab = 'packages/evalrun/src/vendors/datalab/'
const sandboxDatalab = 'packages/sandbox/src/vendors/datalab/'

/** The generated source with one field of one schema renamed, everything else untouched. */
function renameField(source: string, schema: string, field: string, renamed: string): string {
  const start = source.indexOf(`        ${schema}: {`)
  const end = source.indexOf('\n        };', start)
  if (start < 0 || end < 0) throw new Error(`schema ${schema} not found in the generated types`)
  const block = source.slice(start, end)
  const changed = block.replace(`            ${field}:`, `            ${renamed}:`)
  if (changed === block) throw new Error(`field ${schema}.${field} not found in the generated types`)
  return source.slice(0, start) + changed + source.slice(end)
}

function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    },
  })
  if (!parsed) throw new Error('tsconfig.json could not be read')
  return { ...parsed.options, noEmit: true }
}

const sourcesIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(root, dir, name))

// Parsed files (the libs, @types/node, the packages' sources) are shared by the two programs: only the
// type-checking is done twice.
const parsedFiles = new Map<string, ts.SourceFile | undefined>()

/** Type errors, as `path(line): message` relative to the repository, of a program over the two vendor folders. */
function typeErrors(replaceGenerated?: (source: string) => string): string[] {
  const options = compilerOptions()
  const host = ts.createCompilerHost(options, true)
  const readSource = host.getSourceFile.bind(host)
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (replaceGenerated && fileName === generatedDatalab) {
      return ts.createSourceFile(
        fileName,
        replaceGenerated(readFileSync(fileName, 'utf8')),
        languageVersion,
        true,
      )
    }
    if (!parsedFiles.has(fileName)) {
      parsedFiles.set(fileName, readSource(fileName, languageVersion, onError, shouldCreate))
    }
    return parsedFiles.get(fileName)
  }
  const program = ts.createProgram([...sourcesIn(facadeDatalab), ...sourcesIn(sandboxDatalab)], options, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
    if (!diagnostic.file || diagnostic.start === undefined) return message
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return `${relative(root, diagnostic.file.fileName)}(${line + 1}): ${message}`
  })
}

describe('spec types reach the code that reads and writes vendor JSON', () => {
  it('type-checks cleanly as generated, so the errors below come from the rename', () => {
    expect(typeErrors()).toEqual([])
  }, 60_000)

  it('renaming EvalBatchRunResponse.avg_score breaks the facade mapper and the sandbox answer', () => {
    const errors = typeErrors((source) =>
      renameField(source, 'EvalBatchRunResponse', 'avg_score', 'average_score'),
    )
    const inFacade = errors.filter((error) => error.startsWith(facadeDatalab))
    const inSandbox = errors.filter((error) => error.startsWith(sandboxDatalab))
    expect(inFacade.join('\n')).toMatch(/avg_score/)
    expect(inSandbox.join('\n')).toMatch(/avg_score/)
  }, 60_000)
})

describe('every read of vendor JSON in the facade names the schema it reads', () => {
  const vendorsDir = 'packages/evalrun/src/vendors'
  const files = readdirSync(join(root, vendorsDir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(vendorsDir, name))

  it('no reader call without a schema type argument', () => {
    const untyped = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /\bread(?:Field|String|Number|Count|Array|Id)\(/.test(line)
            ? [`${file}:${index + 1}: ${line.trim()}`]
            : [],
        ),
    )
    expect(untyped).toEqual([])
  })
})
