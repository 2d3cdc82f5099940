import type { EvalRunDataSource } from '@evalrun/openai'
import { MS_PER_ITEM, QUEUED_MS } from '../../lifecycle.js'
import { RUN_ADJECTIVES } from '../../names.js'
import { rngFor } from '../../prng.js'
import { planRuns, suiteCreatedMs } from '../history.js'
import { criteriaFor, id, type OpenAIEval, type OpenAIFile, OpenAIModel } from './model.js'
import { OPENAI_EVALS, OPENAI_MODELS } from './names.js'

/** OpenAI's seeded data: the same seed, suites and run count give the same data. */
export function seedOpenAI(seed: number, suites: number, runCount: number, nowMs: number): OpenAIModel {
  const model = new OpenAIModel(seed)
  const evals: OpenAIEval[] = []
  for (let s = 0; s < suites; s++) {
    const random = rngFor(seed, 'openai', 'suite', s)
    const base = OPENAI_EVALS[s % OPENAI_EVALS.length]!
    const name = s < OPENAI_EVALS.length ? base : `${base} ${Math.floor(s / OPENAI_EVALS.length) + 1}`
    const file: OpenAIFile = { id: `file-${rngFor(seed, 'openai-file', s).hex(22)}`, items: 0, offset: s }
    file.items = random.int(5, 30)
    model.files.set(file.id, file)
    const evaluation: OpenAIEval = {
      id: id('eval', seed, 32, s),
      seq: s,
      name,
      createdMs: suiteCreatedMs(nowMs, s),
      criteria: criteriaFor(s),
      file,
      metadata: { team: ['support', 'growth', 'platform'][s % 3]! },
    }
    model.evals.set(evaluation.id, evaluation)
    evals.push(evaluation)
  }
  for (const plan of planRuns(seed, 'openai', runCount, suites, nowMs, (suite) => evals[suite]!.file.items)) {
    const random = plan.random
    const evaluation = evals[plan.suite]!
    const modelName = random.pick(OPENAI_MODELS)
    // Most runs sample a model over the eval's file; some grade a file of pre-generated samples.
    const dataSource: EvalRunDataSource = random.chance(0.75)
      ? {
          type: 'completions',
          source: { type: 'file_id', id: evaluation.file.id },
          input_messages: { type: 'item_reference', item_reference: 'item.input' },
          model: modelName,
          sampling_params: { temperature: 1, max_completion_tokens: 512, top_p: 1, seed: 42 },
        }
      : { type: 'jsonl', source: { type: 'file_id', id: evaluation.file.id } }
    const roll = random.float()
    const run = model.addRun({
      evalId: evaluation.id,
      name: `${random.pick(RUN_ADJECTIVES)} ${modelName}`,
      model: modelName,
      createdMs: plan.createdMs,
      dataSource,
      rows: null,
      file: evaluation.file,
      items: plan.items,
      quality: 0.5 + random.float() * 0.45,
      metadata: {},
    })
    if (roll < 0.05) {
      // Canceled somewhere between queueing and the last item.
      run.canceledAtMs = plan.createdMs + random.int(0, QUEUED_MS + plan.items * MS_PER_ITEM - 1)
    } else if (roll < 0.1) {
      run.failAfterItems = random.int(0, Math.max(0, plan.items - 1))
    }
  }
  return model
}
