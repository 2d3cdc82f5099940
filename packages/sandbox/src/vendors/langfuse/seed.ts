import type { ScoreConfig } from '@evalrun/langfuse'
import { RUN_ADJECTIVES } from '../../names.js'
import { rngFor } from '../../prng.js'
import { planRuns, suiteCreatedMs } from '../history.js'
import {
  cuid,
  iso,
  type LangfuseDataset,
  type LangfuseExperiment,
  LangfuseModel,
  PROJECT_ID,
} from './model.js'
import { LANGFUSE_DATASETS, LANGFUSE_MODELS, TONES } from './names.js'

/** Langfuse's seeded data: the same seed, suites and run count give the same data. */
export function seedLangfuse(seed: number, suites: number, runCount: number, nowMs: number): LangfuseModel {
  const model = new LangfuseModel(seed)
  model.configs = scoreConfigs(nowMs)
  const datasets: LangfuseDataset[] = []
  for (let s = 0; s < suites; s++) {
    const random = rngFor(seed, 'langfuse', 'suite', s)
    const base = LANGFUSE_DATASETS[s % LANGFUSE_DATASETS.length]!
    const items = random.int(5, 30)
    const dataset: LangfuseDataset = {
      id: cuid(seed, 'dataset', s),
      seq: s,
      name: s < LANGFUSE_DATASETS.length ? base : `${base}-${Math.floor(s / LANGFUSE_DATASETS.length) + 1}`,
      createdMs: suiteCreatedMs(nowMs, s),
      itemIds: Array.from({ length: items }, (_, i) => cuid(seed, 'dataset-item', s, i)),
      // One run score, two (on scales that differ), or none: each of evalrun's score rules has a dataset.
      runScores: [['avg_correctness'], ['avg_correctness', 'avg_latency_s'], []][s % 3]!,
      latency: s % 2 === 1,
    }
    model.datasets.set(dataset.id, dataset)
    datasets.push(dataset)
  }
  for (const plan of planRuns(
    seed,
    'langfuse',
    runCount,
    suites,
    nowMs,
    (suite) => datasets[suite]!.itemIds.length,
  )) {
    const random = plan.random
    const dataset = datasets[plan.suite]!
    const modelName = random.pick(LANGFUSE_MODELS)
    // About one in twenty scripts stopped part-way: no more items, no run evaluators.
    const stopped = random.chance(0.05)
    const experiment: LangfuseExperiment = {
      id: cuid(seed, 'experiment', plan.order),
      seq: plan.order,
      datasetId: dataset.id,
      name: `${random.pick(RUN_ADJECTIVES)} ${modelName} - ${iso(plan.createdMs)}`,
      description: random.chance(0.5) ? `Nightly ${dataset.name} run on ${modelName}` : null,
      model: modelName,
      startMs: plan.createdMs,
      items: stopped ? random.int(1, Math.max(1, plan.items - 1)) : plan.items,
      finished: !stopped,
      quality: 0.5 + random.float() * 0.45,
    }
    model.experiments.set(experiment.id, experiment)
  }
  return model
}

/** The project's score configs: bounded and open numeric scales, a boolean, a categorical, a text, an archived one. */
function scoreConfigs(nowMs: number): ScoreConfig[] {
  const at = iso(suiteCreatedMs(nowMs, 0) - 86_400_000)
  const base = { projectId: PROJECT_ID, createdAt: at, updatedAt: at, isArchived: false }
  return [
    {
      ...base,
      id: 'cmcfgcorrectness000000001',
      name: 'correctness',
      dataType: 'NUMERIC',
      minValue: 0,
      maxValue: 1,
      description: 'LLM-as-a-judge: is the answer right?',
    },
    {
      ...base,
      id: 'cmcfgavgcorrectness000001',
      name: 'avg_correctness',
      dataType: 'NUMERIC',
      minValue: 0,
      maxValue: 1,
      description: 'Mean correctness over the experiment',
    },
    {
      ...base,
      id: 'cmcfgavglatency0000000001',
      name: 'avg_latency_s',
      dataType: 'NUMERIC',
      minValue: 0,
      maxValue: null,
      description: 'Mean seconds per item',
    },
    {
      ...base,
      id: 'cmcfgexactmatch0000000001',
      name: 'exact_match',
      dataType: 'BOOLEAN',
      categories: [
        { label: 'True', value: 1 },
        { label: 'False', value: 0 },
      ],
    },
    {
      ...base,
      id: 'cmcfgtone0000000000000001',
      name: 'tone',
      dataType: 'CATEGORICAL',
      categories: TONES.map((label, value) => ({ label, value })),
    },
    { ...base, id: 'cmcfgreviewernote00000001', name: 'reviewer_note', dataType: 'TEXT' },
    {
      ...base,
      id: 'cmcfgrelevance00000000001',
      name: 'relevance',
      dataType: 'NUMERIC',
      minValue: 1,
      maxValue: 5,
      isArchived: true,
    },
  ]
}

/**
 * Langfuse's experiments as its SDKs leave them: a dataset per suite, experiments run from the user's code over
 * a dataset's items (one trace per item, scored by evaluators as it ends), and experiment-level scores once every
 * item is done. Nothing here has a status: how far an experiment got is a function of the clock.
 */
