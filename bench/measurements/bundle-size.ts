/**
 * (3) Bundle size: esbuild, browser platform, minified + gzip. Each vendor package (with openapi-fetch and the
 * HTTP layer) and the facade with all three, beside the official humanloop@0.8.20 SDK bundled for the same
 * evaluation calls. Targets: ≤ 5 kB per vendor package, ≤ 15 kB for the facade.
 */
import { formatBytes, measurePackageBundles } from '../../scripts/lib/budgets.js'
import { measureBundle } from '../../scripts/lib/bundle-size.js'
import type { ScratchInstall } from '../lib/installs.js'
import { type Measurement, verdictOf } from '../lib/result.js'
import { round } from '../lib/stats.js'

/** The evaluation calls evalrun makes on Humanloop, through the SDK's own client, as a user would write them. */
const SDK_FULL_CLIENT = `
import { HumanloopClient } from 'humanloop'
export function evaluationCalls(apiKey) {
  const { evaluations } = new HumanloopClient({ apiKey })
  return [evaluations.list, evaluations.get, evaluations.listRunsForEvaluation, evaluations.createRun,
    evaluations.updateEvaluationRun, evaluations.getStats, evaluations.getLogs]
}`

/** The same calls through the SDK's evaluations sub-client alone: the smallest slice of the SDK that has them. */
const SDK_EVALUATIONS_ONLY = `
import { Evaluations } from 'humanloop/api/resources/evaluations/client/Client.js'
export function evaluationCalls(apiKey) {
  const evaluations = new Evaluations({ apiKey })
  return [evaluations.list, evaluations.get, evaluations.listRunsForEvaluation, evaluations.createRun,
    evaluations.updateEvaluationRun, evaluations.getStats, evaluations.getLogs]
}`

/** Node built-ins the full SDK imports (OpenTelemetry context, a CLI progress bar): a browser has none. */
const SDK_NODE_ONLY_IMPORTS = ['async_hooks', 'readline']

export async function measureBundleSize(humanloopSdk: ScratchInstall): Promise<Measurement> {
  const ours = await measurePackageBundles()
  const rows: Measurement['rows'] = ours.map((bundle) => ({
    bundle: `${bundle.name} (every export)`,
    'min+gzip': formatBytes(bundle.gzip),
    minified: formatBytes(bundle.minified),
    budget: formatBytes(bundle.budget),
    'min+gzip bytes': bundle.gzip,
  }))
  const notes = [
    'esbuild 0.25, platform browser, ES2022, minified, gzip level 9; each package from its built dist/, `export *` of its entry, so nothing it exports is shaken out.',
  ]
  const facade = ours.find((bundle) => bundle.name === 'evalrun')
  let comparison = ''
  if (humanloopSdk.dir === null) {
    notes.push(`humanloop@0.8.20 not measured: ${humanloopSdk.problem}`)
  } else {
    const full = await measureBundle(SDK_FULL_CLIENT, humanloopSdk.dir, SDK_NODE_ONLY_IMPORTS)
    const slice = await measureBundle(SDK_EVALUATIONS_ONLY, humanloopSdk.dir)
    const humanloopOurs = ours.find((bundle) => bundle.name === '@evalrun/humanloop')
    for (const [label, size] of [
      ['humanloop@0.8.20 HumanloopClient, evaluation calls', full],
      ['humanloop@0.8.20 evaluations sub-client only', slice],
    ] as const) {
      rows.push({
        bundle: label,
        'min+gzip': formatBytes(size.gzip),
        minified: formatBytes(size.minified),
        budget: null,
        'min+gzip bytes': size.gzip,
        'vs @evalrun/humanloop': humanloopOurs ? round(size.gzip / humanloopOurs.gzip, 1) : null,
        'vs evalrun facade': facade ? round(size.gzip / facade.gzip, 1) : null,
      })
    }
    notes.push(
      `The full SDK client cannot be bundled for the browser as is: it imports Node's ${SDK_NODE_ONLY_IMPORTS.join(' and ')}, left out (external) here.`,
    )
    if (facade)
      comparison = `; the Humanloop SDK's evaluations sub-client alone is ${round(slice.gzip / facade.gzip, 1)}× the whole facade`
  }
  const over = ours.filter((bundle) => bundle.gzip > bundle.budget)
  return {
    id: 3,
    title: 'Bundle size (browser, min+gzip)',
    target: '≤ 5 kB per vendor package, ≤ 15 kB for the facade',
    verdict: verdictOf(over.length === 0),
    summary:
      ours.map((bundle) => `${bundle.name} ${formatBytes(bundle.gzip)}`).join(', ') +
      comparison +
      (over.length > 0 ? ` (over budget: ${over.map((bundle) => bundle.name).join(', ')})` : ''),
    rows,
    notes,
  }
}
