/**
 * (2) Loopback round trip: reading one run through each vendor client vs raw `fetch` of the same sandbox URL,
 * calls interleaved (ours, raw, ours, raw…) so that both see the same machine. Target: p50 ratio ≤ 1.10.
 */

import type { VendorAuth } from '@evalrun/http'
import { type Measurement, verdictOf } from '../lib/result.js'
import { facadeOptions, langfuseKeys } from '../lib/sandbox.js'
import { type RemoteSandbox, startSandboxProcess } from '../lib/sandbox-process.js'
import { percentile, round } from '../lib/stats.js'
import {
  loadDatalab,
  loadFacade,
  loadHumanloop,
  loadLangfuse,
  loadOpenapiFetch,
  loadPromptLayer,
} from '../lib/workspace-modules.js'

const WARMUP = 100
const CALLS = 1_000
const TARGET_RATIO = 1.1

interface Pair {
  label: string
  ours: () => Promise<unknown>
  raw: () => Promise<unknown>
  /** The same read through bare openapi-fetch (same headers): how much of the gap is openapi-fetch's own. */
  bare?: () => Promise<unknown>
  /** Raw fetch with a time limit that cancels it (a signal and a timer), as any client with timeouts must send. */
  rawTimed?: () => Promise<unknown>
}

async function firstRefs(sandbox: RemoteSandbox): Promise<Record<string, string>> {
  const { createEvalrun } = await loadFacade()
  const refs: Record<string, string> = {}
  // `since` for Langfuse, which otherwise lists its last 30 days only (and says so).
  for await (const run of createEvalrun(facadeOptions(sandbox)).runs.list({ since: '2025-01-01' }))
    refs[run.vendor] ??= run.ref
  return refs
}

