import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import Ajv, { type ErrorObject } from 'ajv'
import { LineCounter, parseDocument } from 'yaml'
import schema from '../../schema/evalrun.config.schema.json' with { type: 'json' }
import { CliError, ExitCode } from '../exit-codes.js'
import { positionOf } from './config-position.js'
import type { BaselineChoice, SuiteCheck } from './config-types.js'

/** The files `evalrun check` looks for in the working directory, without `--config`. */
export const DEFAULT_CONFIG_FILES = ['evalrun.config.yaml', 'evalrun.config.yml', 'evalrun.config.json']

/** The config file's shape once the schema has passed it. */
interface ConfigFile {
  suites: {
    suite: string
    gates?: {
      minScore?: number
      minPassRate?: number
      minMetric?: Record<string, number>
      maxDrop?: number
      confidence?: number
      nonInferiority?: boolean
    }
    baseline?: string | { match: { name?: string; metadata?: Record<string, string> } }
  }[]
}

let validate: ReturnType<Ajv['compile']> | undefined

/** Finds the config file: `--config`, else the one `evalrun.config.*` in `cwd`. Exit 2 when none or several. */
export async function findConfigFile(given: string | undefined, cwd: string): Promise<string> {
  if (given !== undefined) return resolve(cwd, given)
  const found = []
  for (const name of DEFAULT_CONFIG_FILES) {
    if ((await stat(resolve(cwd, name)).catch(() => null))?.isFile()) found.push(name)
  }
  if (found.length === 1) return resolve(cwd, found[0] as string)
  throw new CliError(
    found.length === 0
      ? `no config file: expected one of ${DEFAULT_CONFIG_FILES.join(', ')} in ${cwd}, or --config <file>.`
      : `${found.join(' and ')} are both in ${cwd}: keep one, or choose with --config <file>.`,
    ExitCode.usage,
  )
}

/**
 * Reads `evalrun.config.(yaml|yml|json)` and checks it against the published schema. A file that cannot be read,
 * parsed or that breaks the schema is a usage error (exit 2) naming the file, the line and column, and the key.
 */
export async function loadCheckConfig(path: string): Promise<SuiteCheck[]> {
  const name = basename(path)
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      `${path}: cannot read the config file (${error.code ?? error.message}).`,
      ExitCode.usage,
    )
  })
  const lines = new LineCounter()
  // YAML 1.2 reads JSON as well, with the same positions.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const syntax = doc.errors[0]
  if (syntax !== undefined) {
    const { line, col } = lines.linePos(syntax.pos[0])
    const kind = name.endsWith('.json') ? 'JSON' : 'YAML'
    throw new CliError(
      `${name}:${line}:${col}: not valid ${kind}: ${syntax.message.split('\n')[0]}`,
      ExitCode.usage,
    )
  }
  const data: unknown = doc.toJS()
  validate ??= new Ajv({ allErrors: true, verbose: true }).compile(schema)
  if (!validate(data)) {
    const error = pickError(validate.errors ?? [])
    const path = pointerPath(error.instancePath)
    const key = keyOf(error)
    const { line, col } = positionOf(doc, lines, path, key)
    const shown = [...path, ...(key === undefined ? [] : [key])]
    throw new CliError(`${name}:${line}:${col}: ${dotted(shown)}: ${describe(error)}.`, ExitCode.usage)
  }
  return (data as ConfigFile).suites.map((entry, i) => {
    const { line, col } = positionOf(doc, lines, ['suites', i])
    const gates = entry.gates ?? {}
    return {
      suite: entry.suite,
      criteria: {
        minScore: gates.minScore ?? null,
        minPassRate: gates.minPassRate ?? null,
        minMetrics: Object.entries(gates.minMetric ?? {}).map(([metric, value]) => ({ name: metric, value })),
      },
      drop:
        gates.maxDrop === undefined
          ? null
          : {
              maxDrop: gates.maxDrop,
              confidence: gates.confidence ?? 0.95,
              nonInferiority: gates.nonInferiority ?? false,
            },
      baseline: baselineOf(entry.baseline),
      where: `${name}:${line}:${col}`,
    }
  })
}

function baselineOf(baseline: ConfigFile['suites'][number]['baseline']): BaselineChoice {
  if (baseline === undefined || baseline === 'previous') return { kind: 'previous' }
  if (typeof baseline === 'string') return { kind: 'ref', ref: baseline }
  return { kind: 'match', name: baseline.match.name ?? null, metadata: baseline.match.metadata ?? {} }
}

/** Of the schema's complaints, the one to show: a branchy `anyOf` says what each branch wanted, in one line. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const anyOf = errors.find((error) => error.keyword === 'anyOf')
  if (anyOf === undefined) return errors[0] as ErrorObject
  // A complaint deeper than the anyOf (a typo inside `match`) is more useful than "matches no form".
  const deeper = errors.find(
    (error) =>
      error.instancePath.startsWith(`${anyOf.instancePath}/`) &&
      error.keyword !== 'type' &&
      error.keyword !== 'const',
  )
  return deeper ?? anyOf
}

/** The key the error is about when it is not at the path itself (an unknown or missing key). */
function keyOf(error: ErrorObject): string | undefined {
  if (error.keyword === 'additionalProperties') return String(error.params.additionalProperty)
  if (error.keyword === 'dependencies') return String(error.params.property)
  return undefined
}

function describe(error: ErrorObject): string {
  const got = ` (got ${shortJson(error.data)})`
  switch (error.keyword) {
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {})
      return `unknown key (expected ${known.length > 0 ? `one of ${known.join(', ')}` : 'none here'})`
    }
    case 'required':
      return `missing key ${JSON.stringify(error.params.missingProperty)}`
    case 'dependencies':
      return `needs ${JSON.stringify(error.params.missingProperty)} beside it`
    case 'type':
      return `expected ${article(String(error.params.type))}${got}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `expected a number ${rangeOf(error.parentSchema)}${got}`
    case 'pattern':
      return `expected a ref <vendor>:<id>, such as datalab:12${got}`
    case 'anyOf':
      return `expected "previous", a run ref <vendor>:<id>, or { match: { name?, metadata? } }${got}`
    default:
      return `${error.message ?? 'does not match the schema'}${got}`
  }
}

function rangeOf(schema: unknown): string {
  const s = schema as Record<string, number | undefined>
  if (s.exclusiveMinimum !== undefined)
    return `strictly between ${s.exclusiveMinimum} and ${s.exclusiveMaximum}`
  return `from ${s.minimum ?? '-∞'} to ${s.maximum ?? '∞'}`
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/** `suites[0].gates.minScore`. */
function dotted(path: readonly (string | number)[]): string {
  return (
    path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('') ||
    '(the file)'
  )
}
