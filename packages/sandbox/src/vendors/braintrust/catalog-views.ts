import type { BraintrustFunction, Dataset, Project } from '@evalrun/braintrust'
import { iso } from '../../lifecycle.js'
import type { BraintrustDataset, BraintrustModel, BraintrustProject } from './model.js'
import { uuid } from './model.js'
import { xact } from './views.js'

// How Braintrust's projects, datasets and saved functions answer in its lists: what a start needs ids of.

/** The sandbox's one organisation. */
export const orgIdOf = (model: BraintrustModel): string => uuid(model.seed, 'org')

export function projectView(model: BraintrustModel, project: BraintrustProject) {
  return {
    id: project.id,
    org_id: orgIdOf(model),
    name: project.name,
    description: `Evals of the ${project.name.toLowerCase()} assistant`,
    created: iso(project.createdMs),
    deleted_at: null,
    user_id: uuid(model.seed, 'user', 0),
    settings: null,
  } satisfies Project
}

export function datasetView(model: BraintrustModel, dataset: BraintrustDataset) {
  const project = model.projects.get(dataset.projectId)
  return {
    id: dataset.id,
    project_id: dataset.projectId,
    name: dataset.name,
    description: `${dataset.rows} reviewed questions`,
    created: iso(project?.createdMs ?? 0),
    deleted_at: null,
    user_id: uuid(model.seed, 'user', 0),
    metadata: null,
    tags: null,
    url_slug: dataset.name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-'),
  } satisfies Dataset
}

/** The project's saved task: a prompt its evals run (`task: { function_id }`). */
export function taskFunctionView(model: BraintrustModel, project: BraintrustProject) {
  const slug = `${project.name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-')}-answer`
  return {
    id: project.taskFunctionId,
    _xact_id: xact(project.createdMs + 120_000, 0),
    project_id: project.id,
    log_id: 'p',
    org_id: orgIdOf(model),
    name: `${project.name} answer`,
    slug,
    description: 'Answers a support question',
    created: iso(project.createdMs + 120_000),
    function_data: { type: 'prompt' },
    function_type: 'task',
    origin: null,
    metadata: null,
    tags: null,
  } satisfies BraintrustFunction
}