async function pairs(sandbox: RemoteSandbox): Promise<Pair[]> {
  const { createDatalabClient, datalabVendor } = await loadDatalab()
  const { createPromptLayerClient, promptlayerVendor } = await loadPromptLayer()
  const { createHumanloopClient, humanloopVendor } = await loadHumanloop()
  const { createLangfuseClient } = await loadLangfuse()
  const { createEvalrun } = await loadFacade()
  const refs = await firstRefs(sandbox)
  const datalabId = Number(refs.datalab?.split(':')[1])
  const promptlayerId = Number(refs.promptlayer?.split(':')[1])
  const humanloopEvaluation = refs.humanloop?.split(':')[1]?.split('/')[0] ?? ''
  const experimentId = decodeURIComponent(refs.langfuse?.split(':')[1] ?? '')
  const options = (vendor: keyof RemoteSandbox['urls']) => ({
    apiKey: sandbox.apiKeys[vendor],
    baseUrl: sandbox.urls[vendor],
  })
  // The same request on the wire as the clients send (key, User-Agent, Accept), so that only the client stack
  // differs: the sandbox validates every header it gets, and fewer headers would be less work for it.
  const wireHeaders = (
    vendor: keyof RemoteSandbox['urls'],
    header: string,
    value = sandbox.apiKeys[vendor],
  ) => ({
    [header]: value,
    'User-Agent': `@evalrun/${vendor}/bench`,
    Accept: 'application/json',
  })
  const raw =
    (vendor: keyof RemoteSandbox['urls'], header: string, path: string, value?: string) => async () =>
      (await fetch(`${sandbox.urls[vendor]}${path}`, { headers: wireHeaders(vendor, header, value) })).json()
  const rawTimed =
    (vendor: keyof RemoteSandbox['urls'], header: string, path: string, value?: string) => async () => {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), 30_000)
      try {
        const init = { headers: wireHeaders(vendor, header, value), signal: controller.signal }
        return await (await fetch(`${sandbox.urls[vendor]}${path}`, init)).json()
      } finally {
        clearTimeout(timer)
      }
    }

  const createClient = await loadOpenapiFetch()
  const bare = (vendor: keyof RemoteSandbox['urls'], header: string, value?: string) =>
    createClient({
      baseUrl: sandbox.urls[vendor],
      headers: wireHeaders(vendor, header, value),
    }) as unknown as { GET: (path: string, init: unknown) => Promise<unknown> }
  const bareDatalab = bare('datalab', keyHeaderOf(datalabVendor))
  const barePromptlayer = bare('promptlayer', keyHeaderOf(promptlayerVendor))
  const bareHumanloop = bare('humanloop', keyHeaderOf(humanloopVendor))
  const datalab = createDatalabClient(options('datalab'))
  const promptlayer = createPromptLayerClient(options('promptlayer'))
  const humanloop = createHumanloopClient(options('humanloop'))
  const langfuse = createLangfuseClient({ ...langfuseKeys(sandbox), baseUrl: sandbox.urls.langfuse })
  const basic = `Basic ${btoa(sandbox.apiKeys.langfuse)}`
  const bareLangfuse = bare('langfuse', 'Authorization', basic)
  // What `runs.get` asks for one experiment.
  const experimentQuery = {
    fromStartTime: '1970-01-01T00:00:00.000Z',
    fields: 'core,metadata,scores',
    scoreLimit: 50,
    limit: 1,
    id: experimentId,
  }
  const experimentPath = `/api/public/experiments?${new URLSearchParams(Object.entries(experimentQuery).map(([k, v]) => [k, String(v)]))}`
  const facade = createEvalrun(facadeOptions(sandbox))
  const rawDatalab = raw('datalab', keyHeaderOf(datalabVendor), `/api/v1/eval_batch_runs/${datalabId}`)
  return [
    {
      label: '@evalrun/datalab GET /api/v1/eval_batch_runs/{run_id}',
      ours: () =>
        datalab.GET('/api/v1/eval_batch_runs/{run_id}', { params: { path: { run_id: datalabId } } }),
      raw: rawDatalab,
      rawTimed: rawTimed('datalab', keyHeaderOf(datalabVendor), `/api/v1/eval_batch_runs/${datalabId}`),
      bare: () =>
        bareDatalab.GET('/api/v1/eval_batch_runs/{run_id}', { params: { path: { run_id: datalabId } } }),
    },
    {
      label: '@evalrun/promptlayer GET /reports/{report_id}',
      ours: () => promptlayer.GET('/reports/{report_id}', { params: { path: { report_id: promptlayerId } } }),
      raw: raw('promptlayer', keyHeaderOf(promptlayerVendor), `/reports/${promptlayerId}`),
      rawTimed: rawTimed('promptlayer', keyHeaderOf(promptlayerVendor), `/reports/${promptlayerId}`),
      bare: () =>
        barePromptlayer.GET('/reports/{report_id}', { params: { path: { report_id: promptlayerId } } }),
    },
    {
      label: '@evalrun/humanloop GET /evaluations/{id}',
      ours: () => humanloop.GET('/evaluations/{id}', { params: { path: { id: humanloopEvaluation } } }),
      raw: raw('humanloop', keyHeaderOf(humanloopVendor), `/evaluations/${humanloopEvaluation}`),
      rawTimed: rawTimed('humanloop', keyHeaderOf(humanloopVendor), `/evaluations/${humanloopEvaluation}`),
      bare: () => bareHumanloop.GET('/evaluations/{id}', { params: { path: { id: humanloopEvaluation } } }),
    },
    {
      label: '@evalrun/langfuse GET /api/public/experiments (one experiment by id)',
      ours: () => langfuse.GET('/api/public/experiments', { params: { query: experimentQuery } }),
      raw: raw('langfuse', 'Authorization', experimentPath, basic),
      rawTimed: rawTimed('langfuse', 'Authorization', experimentPath, basic),
      bare: () => bareLangfuse.GET('/api/public/experiments', { params: { query: experimentQuery } }),
    },
    {
      // Context, not the target: the facade maps the run into evalrun's model on top of the same request.
      label: 'facade runs.get (Datalab ref)',
      ours: () => facade.runs.get(refs.datalab ?? ''),
      raw: rawDatalab,
    },
  ]
}

