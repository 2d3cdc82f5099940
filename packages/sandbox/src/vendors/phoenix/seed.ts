import { MODELS, RUN_ADJECTIVES } from '../../names.js'
import { rngFor } from '../../prng.js'
import { planRuns, suiteCreatedMs } from '../history.js'
import { globalId, iso, type PhoenixDataset, type PhoenixExperiment, PhoenixModel } from './model.js'

const DATASET_NAMES = ['qa-golden-set', 'support-replies', 'rag-faithfulness']
/** Each dataset's evaluators, in turn: a score with a label beside a 1..5 rating, a score beside a label, one alone. */
const EVALUATORS: readonly (readonly string[])[] = [
  ['correctness', 'helpfulness'],
  ['correctness', 'tone'],
  ['correctness'],
]

/** Phoenix's seeded data: the same seed, suites and run count give the same data. */
export function seedPhoenix(seed: number, suites: number, runCount: number, nowMs: number): PhoenixModel {
  const model = new PhoenixModel(seed)
  const datasets: PhoenixDataset[] = []
  let exampleRow = 0
  for (let s = 0; s < suites; s++) {
    const random = rngFor(seed, 'phoenix', 'suite', s)
    const examples = random.int(4, 12)
    const base = DATASET_NAMES[s % DATASET_NAMES.length]!
    const rowId = s + 1
    const dataset: PhoenixDataset = {
      id: globalId('Dataset', rowId),
      rowId,
      name: s < DATASET_NAMES.length ? base : `${base}-${Math.floor(s / DATASET_NAMES.length) + 1}`,
      description: random.chance(0.5) ? `Curated ${base} examples` : null,
      createdMs: suiteCreatedMs(nowMs, s),
      versionId: globalId('DatasetVersion', rowId),
      exampleIds: Array.from({ length: examples }, () => globalId('DatasetExample', ++exampleRow)),
      evaluators: EVALUATORS[s % EVALUATORS.length]!,
    }
    model.datasets.set(dataset.id, dataset)
    datasets.push(dataset)
  }
  const plans = planRuns(seed, 'phoenix', runCount, suites, nowMs, (suite, random) => {
    // About a third of the experiments repeat every example three times.
    return datasets[suite]!.exampleIds.length * (random.chance(0.35) ? 3 : 1)
  })
  for (const plan of plans) {
    const random = plan.random
    const dataset = datasets[plan.suite]!
    const modelName = random.pick(MODELS)
    // About one in twenty scripts stopped part-way: its remaining runs stay missing.
    const stopped = plan.items > 1 && random.chance(0.05)
    const rowId = plan.order + 1
    const experiment: PhoenixExperiment = {
      id: globalId('Experiment', rowId),
      rowId,
      datasetId: dataset.id,
      name: `${random.pick(RUN_ADJECTIVES)}-${modelName}-${iso(plan.createdMs).slice(0, 10)}`,
      description: random.chance(0.5) ? `${dataset.name} on ${modelName}` : null,
      model: modelName,
      repetitions: plan.items / dataset.exampleIds.length,
      createdMs: plan.createdMs,
      runsRecorded: stopped ? random.int(1, plan.items - 1) : plan.items,
      quality: 0.5 + random.float() * 0.45,
      // About one in seven have runs that fail, and about a third evaluations that fail or never come.
      flakyTask: random.chance(0.15),
      flakyEvaluators: random.chance(0.3),
    }
    model.experiments.set(experiment.id, experiment)
  }
  return model
}
