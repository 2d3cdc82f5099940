import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** What Prism found wrong with one request (its `sl-violations` header), the request named. */
export interface SpecViolation {
  method: string
  /** Path and query, as sent. */
  url: string
  /** Where Prism saw it: `request.query.limit`, `request.header.authorization`. */
  location: string
  message: string
}

/** One request sent through the mock's `fetch`, with what the mock said of it. */
export interface SpecMockExchange {
  method: string
  /** Path and query, as sent. */
  url: string
  status: number
  violations: SpecViolation[]
}

export interface SpecMock {
  /** `http://127.0.0.1:<port>`, no trailing slash: the base URL to give a client. */
  url: string
  /** A `fetch` that records each exchange; give it to the client under test. */
  fetch: typeof fetch
  /** Every exchange so far, in order. */
  exchanges: SpecMockExchange[]
  /** The request violations of every exchange so far (response shapes are Prism's inventions: not checked). */
  requestViolations(): SpecViolation[]
  close(): Promise<void>
}

export interface SpecMockOptions {
  /** A vendor's full published OpenAPI document: `.json`, `.yaml` or either gzipped (`.json.gz`). */
  spec: string
  /** How long Prism may take to read the document and listen (a large spec takes seconds). Default 60 s. */
  startTimeoutMs?: number
}

/**
 * Serves a vendor's published OpenAPI document with Stoplight Prism, a mock server that shares no code with the
 * sandbox or the vendored subsets: a request evalrun sends that the vendor's own spec does not allow shows up in
 * `requestViolations()`. Prism runs as a child process on a free port of 127.0.0.1.
 */
export async function startSpecMock(options: SpecMockOptions): Promise<SpecMock> {
  const scratch = mkdtempSync(join(tmpdir(), 'evalrun-spec-mock-'))
  const specPath = options.spec.endsWith('.gz') ? unzipInto(scratch, options.spec) : options.spec
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [prismCli(), 'mock', specPath, '--host', '127.0.0.1', '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const stop = () => stopChild(child).finally(() => rmSync(scratch, { recursive: true, force: true }))
  try {
    await listening(child, options.startTimeoutMs ?? 60_000)
  } catch (error) {
    await stop()
    throw error
  }
  const url = `http://127.0.0.1:${port}`
  const exchanges: SpecMockExchange[] = []
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const response = await fetch(request)
    const { pathname, search } = new URL(request.url)
    const sent = { method: request.method, url: pathname + search }
    const violations = [...violationsOf(response, sent), ...(await unmatchedRoute(response, sent))]
    exchanges.push({ ...sent, status: response.status, violations })
    return response
  }
  return {
    url,
    fetch: recordingFetch,
    exchanges,
    requestViolations: () => exchanges.flatMap((exchange) => exchange.violations),
    close: stop,
  }
}

function prismCli(): string {
  const require = createRequire(import.meta.url)
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> }
  return join(dirname(manifestPath), manifest.bin.prism ?? 'dist/index.js')
}

function unzipInto(directory: string, gzipped: string): string {
  const name = gzipped.replace(/^.*[\\/]/, '').replace(/\.gz$/, '')
  const path = join(directory, name)
  writeFileSync(path, gunzipSync(readFileSync(gzipped)))
  return path
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function listening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(`Prism did not listen within ${timeoutMs} ms`), timeoutMs)
    const fail = (message: string) => {
      clearTimeout(timer)
      reject(new Error(`${message}. Its output:\n${output.slice(-2000)}`))
    }
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (output.includes('Prism is listening')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => fail(`Prism exited (code ${code}) before listening`))
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** A path or method the spec does not have: Prism answers with its own problem document, not a violation. */
async function unmatchedRoute(
  response: Response,
  sent: { method: string; url: string },
): Promise<SpecViolation[]> {
  if (response.status !== 404 && response.status !== 405) return []
  const body = await response.clone().text()
  const problem =
    /prism\/errors#(NO_PATH_MATCHED_ERROR|NO_METHOD_MATCHED_ERROR|NO_SERVER_MATCHED_ERROR)/.exec(body)
  return problem
    ? [{ ...sent, location: 'request.path', message: `no such operation in the spec (${problem[1]})` }]
    : []
}

interface PrismViolation {
  location?: unknown
  severity?: unknown
  message?: unknown
}

/** Prism lists what it found in `sl-violations`; only errors about the request are evalrun's to answer for. */
function violationsOf(response: Response, sent: { method: string; url: string }): SpecViolation[] {
  const header = response.headers.get('sl-violations')
  if (!header) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(header)
  } catch {
    return [
      { ...sent, location: 'request', message: `unreadable sl-violations header: ${header.slice(0, 200)}` },
    ]
  }
  if (!Array.isArray(parsed)) return []
  return (parsed as PrismViolation[])
    .filter((violation) => violation.severity === 'Error')
    .map((violation) => ({
      ...sent,
      location: Array.isArray(violation.location) ? violation.location.join('.') : 'request',
      message: String(violation.message ?? ''),
    }))
    .filter((violation) => violation.location.startsWith('request'))
}

/** Which document `publishedSpec` found: the vendor's full published file, or the subset vendored from it. */
export interface PublishedSpec {
  path: string
  kind: 'published' | 'vendored-subset'
}

/**
 * The vendor's full published spec when this machine has it (`EVALRUN_PUBLISHED_SPECS`, or the reference folder
 * beside the repository) and it is the very file `specs/<vendor>/source.json` says the subset was cut from (same
 * sha256); otherwise the vendored subset, which the spec pipeline cuts from that file unedited. Some published
 * specs may not be redistributed (PromptLayer's has no licence), so the repository keeps only the subsets.
 */
export function publishedSpec(vendor: string, repoRoot: string): PublishedSpec {
  const source = JSON.parse(readFileSync(join(repoRoot, 'specs', vendor, 'source.json'), 'utf8')) as {
    vendoredFile: string
    upstream?: { sha256?: string }
  }
  const wanted = source.upstream?.sha256
  const folders = [
    process.env.EVALRUN_PUBLISHED_SPECS,
    join(repoRoot, '..', 'shared', 'reference'),
    join(repoRoot, '..', 'shared', 'reference', 'vendor-specs'),
  ].filter((folder): folder is string => Boolean(folder) && existsSync(folder as string))
  // Found by its hash, whatever its name: one published file may be the source of several subsets.
  for (const folder of wanted ? folders : []) {
    for (const name of readdirSync(folder).filter((file) => /\.(json|ya?ml)$/.test(file))) {
      const path = join(folder, name)
      if (sha256(path) === wanted) return { path, kind: 'published' }
    }
  }
  return { path: join(repoRoot, 'specs', vendor, source.vendoredFile), kind: 'vendored-subset' }
}

const hashes = new Map<string, string>()
function sha256(path: string): string {
  let hash = hashes.get(path)
  if (hash === undefined) {
    hash = createHash('sha256').update(readFileSync(path)).digest('hex')
    hashes.set(path, hash)
  }
  return hash
}
