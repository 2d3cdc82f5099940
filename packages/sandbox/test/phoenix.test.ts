import { createPhoenixClient, type Experiment, type ExperimentsPage, request } from '@evalrun/phoenix'
import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'
import { raw } from './helpers.js'

// Phoenix in the sandbox: a bearer key on a spec that declares no auth, cursor paging, experiments over the same
// examples with repetitions, runs and evaluations that move with the clock, the export as text.
const opened: Sandbox[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sb) => sb.close()))
})
async function open(options: Parameters<typeof startSandbox>[0] = {}) {
  const sb = await startSandbox({ clock: 'manual', ...options })
  opened.push(sb)
  const { quietPeriodMs: _quiet, scoreScales: _scales, ...clientOptions } = sb.clientOptions.phoenix
  return { sb, phoenix: createPhoenixClient({ ...clientOptions, retry: false }) }
}
const bearer = (sb: Sandbox) => ({ key: `Bearer ${sb.apiKeys.phoenix}`, header: 'Authorization' })

async function everyExperiment(sb: Sandbox, phoenix: ReturnType<typeof createPhoenixClient>) {
  const all: Experiment[] = []
  for (const { id } of sb.catalog.phoenix.datasets) {
    for (let cursor: string | null = null; ; ) {
      const page: ExperimentsPage = await request(phoenix, 'GET', '/v1/datasets/{dataset_id}/experiments', {
        params: { path: { dataset_id: id }, query: { limit: 4, cursor } },
      })
      all.push(...page.data)
      if (page.next_cursor === null) break
      cursor = page.next_cursor
    }
  }
  return all
}

describe('Phoenix in the sandbox', () => {
  it('takes the key as a bearer token, and answers 401 in text without it or with another', async () => {
    const { sb } = await open()
    const url = `${sb.urls.phoenix}/v1/datasets`
    expect((await raw(url, bearer(sb))).status).toBe(200)
    for (const init of [
      {},
      { key: sb.apiKeys.phoenix, header: 'Authorization' },
      { key: 'Bearer wrong', header: 'Authorization' },
    ]) {
      const answer = await raw(url, init)
      expect(answer.status).toBe(401)
      expect(answer.text).toBe('Invalid token')
    }
  })

  it('seeds experiments over the same examples, some repeated, with failed runs and incomplete evaluations', async () => {
    const { sb, phoenix } = await open({ runs: 40, suites: 3 })
    sb.clock.advance(3_600_000)
    const experiments = await everyExperiment(sb, phoenix)
    expect(experiments).toHaveLength(40)
    for (const experiment of experiments) {
      const dataset = sb.catalog.phoenix.datasets.find((candidate) => candidate.id === experiment.dataset_id)!
      expect(experiment.example_count).toBe(dataset.examples)
      expect(
        experiment.successful_run_count + experiment.failed_run_count + experiment.missing_run_count,
      ).toBe(dataset.examples * experiment.repetitions)
    }
    expect(new Set(experiments.map((experiment) => experiment.repetitions))).toEqual(new Set([1, 3]))
    expect(experiments.some((experiment) => experiment.failed_run_count > 0)).toBe(true)
    expect(experiments.some((experiment) => experiment.missing_run_count > 0)).toBe(true)
    let incompleteEvaluations = 0
    for (const experiment of experiments) {
      const page = await request(phoenix, 'GET', '/v1/experiments/{experiment_id}/incomplete-evaluations', {
        params: { path: { experiment_id: experiment.id }, query: { evaluation_name: ['correctness'] } },
      })
      incompleteEvaluations += page.data.length
    }
    expect(incompleteEvaluations).toBeGreaterThan(0)
  })

  it('records runs and their evaluations as the clock moves, and serves the export as text', async () => {
    const { sb, phoenix } = await open({ runs: 30, suites: 2 })
    const running = (await everyExperiment(sb, phoenix)).find(
      (experiment) => experiment.missing_run_count > 0,
    )!
    const path = { experiment_id: running.id }
    const before = running.successful_run_count + running.failed_run_count
    sb.clock.advance(2_000)
    const later = (await request(phoenix, 'GET', '/v1/experiments/{experiment_id}', { params: { path } }))
      .data
    expect(later.successful_run_count + later.failed_run_count).toBeGreaterThan(before)
    expect(Date.parse(later.updated_at)).toBeGreaterThan(Date.parse(running.updated_at))
    const exported = await raw(`${sb.urls.phoenix}/v1/experiments/${running.id}/json`, bearer(sb))
    expect(exported.headers.get('content-type')).toMatch(/^text\/plain/)
    const records = exported.json() as Array<{
      example_id: string
      repetition_number: number
      annotations: unknown[]
    }>
    expect(records).toHaveLength(later.successful_run_count + later.failed_run_count)
    const runs = await request(phoenix, 'GET', '/v1/experiments/{experiment_id}/runs', { params: { path } })
    expect(new Set(runs.data.map((run) => `${run.dataset_example_id}#${run.repetition_number}`))).toEqual(
      new Set(records.map((record) => `${record.example_id}#${record.repetition_number}`)),
    )
  })

  it('answers as Phoenix does: 404 for an export without runs, 422 for a bad cursor, 400 without evaluation names', async () => {
    const { sb, phoenix } = await open({ runs: 30, suites: 2 })
    const experiments = await everyExperiment(sb, phoenix)
    const empty = experiments.find(
      (experiment) => experiment.successful_run_count + experiment.failed_run_count === 0,
    )
    if (empty) {
      const answer = await raw(`${sb.urls.phoenix}/v1/experiments/${empty.id}/json`, bearer(sb))
      expect([answer.status, answer.text]).toEqual([404, 'Experiment has no runs'])
    }
    const dataset = sb.catalog.phoenix.datasets[0]!.id
    const badCursor = await raw(
      `${sb.urls.phoenix}/v1/datasets/${dataset}/experiments?cursor=nope`,
      bearer(sb),
    )
    expect([badCursor.status, badCursor.text]).toEqual([422, 'Invalid cursor format'])
    const noNames = await raw(
      `${sb.urls.phoenix}/v1/experiments/${experiments[0]!.id}/incomplete-evaluations`,
      bearer(sb),
    )
    expect(noNames.status).toBe(400)
    const unknown = await raw(`${sb.urls.phoenix}/v1/experiments/RXhwZXJpbWVudDo5OTk5/json`, bearer(sb))
    expect(unknown.status).toBe(404)
  })
})
