import { DOCUMENT_STEMS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { planRuns, suiteCreatedMs } from '../history.js'
import { type DatalabCollection, DatalabModel, type DatalabOutcome } from './model.js'
import { DATALAB_COLLECTIONS, DATALAB_RUBRICS } from './names.js'

const PIPELINE_TYPES = ['convert', 'convert', 'convert', 'extract', 'extract', 'segment']
const RUBRIC_COUNT = DATALAB_RUBRICS.length

/** Datalab's seeded data: the rubrics, `suites` collections of files and `runCount` batch runs spread over them. */
export function seedDatalab(seed: number, suites: number, runCount: number, nowMs: number): DatalabModel {
  const model = new DatalabModel(seed)
  for (let r = 0; r < RUBRIC_COUNT; r++) seedRubric(model, r, nowMs)
  for (let s = 0; s < suites; s++) seedCollection(model, s, nowMs)
  const collectionAt = (suite: number): DatalabCollection => model.collections.get(suite + 1)!
  const planned = planRuns(
    seed,
    'datalab',
    runCount,
    suites,
    nowMs,
    (suite) => collectionAt(suite).files.length,
  )
  for (const plan of planned) {
    const random = plan.random
    const roll = random.float()
    const outcome: DatalabOutcome = roll < 0.8 ? 'completed' : roll < 0.9 ? 'completed_with_errors' : 'failed'
    const collection = collectionAt(plan.suite)
    const custom = random.chance(0.1)
    model.addRun({
      id: plan.order + 1,
      collectionId: collection.id,
      rubricId: custom && random.chance(0.5) ? null : random.int(1, RUBRIC_COUNT),
      pipelineId: custom ? `cp_${random.hex(5).toUpperCase()}` : null,
      pipelineType: random.pick(PIPELINE_TYPES),
      createdMs: plan.createdMs,
      files: collection.files.slice(),
      outcome,
      failAfterItems: outcome === 'failed' ? random.int(0, Math.max(0, plan.items - 1)) : null,
      quality: 0.55 + random.float() * 0.4,
    })
  }
  return model
}

function seedRubric(model: DatalabModel, index: number, nowMs: number): void {
  const template = DATALAB_RUBRICS[index]!
  const createdMs = suiteCreatedMs(nowMs, 10 + index)
  model.rubrics.set(index + 1, {
    id: index + 1,
    name: template.name,
    description: `Scores ${template.criteria.join(', ').replaceAll('_', ' ')}.`,
    eval_definition: { criteria: template.criteria.map((name) => ({ name, weight: 1 })), scale: [0, 1] },
    source: 'manual',
    source_processor_id: null,
    archived: false,
    version: 1,
    createdMs,
    updatedMs: createdMs,
  })
}

function seedCollection(model: DatalabModel, suite: number, nowMs: number): void {
  const random = rngFor(model.seed, 'datalab', 'collection', suite)
  const base = DATALAB_COLLECTIONS[suite % DATALAB_COLLECTIONS.length]!
  const name =
    suite < DATALAB_COLLECTIONS.length
      ? base
      : `${base} #${Math.floor(suite / DATALAB_COLLECTIONS.length) + 1}`
  const createdMs = suiteCreatedMs(nowMs, suite)
  const collection: DatalabCollection = {
    id: suite + 1,
    name,
    description: null,
    createdMs,
    updatedMs: createdMs,
    files: [],
  }
  const count = random.int(5, 24)
  for (let f = 0; f < count; f++) {
    const filename = `${random.pick(DOCUMENT_STEMS)}-${String(f + 1).padStart(3, '0')}.pdf`
    collection.files.push(model.newFile(filename, f, random.int(40_000, 4_000_000)))
  }
  model.collections.set(collection.id, collection)
}
