import { rngFor } from '../../prng.js'
import { planRuns, suiteCreatedMs } from '../history.js'
import {
  EVALUATORS,
  type HumanloopDataset,
  type HumanloopEvaluation,
  type HumanloopEvaluator,
  type HumanloopFile,
  HumanloopModel,
  id,
} from './model.js'
import { HUMANLOOP_FILES } from './names.js'

/** Humanloop's seeded data: the same seed, suites and run count give the same data. */
export function seedHumanloop(seed: number, suites: number, runCount: number, nowMs: number): HumanloopModel {
  const model = new HumanloopModel(seed)
  EVALUATORS.forEach((template, index) => {
    const evaluator: HumanloopEvaluator = {
      id: id('ev', seed, index),
      versionId: id('evv', seed, index),
      path: template.path,
      createdMs: suiteCreatedMs(nowMs, 20 + index),
      kind: template.kind,
    }
    model.evaluators.set(evaluator.versionId, evaluator)
  })
  const evaluations: HumanloopEvaluation[] = []
  for (let s = 0; s < suites; s++) {
    const random = rngFor(seed, 'humanloop', 'suite', s)
    const createdMs = suiteCreatedMs(nowMs, s)
    const base = HUMANLOOP_FILES[s % HUMANLOOP_FILES.length]!
    const path = s < HUMANLOOP_FILES.length ? base : `${base}-${Math.floor(s / HUMANLOOP_FILES.length) + 1}`
    const file: HumanloopFile = { id: id('pr', seed, s), versionId: id('prv', seed, s), path, createdMs }
    model.files.set(file.id, file)
    const dataset: HumanloopDataset = {
      id: id('ds', seed, s),
      versionId: id('dsv', seed, s),
      path: `Datasets/${path.split('/')[1]} golden set`,
      createdMs,
      datapoints: random.int(5, 30),
      offset: s,
    }
    model.datasets.set(dataset.id, dataset)
    // Every evaluation has the numeric, boolean and select evaluators; every other one also the text one.
    const evaluatorIds = [...model.evaluators.values()]
      .filter((_e, i) => i < 3 || s % 2 === 0)
      .map((e) => e.versionId)
    evaluations.push(
      model.addEvaluation(`${path.split('/')[1]} regression`, file.id, createdMs, evaluatorIds),
    )
  }
  const datasetsBySuite = [...model.datasets.values()]
  const filesBySuite = [...model.files.values()]
  const planned = planRuns(
    seed,
    'humanloop',
    runCount,
    suites,
    nowMs,
    (suite) => datasetsBySuite[suite]!.datapoints,
  )
  for (const plan of planned) {
    const random = plan.random
    const cancelled = random.chance(0.05)
    const run = model.addRun(
      {
        datasetId: datasetsBySuite[plan.suite]!.id,
        fileId: filesBySuite[plan.suite]!.id,
        orchestrated: true,
        createdMs: plan.createdMs,
        quality: 0.5 + random.float() * 0.45,
      },
      evaluations[plan.suite]!,
    )
    if (cancelled) {
      // Cancelled somewhere between queueing and the last item.
      run.stoppedAtMs = plan.createdMs + random.int(0, 2_000 + plan.items * 500)
      run.stoppedAs = 'cancelled'
    }
    evaluations[plan.suite]!.runs.push({ runId: run.id, addedMs: plan.createdMs })
  }
  return model
}
