import { MS_PER_ITEM, QUEUED_MS } from '../../lifecycle.js'
import { rngFor } from '../../prng.js'
import { planRuns, suiteCreatedMs } from '../history.js'
import { type BraintrustDataset, BraintrustModel, type BraintrustProject, MODELS, uuid } from './model.js'
import { BRAINTRUST_PROJECTS, BRANCHES, SCORERS } from './names.js'

/** Braintrust's seeded data: the same seed, suites and run count give the same data. */
export function seedBraintrust(
  seed: number,
  suites: number,
  runCount: number,
  nowMs: number,
): BraintrustModel {
  const model = new BraintrustModel(seed)
  const projects: BraintrustProject[] = []
  for (let s = 0; s < suites; s++) {
    const random = rngFor(seed, 'braintrust', 'suite', s)
    const base = BRAINTRUST_PROJECTS[s % BRAINTRUST_PROJECTS.length]!
    const name =
      s < BRAINTRUST_PROJECTS.length ? base : `${base} ${Math.floor(s / BRAINTRUST_PROJECTS.length) + 1}`
    const id = uuid(seed, 'project', s)
    const dataset: BraintrustDataset = {
      id: uuid(seed, 'dataset', s),
      name: `${name} golden set`,
      projectId: id,
      rows: random.int(5, 30),
      offset: s,
    }
    const project: BraintrustProject = {
      id,
      seq: s,
      name,
      createdMs: suiteCreatedMs(nowMs, s),
      dataset,
      taskFunctionId: uuid(seed, 'function', s),
      scorers: SCORERS.slice(0, 2 + (s % 2)),
    }
    model.projects.set(id, project)
    model.datasets.set(dataset.id, dataset)
    projects.push(project)
  }
  for (const plan of planRuns(
    seed,
    'braintrust',
    runCount,
    suites,
    nowMs,
    (suite) => projects[suite]!.dataset.rows,
  )) {
    const random = plan.random
    const project = projects[plan.suite]!
    const previous = model.newestOf(project.id, plan.createdMs)
    const experiment = model.addExperiment({
      projectId: project.id,
      name: model.freshName(project.id, random.pick(BRANCHES)),
      createdMs: plan.createdMs,
      items: plan.items,
      quality: 0.45 + random.float() * 0.5,
      scorers: project.scorers,
      baseExpId: previous !== null && random.chance(0.5) ? previous.id : null,
      datasetId: project.dataset.id,
      rows: null,
      stoppedAtMs: null,
      branch: random.pick(BRANCHES),
      model: random.pick(MODELS),
    })
    // Some evals hit their timeout part-way.
    if (random.chance(0.05)) {
      experiment.stoppedAtMs = plan.createdMs + QUEUED_MS + random.int(0, plan.items) * MS_PER_ITEM
    }
  }
  return model
}
