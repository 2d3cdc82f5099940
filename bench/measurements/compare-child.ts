/**
 * One comparison of measurement 10, alone in its process so that its memory is its own. argv: mode (`compare`:
 * runs.compare; `hold`: every item of both runs read into arrays, then joined, as a comparison that keeps the items
 * would; `stream`: both runs' items read and dropped, the floor; `significance`: runs.compare with `{ stats }`,
 * the paired tests of `significance` included), then the items per run.
 * Two OpenAI runs are served by an in-process fetch, 100 output items per page, each item with its sample and
 * grader results as OpenAI sends them (about 2.4 kB of JSON). Prints one JSON line: items per run, milliseconds,
 * and, with `--expose-gc`, the live heap's peak growth (sampled after full collections) and what is still held at
 * the end, with the result in hand.
 */
import { sampleLiveHeap } from '../lib/live-heap.js'
import { loadFacade, loadStats } from '../lib/workspace-modules.js'

const mode = process.argv[2] ?? 'compare'
const items = Number(process.argv[3] ?? 10_000)
const BASE_URL = 'http://127.0.0.1:9/openai'
const EVAL_ID = 'eval_bench'
/** The head run lost the first 1% of the base run's items and gained as many; one item in ten changed verdict. */
const SHIFT = Math.ceil(items / 100)

function outputItem(run: 'base' | 'head', index: number) {
  const flips = run === 'head' && index % 10 === 3
  const passed = (index % 7 !== 0) !== flips
  const question = `Question ${index}: how do I move my workspace to another region without losing history? `
  return {
    object: 'eval.run.output_item',
    id: `outputitem_${run}_${index.toString(16).padStart(8, '0')}`,
    run_id: `evalrun_${run}`,
    eval_id: EVAL_ID,
    created_at: 1_767_312_100 + index,
    status: passed ? 'pass' : 'fail',
    datasource_item_id: index,
    datasource_item: { input: question.repeat(3), expected: 'Settings → Workspace → Region. '.repeat(6) },
    results: ['Exact answer', 'Tone', 'Helpfulness'].map((name, g) => ({
      name,
      type: g === 2 ? 'score_model' : 'string_check',
      score: g === 2 ? (passed ? 0.82 : 0.41) : passed ? 1 : 0,
      passed: g === 1 ? true : passed,
      sample: null,
    })),
    sample: {
      input: [{ role: 'user', content: question.repeat(3) }],
      output: [
        { role: 'assistant', content: `Here is how, step by step: ${'open the settings, '.repeat(60)}` },
      ],
      finish_reason: 'stop',
      model: 'gpt-4o-mini',
      usage: { prompt_tokens: 120, completion_tokens: 300, total_tokens: 420, cached_tokens: 0 },
      error: { code: '', message: '' },
      temperature: 1,
      max_completion_tokens: 512,
      top_p: 1,
      seed: 42,
    },
  }
}

const headers = { 'content-type': 'application/json' }
const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers })

/** Answers the three OpenAI endpoints a comparison reads, generating each page on request. */
async function fetchStub(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const parts = url.pathname.split('/')
  if (parts.at(-1) === 'output_items') {
    const run = parts.at(-2) === 'evalrun_head' ? 'head' : 'base'
    const first = run === 'head' ? SHIFT : 0
    const after = url.searchParams.get('after')
    const start = after === null ? first : Number.parseInt(after.slice(-8), 16) + 1
    const end = Math.min(first + items, start + Number(url.searchParams.get('limit') ?? 20))
    const data = []
    for (let index = start; index < end; index++) data.push(outputItem(run, index))
    return answer({
      object: 'list',
      data,
      first_id: data[0]?.id ?? '',
      last_id: data.at(-1)?.id ?? '',
      has_more: end < first + items,
    })
  }
  if (parts.at(-2) === 'runs') {
    const id = parts.at(-1)
    return answer({
      object: 'eval.run',
      id,
      eval_id: EVAL_ID,
      name: id,
      status: 'completed',
      model: 'gpt-4o-mini',
      created_at: 1_767_312_000,
      report_url: 'https://platform.openai.com/evaluations',
      result_counts: { total: items, errored: 0, failed: 0, passed: items },
      per_testing_criteria_results: [],
      per_model_usage: [],
      data_source: { type: 'jsonl', source: { type: 'file_id', id: 'file-bench' } },
      metadata: {},
      error: { code: '', message: '' },
    })
  }
  return answer({ object: 'eval', id: EVAL_ID, name: 'Bench', created_at: 1_767_225_600, metadata: {} })
}

const { createEvalrun } = await loadFacade()
const evalrun = createEvalrun({
  fetch: fetchStub,
  retry: false,
  datalab: false,
  promptlayer: false,
  humanloop: false,
  openai: { apiKey: 'sk-bench', baseUrl: BASE_URL },
  braintrust: false,
  langfuse: false,
  phoenix: false,
  onWarning: () => {},
})
// Loaded before the clock starts, as an app would at start-up.
const stats = mode === 'significance' ? await loadStats() : undefined
const base = `openai:${EVAL_ID}/evalrun_base`
const head = `openai:${EVAL_ID}/evalrun_head`

async function work(): Promise<unknown> {
  if (mode === 'compare') return evalrun.runs.compare(base, head)
  if (mode === 'significance') return evalrun.runs.compare(base, head, { stats })
  if (mode === 'stream') {
    let count = 0
    for (const ref of [base, head]) for await (const _item of evalrun.runs.results(ref)) count++
    return count
  }
  // Holding: both runs' items whole, then the same join by key.
  const read = async (ref: string) => {
    const all = []
    for await (const item of evalrun.runs.results(ref)) all.push(item)
    return all
  }
  const [baseItems, headItems] = [await read(base), await read(head)]
  const byKey = new Map(baseItems.map((item) => [item.key, item]))
  const changed = headItems.filter((item) => byKey.get(item.key)?.status !== item.status)
  return { baseItems, headItems, changed }
}

const heap = sampleLiveHeap(25)
const started = performance.now()
const result = await work()
const ms = performance.now() - started
// Sampled once more with the result still in hand: the peak of a comparison is its end.
const { peakGrowthKb, heldNowKb: heldKb } = heap.stop()
const summary =
  typeof result === 'object' && result !== null && 'summary' in result
    ? (result as { summary: Record<string, unknown> }).summary
    : null
process.stdout.write(
  `${JSON.stringify({
    items,
    ms,
    liveGrowthKb: peakGrowthKb,
    heldKb,
    regressed: summary?.regressed ?? null,
  })}\n`,
)
