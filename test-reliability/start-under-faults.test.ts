import { type Sandbox, type SandboxVendor, startSandbox } from '@evalrun/sandbox'
import { collect } from '@evalrun/test-support'
import {
  type Evalrun,
  EvalrunApiError,
  EvalrunOutcomeUnknownError,
  type StartRunInput,
  type Vendor,
} from 'evalrun'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordFigures } from './support/figures.js'
import { sandboxEvalrun } from './support/sandbox-evalrun.js'

const CALLS = 100
const FAULT_RATE = 0.25
// The vendors the facade can start runs on (the sandbox serves more).
const VENDORS = [
  'datalab',
  'promptlayer',
  'humanloop',
  'openai',
  'braintrust',
] as const satisfies readonly SandboxVendor[]
type StartVendor = (typeof VENDORS)[number]
const NAME_PREFIX = 'reliability-start-'

type Outcome =
  | { kind: 'started'; vendor: Vendor; ref: string; warnings: string[] }
  | { kind: 'not-started'; vendor: Vendor; status: number }
  | { kind: 'unknown'; vendor: Vendor; message: string }

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, runs: 30, clock: 'manual' })
})
afterAll(() => sandbox.close())

function startInput(vendor: StartVendor, call: number): StartRunInput {
  const { datalab, promptlayer, humanloop, openai, braintrust } = sandbox.catalog
  switch (vendor) {
    case 'datalab':
      return { vendor, collectionId: datalab.collections[0]!.id, rubricId: datalab.rubrics[0]!.id }
    case 'promptlayer':
      // A unique name per call: the one way to tell afterwards which call created which run.
      return { vendor, pipelineId: promptlayer.pipelines[0]!.id, name: `${NAME_PREFIX}${call}` }
    case 'humanloop':
      return {
        vendor,
        evaluationId: humanloop.evaluations[0]!.id,
        dataset: { versionId: humanloop.datasets[0]!.versionId },
        version: { versionId: humanloop.versions[0]!.versionId },
      }
    case 'openai':
      // Named per call as for PromptLayer, so that each call's run can be found afterwards.
      return {
        vendor,
        evalId: openai.evals[0]!.id,
        dataSource: structuredClone(openai.dataSource),
        name: `${NAME_PREFIX}${call}`,
      } as StartRunInput
    case 'braintrust': {
      // Named per call too; streamed, so that each start answers once its experiment exists.
      const project = braintrust.projects[0]!
      return {
        vendor,
        projectId: project.id,
        data: { dataset_id: project.datasetId },
        task: { function_id: project.taskFunctionId },
        scores: braintrust.scores,
        experimentName: `${NAME_PREFIX}${call}`,
      }
    }
  }
}

async function startOnce(evalrun: Evalrun, vendor: StartVendor, call: number): Promise<Outcome> {
  try {
    const run = await evalrun.runs.start(startInput(vendor, call) as never)
    return { kind: 'started', vendor, ref: run.ref, warnings: run.warnings }
  } catch (error) {
    if (EvalrunOutcomeUnknownError.isInstance(error))
      return { kind: 'unknown', vendor, message: error.message }
    // The vendor answered with an error: it says the run was not created.
    if (EvalrunApiError.isInstance(error)) return { kind: 'not-started', vendor, status: error.status }
    throw error
  }
}

const count = (outcomes: Outcome[], vendor: Vendor, kind: Outcome['kind']) =>
  outcomes.filter((o) => o.vendor === vendor && o.kind === kind).length

describe('runs.start under faults', () => {
  it('one run per reported success, none per "not started", unknown outcomes reconciled', async () => {
    const before = sandbox.stats()
    sandbox.setFaults({ rate: FAULT_RATE, seed: 5, latencyMs: 50, retryAfterSeconds: 0 })
    const evalrun = sandboxEvalrun(sandbox)
    const outcomes: Outcome[] = []
    for (let call = 0; call < CALLS; call++) {
      outcomes.push(await startOnce(evalrun, VENDORS[call % VENDORS.length]!, call))
    }
    sandbox.setFaults(null)
    const after = sandbox.stats()

    // Every kind of outcome occurred, or the test proves less than it claims.
    const kinds = new Set(outcomes.map((o) => o.kind))
    expect([...kinds].sort()).toEqual(['not-started', 'started', 'unknown'])

    for (const outcome of outcomes) {
      if (outcome.kind !== 'unknown') continue
      // Distinct type, and a message that says what happened and what to check.
      expect(outcome.message).toMatch(/was sent but .*may or may not have taken effect/)
      expect(outcome.message).toMatch(
        /Check in (Datalab|PromptLayer|Humanloop|OpenAI|Braintrust)\b.* before sending it again/,
      )
    }

    // The sandbox processed every request whose answer was lost (a reset or a truncated body comes after the
    // work is done), so each vendor now holds exactly one new run per success plus one per unknown outcome.
    const perVendor = VENDORS.map((vendor) => {
      const created = after.runs[vendor] - before.runs[vendor]
      const started = count(outcomes, vendor, 'started')
      const unknown = count(outcomes, vendor, 'unknown')
      const notStarted = count(outcomes, vendor, 'not-started')
      return { vendor, calls: started + unknown + notStarted, started, notStarted, unknown, created }
    })
    for (const row of perVendor) expect(row.created).toBe(row.started + row.unknown)

    // Each reported success is a distinct run that the vendor knows.
    const startedRefs = outcomes.flatMap((o) => (o.kind === 'started' ? [o.ref] : []))
    expect(new Set(startedRefs).size).toBe(startedRefs.length)
    for (const ref of startedRefs) expect((await evalrun.runs.get(ref)).ref).toBe(ref)

    // PromptLayer, OpenAI and Braintrust runs carry the call's name: check call by call.
    const named = ['promptlayer', 'openai', 'braintrust'] as const
    const names = (await collect(evalrun.runs.list({ vendors: [...named] })))
      .map((run) => `${run.vendor}/${run.name ?? ''}`)
      .filter((name) => name.includes(NAME_PREFIX))
    for (let call = 0; call < CALLS; call++) {
      const outcome = outcomes[call]!
      if (!(named as readonly string[]).includes(outcome.vendor)) continue
      const held = names.filter((name) => name === `${outcome.vendor}/${NAME_PREFIX}${call}`).length
      expect({ call, kind: outcome.kind, held }).toEqual({
        call,
        kind: outcome.kind,
        held: outcome.kind === 'not-started' ? 0 : 1,
      })
    }

    recordFigures('start-under-faults', {
      calls: CALLS,
      faultRate: FAULT_RATE,
      faultsInjected: after.faultsInjected - before.faultsInjected,
      requests: after.requests - before.requests,
      started: outcomes.filter((o) => o.kind === 'started').length,
      notStarted: outcomes.filter((o) => o.kind === 'not-started').length,
      outcomeUnknown: outcomes.filter((o) => o.kind === 'unknown').length,
      // Every Braintrust run carries its status rule as a warning: only read-back failures count here.
      startedWithReadBackWarning: outcomes.filter(
        (o) => o.kind === 'started' && o.warnings.some((warning) => /back failed/.test(warning)),
      ).length,
      perVendor,
    })
  }, 60_000)
})
