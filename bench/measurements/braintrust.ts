/**
 * (11) Braintrust, whose API differs from the others in three ways the facade has to work around, each measured
 * on the sandbox:
 * - Listing: an experiment carries no score and no status, so `runs.list` reads two more answers per experiment
 *   (its summary and its newest trace). Against a raw loop making the very same requests (the sandbox in its own
 *   process).
 * - Starting: `POST /v1/eval` answers when the eval has finished. `runs.start` asks for the stream and returns at
 *   its start event. Against the unstreamed launch of the same eval (the sandbox at real speed).
 * - Results: event pages may repeat rows of earlier pages. `runs.results` against the rows actually received.
 */
import { type Measurement, verdictOf } from '../lib/result.js'
import { startBenchSandbox } from '../lib/sandbox.js'
import { type RemoteSandbox, startSandboxProcess } from '../lib/sandbox-process.js'
import { median, round, timed } from '../lib/stats.js'
import { loadFacade } from '../lib/workspace-modules.js'

const EXPERIMENTS = 1_000
const REPEATS = 5
/** As the adapter: 100 experiments a page, the details of 8 at a time. */
const PAGE_SIZE = 100
const CONCURRENCY = 8
const TARGET_RATIO = 1.2
const ROWS = Array.from({ length: 8 }, (_, index) => ({ input: { question: `case ${index}` } }))
/** Cases of the experiments whose results are read: several event pages each. */
const RESULT_CASES = [250, 420, 999]

type Json = Record<string, unknown>

/** The requests `runs.list` makes, with bare fetch: pages by `starting_after`, then each experiment's details. */
async function listRaw(
  sandbox: Omit<RemoteSandbox, 'close'>,
): Promise<{ experiments: number; requests: number }> {
  const headers = {
    Authorization: `Bearer ${sandbox.apiKeys.braintrust}`,
    'Content-Type': 'application/json',
  }
  let requests = 0
  const call = async (path: string, body?: unknown): Promise<Json> => {
    requests++
    const response = await fetch(`${sandbox.urls.braintrust}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path}: ${response.status}`)
    return (await response.json()) as Json
  }
  let experiments = 0
  for (let after = ''; ; ) {
    const page = await call(`/v1/experiment?limit=${PAGE_SIZE}${after ? `&starting_after=${after}` : ''}`)
    const objects = (page.objects as Json[] | undefined) ?? []
    if (objects.length === 0) return { experiments, requests }
    for (let start = 0; start < objects.length; start += CONCURRENCY) {
      await Promise.all(
        objects
          .slice(start, start + CONCURRENCY)
          .map((experiment) =>
            Promise.all([
              call(`/v1/experiment/${experiment.id}/summarize?summarize_scores=true`),
              call(`/v1/experiment/${experiment.id}/fetch`, { limit: 1 }),
            ]),
          ),
      )
    }
    experiments += objects.length
    after = String(objects.at(-1)?.id)
  }
}