async function timeCalls(
  pair: Pair,
): Promise<{ ours: number[]; raw: number[]; bare: number[]; rawTimed: number[] }> {
  const times = { ours: [] as number[], raw: [] as number[], bare: [] as number[], rawTimed: [] as number[] }
  const contenders = (['ours', 'raw', 'bare', 'rawTimed'] as const).flatMap((name) => {
    const call = pair[name]
    return call ? [{ call, times: times[name] }] : []
  })
  for (let i = 0; i < WARMUP; i++) for (const { call } of contenders) await call()
  for (let i = 0; i < CALLS; i++) {
    // Each goes first in turn, so that none always follows another's garbage.
    for (let j = 0; j < contenders.length; j++) {
      const contender = contenders[(i + j) % contenders.length] as (typeof contenders)[number]
      const started = performance.now()
      await contender.call()
      contender.times.push(performance.now() - started)
    }
  }
  return times
}

export async function measureLoopback(): Promise<Measurement> {
  const sandbox = await startSandboxProcess({ clock: 'manual', runs: 30 })
  try {
    const rows: Measurement['rows'] = []
    let worstVendorRatio = 0
    for (const pair of await pairs(sandbox)) {
      const { ours, raw, bare, rawTimed } = await timeCalls(pair)
      const ratio = percentile(ours, 50) / percentile(raw, 50)
      if (!pair.label.startsWith('facade')) worstVendorRatio = Math.max(worstVendorRatio, ratio)
      rows.push({
        call: pair.label,
        'ours p50 (ms)': round(percentile(ours, 50), 3),
        'raw fetch p50 (ms)': round(percentile(raw, 50), 3),
        'p50 ratio': round(ratio),
        'bare openapi-fetch p50 ratio':
          bare.length > 0 ? round(percentile(bare, 50) / percentile(raw, 50)) : '—',
        'raw fetch with a time limit p50 ratio':
          rawTimed.length > 0 ? round(percentile(rawTimed, 50) / percentile(raw, 50)) : '—',
        'ours p99 (ms)': round(percentile(ours, 99), 3),
        'raw fetch p99 (ms)': round(percentile(raw, 99), 3),
        'p99 ratio': round(percentile(ours, 99) / percentile(raw, 99)),
      })
    }
    return {
      id: 2,
      title: 'Loopback round trip (sandbox on 127.0.0.1)',
      target: `p50 of a vendor client's read ≤ ${TARGET_RATIO}× raw fetch of the same URL`,
      verdict: verdictOf(worstVendorRatio <= TARGET_RATIO),
      summary: `worst vendor-client p50 ratio to raw fetch: ${round(worstVendorRatio)}`,
      rows,
      notes: [
        `${CALLS} calls each after ${WARMUP} warm-up, ours, raw, bare openapi-fetch and raw with a time limit interleaved, one at a time, against one sandbox running in a separate process.`,
        'Raw fetch sends the same URL with the same headers as the clients (API key, User-Agent, Accept) and parses the JSON body.',
        'Bare openapi-fetch (same headers, no evalrun layer) is timed in the same rotation: its own ratio to raw fetch shows how much of the gap openapi-fetch itself accounts for.',
        'Raw fetch with a time limit (an AbortController and a timer per call, as any client whose timeout really cancels must add) is timed in the same rotation too: on Node 20 an AbortSignal handed to fetch costs several µs of the gap by itself.',
      ],
    }
  } finally {
    await sandbox.close()
  }
}

/** The header the bench's API-key vendors take their key in (they send it as is; Langfuse's basic auth is apart). */
function keyHeaderOf(vendor: { id: string; auth: VendorAuth }): string {
  if (vendor.auth.scheme !== 'api-key-header') throw new Error(`${vendor.id}: expected an API-key header`)
  return vendor.auth.header
}
