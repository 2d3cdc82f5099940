import type { EvaluationLog } from '@evalrun/humanloop'
import type { EvalRunOutputItem } from '@evalrun/openai'
import type { EvaluationRowsResponse } from '@evalrun/promptlayer'
import { collect, fakeFetch, json } from '@evalrun/test-support'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EvalItem } from '../src/core/model.js'
import { createEvalrun } from '../src/index.js'
import { mapBraintrustItem } from '../src/vendors/braintrust/map-item.js'
import { mapDatalabItem } from '../src/vendors/datalab/map-item.js'
import { mapHumanloopItem } from '../src/vendors/humanloop/map-item.js'
import { mapLangfuseItem } from '../src/vendors/langfuse/map-item.js'
import { UNKNOWN_SCALES } from '../src/vendors/langfuse/map-score-configs.js'
import { mapOpenAIItem } from '../src/vendors/openai/map-item.js'
import { mapPhoenixItem } from '../src/vendors/phoenix/map-item.js'
import { promptLayerCellOutcome } from '../src/vendors/promptlayer/map-cell-outcome.js'
import { mapPromptLayerItem } from '../src/vendors/promptlayer/map-item.js'
import { braintrustEvent } from './fixtures/braintrust.js'
import { datalabResults } from './fixtures/datalab.js'
import { humanloopLogs } from './fixtures/humanloop.js'
import { booleanScore, langfuseItem, numericScore } from './fixtures/langfuse.js'
import { openaiItem } from './fixtures/openai.js'
import { annotation, exportRecord } from './fixtures/phoenix.js'
import { promptlayerJudgedRows, promptlayerReport, promptlayerScore } from './fixtures/promptlayer.js'
import { vendorOptions } from './helpers/vendor-options.js'

/** The share of verdicts that passed, errored items in neither: what `--min-pass-rate` counts from items. */
function passRate(items: EvalItem[]): number | null {
  const passed = items.filter((item) => item.status === 'passed').length
  const failed = items.filter((item) => item.status === 'failed').length
  return passed + failed === 0 ? null : passed / (passed + failed)
}

type Row = EvaluationRowsResponse['rows'][number]

function promptlayerRow(...evalCells: Row): EvalItem<'promptlayer'> {
  const cells: Row = [{ type: 'dataset', value: 'Where is my order?' }, ...evalCells]
  return mapPromptLayerItem(
    cells,
    ['question', ...evalCells.map((_, i) => `eval ${i + 1}`)],
    1,
    'promptlayer:33',
  )
}