export async function measureBraintrust(): Promise<Measurement> {
  const facade = await loadFacade()
  const rows: Measurement['rows'] = []
  const notes: string[] = []

  // Listing.
  const remote = await startSandboxProcess({ clock: 'manual', runs: EXPERIMENTS, suites: 20 })
  let ratio = Number.POSITIVE_INFINITY
  try {
    let requests = 0
    const evalrun = facade.createEvalrun({
      braintrust: { apiKey: remote.apiKeys.braintrust, baseUrl: remote.urls.braintrust },
      datalab: false,
      promptlayer: false,
      humanloop: false,
      openai: false,
      langfuse: false,
      phoenix: false,
      fetch: (request) => {
        requests++
        return fetch(request)
      },
    })
    const listFacade = async () => {
      let count = 0
      for await (const _run of evalrun.runs.list()) count++
      return count
    }
    // One untimed listing each: the sandbox and both listers' code warm up first.
    await listRaw(remote)
    await listFacade()
    const times = { facade: [] as number[], raw: [] as number[] }
    let counts = { facade: 0, raw: 0, rawRequests: 0, facadeRequests: 0 }
    for (let i = 0; i < REPEATS; i++) {
      requests = 0
      const order = i % 2 === 0 ? (['facade', 'raw'] as const) : (['raw', 'facade'] as const)
      for (const mode of order) {
        if (mode === 'facade') {
          const { value, ms } = await timed(listFacade)
          times.facade.push(ms)
          counts = { ...counts, facade: value, facadeRequests: requests }
        } else {
          const { value, ms } = await timed(() => listRaw(remote))
          times.raw.push(ms)
          counts = { ...counts, raw: value.experiments, rawRequests: value.requests }
        }
      }
    }
    if (counts.facade !== counts.raw) throw new Error(`listers disagree: ${counts.facade} vs ${counts.raw}`)
    ratio = median(times.facade) / median(times.raw)
    for (const [lister, ms, made] of [
      ['evalrun runs.list()', median(times.facade), counts.facadeRequests],
      ['raw fetch loop, same requests', median(times.raw), counts.rawRequests],
    ] as const) {
      rows.push({
        scenario: `list ${counts.facade} experiments`,
        how: lister,
        'time, median (ms)': round(ms, 0),
        requests: made,
        'requests per experiment': round(made / counts.facade, 2),
      })
    }
  } finally {
    await remote.close()
  }

  // Starting, and waiting by the status rule.
  const live = await startBenchSandbox({ clock: { speed: 1 }, runs: 0, suites: 1 })
  let startMs = Number.POSITIVE_INFINITY
  let heldMs = 0
  try {
    const options = live.clientOptions.braintrust
    const evalrun = facade.createEvalrun({
      braintrust: options,
      datalab: false,
      promptlayer: false,
      humanloop: false,
      openai: false,
      langfuse: false,
      phoenix: false,
    })
    const project = live.catalog.braintrust.projects[0]!
    const launch = {
      project_id: project.id,
      data: { data: ROWS },
      task: { function_id: project.taskFunctionId },
      scores: live.catalog.braintrust.scores,
    }
    // An untimed launch first: the sandbox compiles its request validators on first use.
    await evalrun.runs.start({
      vendor: 'braintrust',
      projectId: launch.project_id,
      data: { data: ROWS.slice(0, 1) },
      task: launch.task,
      scores: launch.scores,
      experimentName: 'bench warm-up',
    })
    const started = await timed(() =>
      evalrun.runs.start({
        vendor: 'braintrust',
        projectId: launch.project_id,
        data: launch.data,
        task: launch.task,
        scores: launch.scores,
        experimentName: 'bench streamed',
      }),
    )
    startMs = started.ms
    const held = await timed(async () => {
      const response = await fetch(`${live.urls.braintrust}/v1/eval`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...launch, experiment_name: 'bench held' }),
      })
      return response.json()
    })
    heldMs = held.ms
    const waited = await evalrun.runs.wait(started.value, { pollIntervalMs: 250, maxPollIntervalMs: 1_000 })
    const lastCaseMs = started.value.createdAt!.getTime() + 2_000 + ROWS.length * 500
    const afterEnd = live.clock.now().getTime() - lastCaseMs
    rows.push(
      {
        scenario: `launch an eval of ${ROWS.length} cases (${(2_000 + ROWS.length * 500) / 1000} s)`,
        how: 'runs.start (streamed: returns at the start event)',
        'time, median (ms)': round(startMs, 0),
      },
      {
        scenario: `launch an eval of ${ROWS.length} cases (${(2_000 + ROWS.length * 500) / 1000} s)`,
        how: 'POST /v1/eval without stream (answers at the end)',
        'time, median (ms)': round(heldMs, 0),
      },
      {
        scenario: `wait for it (quiet period ${options.quietPeriodMs / 1000} s)`,
        how: `runs.wait: ${waited.status}, returned after the last case by (ms)`,
        'time, median (ms)': round(afterEnd, 0),
      },
    )
  } finally {
    await live.close()
  }

  // Results: experiments longer than one event page (100 traces), whose later pages now and then repeat a row.
  const still = await startBenchSandbox({ clock: 'manual', runs: 0, suites: 1 })
  let yielded = 0
  let uniqueCases = 0
  try {
    const options = still.clientOptions.braintrust
    const project = still.catalog.braintrust.projects[0]!
    const rowsReceived = { all: 0, repeated: 0 }
    const seen = new Set<string>()
    const evalrun = facade.createEvalrun({
      braintrust: {
        ...options,
        // Counts what the server sent, beside what the adapter yields.
        fetch: async (request, init) => {
          const response = await fetch(request, init)
          if (request.url.endsWith('/fetch')) {
            const body = (await response.clone().json()) as {
              events: Array<{ id: string; is_root: boolean }>
            }
            for (const row of body.events) {
              rowsReceived.all++
              if (!row.is_root) continue
              if (seen.has(row.id)) rowsReceived.repeated++
              seen.add(row.id)
            }
          }
          return response
        },
      },
      datalab: false,
      promptlayer: false,
      humanloop: false,
      openai: false,
      langfuse: false,
      phoenix: false,
    })
    const runs: Array<{ ref: string }> = []
    for (const cases of RESULT_CASES) {
      runs.push(
        await evalrun.runs.start({
          vendor: 'braintrust',
          projectId: project.id,
          data: {
            data: Array.from({ length: cases }, (_, index) => ({ input: { question: `case ${index}` } })),
          },
          task: { function_id: project.taskFunctionId },
          scores: still.catalog.braintrust.scores,
        }),
      )
    }
    still.clock.advance(3_600_000)
    const read = await timed(async () => {
      for (const run of runs) for await (const _item of evalrun.runs.results(run)) yielded++
    })
    uniqueCases = seen.size
    rows.push({
      scenario: `read every case of ${RESULT_CASES.length} experiments (${RESULT_CASES.join(', ')} cases; pages of 100 traces)`,
      how: `runs.results: ${rowsReceived.all} rows received, ${rowsReceived.repeated} of them a case repeated from an earlier page`,
      'time, median (ms)': round(read.ms, 0),
      'cases yielded': yielded,
      'distinct cases': uniqueCases,
    })
    notes.push(
      "Results: the sandbox repeats, now and then, the last case of a page at the head of the next page in an older version (as Braintrust's spec warns); the adapter keeps the first row per id, and only ids, not rows.",
    )
  } finally {
    await still.close()
  }

  const met = ratio <= TARGET_RATIO && startMs < heldMs / 4 && yielded === uniqueCases && uniqueCases > 0
  return {
    id: 11,
    title: 'Braintrust: listing with details, streamed start, results read once',
    target: `listing ≤ ${TARGET_RATIO}× a raw loop making the same requests; runs.start returns well before the eval ends; every case yielded once`,
    verdict: verdictOf(met),
    summary: `runs.list takes ${round(ratio)}× the raw loop over ${EXPERIMENTS} experiments (2 extra requests per experiment either way); runs.start returned in ${round(startMs, 0)} ms where the unstreamed launch answered after ${round(heldMs, 0)} ms; ${yielded} cases yielded of ${uniqueCases} distinct`,
    rows,
    notes: [
      `Listing: median of ${REPEATS} interleaved listings per lister, after one untimed listing; the sandbox in its own process with a manual clock, ${EXPERIMENTS} experiments over 20 projects.`,
      'The details are what a listing costs on Braintrust: an experiment has no status and no score of its own, so each needs its summary and its newest trace. Against a real Braintrust the two extra round trips per experiment dominate; the adapter reads 8 experiments at a time.',
      'On loopback the listing is bound by client CPU, not by the network: each facade request costs about 0.4 ms more CPU than a bare fetch (profiled: a Request, an abort signal and a timer per call and per attempt, which Node 20 makes dear, and a rebuilt Request for each POST), twice the raw loop over 2,000 requests. Against a real Braintrust the round trips dominate.',
      'Start: the sandbox at real speed; the streamed start returns once the experiment exists (Braintrust sends a start event then), the unstreamed launch of the same eval answers only when it ends.',
      ...notes,
    ],
  }
}
