import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

// What a program that imports `evalrun/core` and one vendor compiles: the type-checker's own view, from the
// sources (the packed extension test checks the same of the built .d.ts).
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const src = join(repoRoot, 'packages', 'evalrun', 'src')
const vendorIds = ['braintrust', 'datalab', 'humanloop', 'langfuse', 'openai', 'phoenix', 'promptlayer']

function compile(probe: string) {
  const config = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot)
  const file = join(probeDir, 'probe.ts')
  writeFileSync(file, probe)
  const program = ts.createProgram([file], { ...options, noEmit: true, types: [] })
  const files = program.getSourceFiles().map((source) => source.fileName)
  const problems = ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  return { files, problems }
}

const vendorsIn = (files: string[]) =>
  vendorIds.filter((id) =>
    files.some((f) => f.includes(`/evalrun/src/vendors/${id}/`) || f.includes(`/packages/${id}/`)),
  )

const probeDir = mkdtempSync(join(tmpdir(), 'evalrun-core-probe-'))
afterAll(() => rmSync(probeDir, { recursive: true, force: true }))

describe('evalrun/core names no vendor, in types too', () => {
  it('alone, it compiles no vendor folder and no vendor client, and takes any vendor name', () => {
    const { files, problems } = compile(`
import type { EvalRun, Vendor } from '${src}/core.js'
export const anyName: Vendor = 'acme'
export const raw = (run: EvalRun): unknown => run.raw
`)
    expect(problems).toEqual([])
    expect(vendorsIn(files)).toEqual([])
  })

  it('with Datalab imported, it knows Datalab only, and narrows run.raw to its payload', () => {
    const { files, problems } = compile(`
import type { EvalRun, Vendor } from '${src}/core.js'
import { datalab } from '${src}/vendors/datalab/index.js'
export const vendors = [datalab]
export const only: Vendor = 'datalab'
// @ts-expect-error Braintrust is not imported, so not a vendor of this program
export const other: Vendor = 'braintrust'
export const id = (run: EvalRun): number => run.raw.id
`)
    expect(problems).toEqual([])
    expect(vendorsIn(files)).toEqual(['datalab'])
  })
})
