/**
 * Runs anywhere, CJS and ESM: the packed tarballs, npm-installed into an empty project as a user would,
 * load with `require()` and with `import()`, and give working clients either way. Needs `pnpm build` first
 * (`pnpm test` builds before running tests). Skips, saying so, only when the npm registry cannot be reached.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npmInstallFresh } from '../scripts/lib/npm-install.js'
import { FACADE_PACKAGES, packPackages } from '../scripts/lib/pack-workspace.js'

/** Loads every package, creates each client, and prints what it got as JSON. */
const probe = (load: (name: string) => string) => `
const loaded = {}
for (const name of ${JSON.stringify(FACADE_PACKAGES)}) loaded[name] = ${load('name')}
const evalrun = loaded.evalrun.createEvalrun({ datalab: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9' }, promptlayer: false, humanloop: false, openai: false, braintrust: false })
const coreEntry = ${load("'evalrun/core'")}
const openaiEntry = ${load("'evalrun/openai'")}
const fromEntries = coreEntry.createEvalrun({ vendors: [openaiEntry.openai], openai: { apiKey: 'k' } })
const reportsEntry = ${load("'evalrun/reports'")}
const statsEntry = ${load("'evalrun/stats'")}
const gateEntry = ${load("'evalrun/gate'")}
const clients = {
  datalab: loaded['@evalrun/datalab'].createDatalabClient({ apiKey: 'k' }),
  promptlayer: loaded['@evalrun/promptlayer'].createPromptLayerClient({ apiKey: 'k' }),
  humanloop: loaded['@evalrun/humanloop'].createHumanloopClient({ apiKey: 'k' }),
  openai: loaded['@evalrun/openai'].createOpenAIClient({ apiKey: 'k' }),
  braintrust: loaded['@evalrun/braintrust'].createBraintrustClient({ apiKey: 'k' }),
  langfuse: loaded['@evalrun/langfuse'].createLangfuseClient({ publicKey: 'pk', secretKey: 'sk' }),
  phoenix: loaded['@evalrun/phoenix'].createPhoenixClient({}),
}
let configError = null
try { loaded['@evalrun/datalab'].createDatalabClient({ apiKey: '' }) } catch (error) { configError = error.name }
console.log(JSON.stringify({
  errorClasses: Object.fromEntries(Object.entries(loaded).map(([name, m]) => [name, typeof m.EvalrunError])),
  version: loaded.evalrun.VERSION,
  vendors: evalrun.vendors,
  entryVendors: fromEntries.vendors,
  reports: [typeof reportsEntry.toJUnit, typeof reportsEntry.toMarkdown, typeof reportsEntry.renderHtmlReport],
  stats: [statsEntry.wilsonInterval(9, 10).method, statsEntry.pairedDifference([[0, 1], [1, 1], [0, 0]]).n],
  gate: gateEntry.worstVerdict(['passed', 'failed']),
  clients: Object.fromEntries(Object.entries(clients).map(([name, c]) => [name, typeof c.GET])),
  configError,
}))`

const expected = {
  errorClasses: Object.fromEntries(FACADE_PACKAGES.map((name) => [name, 'function'])),
  version: expect.stringMatching(/^\d+\.\d+\.\d+/),
  vendors: ['datalab'],
  entryVendors: ['openai'],
  reports: ['function', 'function', 'function'],
  stats: ['wilson', 3],
  gate: 'failed',
  clients: {
    datalab: 'function',
    promptlayer: 'function',
    humanloop: 'function',
    openai: 'function',
    braintrust: 'function',
    langfuse: 'function',
    phoenix: 'function',
  },
  configError: 'EvalrunInvalidConfigError',
}

describe('packed tarballs in a fresh npm project', () => {
  let project: string | null = null
  let unreachable: string | null = null
  const packDir = mkdtempSync(join(tmpdir(), 'evalrun-e2e-pack-'))

  beforeAll(async () => {
    const tarballs = [...packPackages(FACADE_PACKAGES, packDir).values()]
    const install = await npmInstallFresh(tarballs, 'e2e-packed')
    if (install.ok) project = install.dir
    else if (install.unreachable) unreachable = install.message
    else throw new Error(`npm install of the packed tarballs failed:\n${install.message}`)
  }, 180_000)

  afterAll(() => {
    rmSync(packDir, { recursive: true, force: true })
    if (project) rmSync(project, { recursive: true, force: true })
  })

  const run = (args: string[]) =>
    JSON.parse(execFileSync(process.execPath, args, { cwd: project ?? undefined, encoding: 'utf8' }))

  it('require() loads every package (CommonJS)', (context) => {
    if (unreachable) context.skip(`npm registry unreachable: ${unreachable}`)
    expect(run(['-e', probe((name) => `require(${name})`)])).toEqual(expected)
  })

  it('import() loads every package (ES modules)', (context) => {
    if (unreachable) context.skip(`npm registry unreachable: ${unreachable}`)
    expect(run(['--input-type=module', '-e', probe((name) => `await import(${name})`)])).toEqual(expected)
  })
})