describe('PromptLayer: a cell’s status says whether it ran; its value is the verdict', () => {
  it('fails a row whose cells ran (PASSED) but whose boolean column is false', () => {
    const row = promptlayerRow(
      { type: 'eval', status: 'PASSED', value: 'It shipped yesterday.' },
      { type: 'eval', status: 'PASSED', value: false },
    )
    expect(row.status).toBe('failed')
    expect(row.judgements).toEqual([
      expect.objectContaining({ name: 'eval 2', kind: 'boolean', value: false, passed: false }),
    ])
  })

  it('gives a run of 14 rows, 4 judged false, a pass rate of 10/14, not 1', async () => {
    const { fetch } = fakeFetch({
      'GET /pl/reports/{id}': () => json(promptlayerReport),
      'GET /pl/reports/{id}/score': () => json(promptlayerScore),
      'GET /pl/api/public/v2/evaluations/{id}/rows': () => json(promptlayerJudgedRows),
    })
    const evalrun = createEvalrun(vendorOptions(fetch))
    const items = await collect(evalrun.runs.results('promptlayer:33'))
    expect(items.map((item) => item.status).filter((status) => status === 'failed')).toHaveLength(4)
    expect(items[2]).toMatchObject({ key: 'row 3', status: 'failed', vendorStatus: 'PASSED,PASSED,PASSED' })
    expect(passRate(items)).toBeCloseTo(10 / 14)
    expect(passRate(items)).toBeLessThan(0.95)
  })

  it.each([
    // [status, value, error_message, outcome]
    ['PASSED', true, null, 'passed'],
    ['COMPLETED', true, null, 'passed'],
    ['PASSED', false, null, 'failed'],
    ['FAILED', false, null, 'failed'],
    ['PASSED', 0.42, null, 'completed'],
    ['PASSED', 'Open Settings.', null, 'completed'],
    ['FAILED', null, 'Provider error: upstream model timed out', 'error'],
    ['FAILED', true, null, 'error'],
    ['PASSED', true, 'Scorer crashed', 'error'],
    ['ERROR', null, null, 'error'],
    ['RUNNING', null, null, 'pending'],
    ['QUEUED', false, null, 'pending'],
    ['SKIPPED', null, null, 'skipped'],
    ['SKIPPED', null, 'Upstream cell failed', 'error'],
    ['WEIRD', true, null, 'unknown'],
    ['WEIRD', false, null, 'failed'],
  ] as const)('a %s cell with %j (error %j) is %s', (status, value, error, outcome) => {
    expect(promptLayerCellOutcome(status, value, error)).toBe(outcome)
  })

  it('never passes a row with a false value or an errored cell, nor one without a true value', () => {
    const cell = fc.record(
      {
        type: fc.constant('eval' as const),
        status: fc.constantFrom(
          'PASSED',
          'COMPLETED',
          'FAILED',
          'ERROR',
          'RUNNING',
          'SKIPPED',
          'passed',
          'ODD',
        ),
        value: fc.oneof(fc.boolean(), fc.double(), fc.string(), fc.constant(null)),
        error_message: fc.oneof(fc.constant(null), fc.string()),
      },
      { requiredKeys: ['type', 'status'] },
    )
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 5 }), (cells) => {
        const row = promptlayerRow(...cells)
        if (cells.some((c) => c.value === false && c.status !== 'RUNNING')) expect(row.status).toBe('failed')
        if (row.status === 'passed') {
          expect(cells.some((c) => c.value === true)).toBe(true)
          expect(cells.some((c) => c.error_message || /^(FAILED|ERROR|ODD)$/.test(c.status))).toBe(false)
          expect(row.judgements.every((j) => j.passed !== false)).toBe(true)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('ranks a row by its worst cell, a judgement of false above an error elsewhere', () => {
    const ran = { type: 'eval', status: 'PASSED', value: true } as const
    const wrong = { type: 'eval', status: 'PASSED', value: false } as const
    const errored = { type: 'eval', status: 'FAILED', value: null, error_message: 'timeout' } as const
    const number = { type: 'eval', status: 'PASSED', value: 0.9 } as const
    const skipped = { type: 'eval', status: 'SKIPPED', value: null } as const
    expect(promptlayerRow(ran, errored).status).toBe('error')
    expect(promptlayerRow(wrong, errored).status).toBe('failed')
    expect(promptlayerRow(ran, number).status).toBe('passed')
    expect(promptlayerRow(ran, skipped).status).toBe('passed')
    // Cells that ran with no boolean give no verdict: the row is completed, never passed.
    expect(promptlayerRow(number, { type: 'eval', status: 'PASSED', value: 'text' }).status).toBe('completed')
    expect(promptlayerRow(skipped).status).toBe('skipped')
    // An errored cell's value judges nothing, and a number has no verdict of its own (no declared threshold).
    const row = promptlayerRow({ ...errored, value: true }, number)
    expect(row.judgements.map((j) => [j.name, j.passed])).toEqual([['eval 2', null]])
  })
})

describe('OpenAI: by the graders’ verdicts and the item’s pass/fail', () => {
  it('fails an item a grader failed, even when its status says pass', () => {
    const item = openaiItem('oi_1', 'pass', 1)
    const graded = {
      ...item,
      results: [item.results[0]!, { name: 'Polite', type: 'label_model', score: 0, passed: false }],
    } satisfies EvalRunOutputItem
    const mapped = mapOpenAIItem(graded, 'openai:e/r')
    expect(mapped.status).toBe('failed')
    expect(mapped.warnings).toContain('OpenAI says the item passed, but a grader failed it; it is failed.')
  })

  it('passes only a pass with no failing grader; a sample error is an error; an unknown word is unknown', () => {
    expect(mapOpenAIItem(openaiItem('oi_1', 'pass', 1), 'openai:e/r').status).toBe('passed')
    expect(mapOpenAIItem(openaiItem('oi_2', 'fail', 2), 'openai:e/r').status).toBe('failed')
    const errored = openaiItem('oi_3', 'fail', 3)
    errored.sample.error = { code: 'server_error', message: 'The model timed out' }
    expect(mapOpenAIItem(errored, 'openai:e/r').status).toBe('error')
    const odd = { ...openaiItem('oi_4', 'pass', 4), status: 'graded' } satisfies EvalRunOutputItem
    expect(mapOpenAIItem(odd, 'openai:e/r').status).toBe('unknown')
  })
})

describe('Humanloop: by the boolean judgements', () => {
  const [passing, failing] = humanloopLogs.records
  it('fails an item with a false judgement even when another evaluator errored', () => {
    const mixed = {
      ...failing!,
      evaluator_logs: [
        ...failing!.evaluator_logs,
        { id: 'elog_9', evaluator_logs: [], judgment: null, error: 'Evaluator timed out' },
      ],
    } satisfies EvaluationLog
    expect(mapHumanloopItem(mixed, 'humanloop:e/r').status).toBe('failed')
  })

  it('errs an item whose passing judgement sits beside an evaluator error', () => {
    const mixed = {
      ...passing!,
      evaluator_logs: [
        ...passing!.evaluator_logs,
        { id: 'elog_9', evaluator_logs: [], judgment: null, error: 'Evaluator timed out' },
      ],
    } satisfies EvaluationLog
    expect(mapHumanloopItem(mixed, 'humanloop:e/r').status).toBe('error')
    expect(mapHumanloopItem(passing, 'humanloop:e/r').status).toBe('passed')
  })

  it('gives a number judgement alone no verdict', () => {
    const scored = { ...passing!, evaluator_logs: [{ id: 'elog_1', evaluator_logs: [], judgment: 0.2 }] }
    expect(mapHumanloopItem(scored, 'humanloop:e/r').status).toBe('completed')
  })
})

describe('Langfuse: by the boolean scores', () => {
  it('fails an item with a false score even when its trace is at level ERROR', () => {
    const item = langfuseItem('i1', { level: 'ERROR', scores: [booleanScore('exact_match', false)] })
    expect(mapLangfuseItem(item, 'langfuse:exp_1', UNKNOWN_SCALES).status).toBe('failed')
  })

  it('errs an errored item without a false score, and gives numbers alone no verdict', () => {
    const errored = langfuseItem('i2', { level: 'ERROR', scores: [booleanScore('exact_match', true)] })
    expect(mapLangfuseItem(errored, 'langfuse:exp_1', UNKNOWN_SCALES).status).toBe('error')
    const scored = langfuseItem('i3', { scores: [numericScore('correctness', 0.1)] })
    expect(mapLangfuseItem(scored, 'langfuse:exp_1', UNKNOWN_SCALES).status).toBe('completed')
  })
})

describe('Phoenix: scores and labels without verdicts, never passing an unjudged run', () => {
  const context = (runOver: boolean) => ({
    runRef: 'phoenix:e',
    scales: new Map(),
    evaluationNames: new Set(['correctness', 'helpfulness']),
    runOver,
  })

  it('gives every evaluation that ran no verdict, however low', () => {
    const low = exportRecord(1, {
      annotations: [
        annotation('correctness', { score: 0, label: 'incorrect' }),
        annotation('helpfulness', { score: 1 }),
      ],
    })
    expect(mapPhoenixItem(low, context(true)).status).toBe('completed')
  })

  it('errs a run whose task failed, whose evaluator failed, or that lacks an evaluation once the experiment is over', () => {
    expect(mapPhoenixItem(exportRecord(1, { error: 'TimeoutError' }), context(true)).status).toBe('error')
    const failedEvaluator = exportRecord(2, {
      annotations: [
        annotation('correctness', { error: 'RateLimitError' }),
        annotation('helpfulness', { score: 4 }),
      ],
    })
    expect(mapPhoenixItem(failedEvaluator, context(false)).status).toBe('error')
    const missing = exportRecord(3, { annotations: [annotation('correctness', { score: 1 })] })
    expect(mapPhoenixItem(missing, context(true)).status).toBe('error')
    expect(mapPhoenixItem(missing, context(false)).status).toBe('pending')
  })
})

describe('Braintrust and Datalab: scores without verdicts', () => {
  it('never passes or fails a Braintrust case, however low its scores', () => {
    const low = braintrustEvent('ev1', { scores: { Factuality: 0, Levenshtein: 0 } })
    expect(mapBraintrustItem(low, 'braintrust:e1').status).toBe('completed')
    const errored = braintrustEvent('ev2', { error: 'Task raised TypeError' })
    expect(mapBraintrustItem(errored, 'braintrust:e1').status).toBe('error')
  })

  it('never passes or fails a Datalab file, however low its score', () => {
    const low = { ...datalabResults.file_results[0]!, eval_score: 0.01 }
    expect(mapDatalabItem(low, 'datalab:1').status).toBe('completed')
  })
})
