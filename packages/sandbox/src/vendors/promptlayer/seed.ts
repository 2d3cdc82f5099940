import { MODELS, RUN_ADJECTIVES } from '../../names.js'
import { rngFor } from '../../prng.js'
import { planRuns, suiteCreatedMs } from '../history.js'
import { type PromptLayerColumn, type PromptLayerDataset, PromptLayerModel } from './model.js'
import { PROMPTLAYER_PIPELINES, PROMPTLAYER_USERS } from './names.js'

/** PromptLayer's seeded data: the same seed, suites and run count give the same data. */
export function seedPromptLayer(
  seed: number,
  suites: number,
  runCount: number,
  nowMs: number,
): PromptLayerModel {
  const model = new PromptLayerModel(seed)
  for (let s = 0; s < suites; s++) seedPipeline(model, s, nowMs)
  const planned = planRuns(
    seed,
    'promptlayer',
    runCount,
    suites,
    nowMs,
    (suite) => model.datasetOf(model.reports.get(suite + 1)!).rows,
  )
  for (const plan of planned) {
    const random = plan.random
    const pipeline = model.reports.get(plan.suite + 1)!
    const roll = random.float()
    model.addRun(pipeline, {
      name: `${random.pick(RUN_ADJECTIVES)} ${random.pick(MODELS)} #${plan.order + 1}`,
      createdMs: plan.createdMs,
      userId: random.pick(PROMPTLAYER_USERS).id,
      datasetId: pipeline.datasetId,
      outcome: roll < 0.9 ? 'ok' : roll < 0.95 ? 'all_failed' : 'score_error',
      quality: 0.5 + random.float() * 0.45,
    })
  }
  return model
}

function seedPipeline(model: PromptLayerModel, suite: number, nowMs: number): void {
  const random = rngFor(model.seed, 'promptlayer', 'pipeline', suite)
  const dataset: PromptLayerDataset = {
    id: 101 + suite,
    groupId: 201 + suite,
    rows: random.int(5, 30),
    offset: suite,
  }
  model.datasets.set(dataset.id, dataset)
  const base = PROMPTLAYER_PIPELINES[suite % PROMPTLAYER_PIPELINES.length]!
  const evalColumns: Array<Omit<PromptLayerColumn, 'id' | 'position'>> = [
    {
      name: 'Answer',
      column_type: 'PROMPT_TEMPLATE',
      is_part_of_score: false,
      configuration: { template: { name: 'support-answer' } },
    },
    {
      name: 'Correct',
      column_type: 'LLM_ASSERTION',
      is_part_of_score: true,
      configuration: { source: 'Answer', prompt: 'Is the answer correct?' },
    },
  ]
  if (suite % 3 === 1) {
    evalColumns.push({
      name: 'Cites source',
      column_type: 'CONTAINS',
      is_part_of_score: true,
      configuration: { source: 'Answer', value: 'http' },
    })
  }
  if (suite % 3 === 2) {
    evalColumns.push({
      name: 'Similarity',
      column_type: 'COSINE_SIMILARITY',
      is_part_of_score: false,
      configuration: { source1: 'Answer', source2: 'expected_answer' },
    })
  }
  const createdMs = suiteCreatedMs(nowMs, suite)
  model.addReport({
    id: suite + 1,
    name:
      suite < PROMPTLAYER_PIPELINES.length
        ? base
        : `${base} #${Math.floor(suite / PROMPTLAYER_PIPELINES.length) + 1}`,
    comment: null,
    isBlueprint: true,
    deleted: false,
    createdMs,
    updatedMs: createdMs,
    userId: PROMPTLAYER_USERS[suite % PROMPTLAYER_USERS.length]!.id,
    folderId: null,
    datasetId: dataset.id,
    parentId: null,
    tags: suite === 0 ? ['production'] : null,
    scoreConfiguration:
      suite % 3 === 2
        ? {
            code: 'return {"score": sum(r["Correct"] for r in data) / len(data) * 100}',
            code_language: 'PYTHON',
          }
        : null,
    externalIds: [],
    columns: model.makeColumns(evalColumns.map((column) => ({ ...column, position: null }))),
    outcome: 'ok',
    quality: 0,
  })
}
