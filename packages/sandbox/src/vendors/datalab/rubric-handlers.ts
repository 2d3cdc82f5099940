import type { EvalRubricList } from '@evalrun/datalab'
import type { VendorResponse } from '../../http/vendor-app.js'
import type { DatalabModel, DatalabRubric } from './model.js'
import { type DatalabRequest, datalabErrors, int, ok } from './operation.js'
import { rubricView } from './views.js'

const rubricNotFound = () => datalabErrors.notFound('Eval rubric not found')

// Rubrics: oldest first by id (they are few and rarely change).
export function listEvalRubrics(
  model: DatalabModel,
  { query }: DatalabRequest<'list_eval_rubrics_api_v1_eval_rubrics_get'>,
): VendorResponse {
  const limit = int(query.limit ?? 50)
  const offset = int(query.offset ?? 0)
  const includeArchived = query.include_archived === true
  const rubrics = [...model.rubrics.values()]
    .filter((rubric) => includeArchived || !rubric.archived)
    .sort((a, b) => a.id - b.id)
  return ok({
    rubrics: rubrics.slice(offset, offset + limit).map(rubricView),
    total: rubrics.length,
  } satisfies EvalRubricList)
}

export function getEvalRubric(
  model: DatalabModel,
  { params }: DatalabRequest<'get_eval_rubric_api_v1_eval_rubrics__rubric_id__get'>,
): VendorResponse {
  const rubric = model.rubrics.get(int(params.rubric_id))
  return rubric ? ok(rubricView(rubric)) : rubricNotFound()
}

export function updateEvalRubric(
  model: DatalabModel,
  { params, body, nowMs }: DatalabRequest<'update_eval_rubric_api_v1_eval_rubrics__rubric_id__put'>,
): VendorResponse {
  const rubric = model.rubrics.get(int(params.rubric_id))
  if (!rubric) return rubricNotFound()
  if (body.name != null) rubric.name = body.name
  if (body.description !== undefined) rubric.description = body.description
  rubric.eval_definition = body.eval_definition
  rubric.version += 1
  rubric.updatedMs = nowMs
  return ok(rubricView(rubric))
}

// A soft delete: the rubric is archived and returned; runs that used it keep pointing at it.
export function deleteEvalRubric(
  model: DatalabModel,
  { params, nowMs }: DatalabRequest<'delete_eval_rubric_api_v1_eval_rubrics__rubric_id__delete'>,
): VendorResponse {
  const rubric = model.rubrics.get(int(params.rubric_id))
  if (!rubric) return rubricNotFound()
  rubric.archived = true
  rubric.updatedMs = nowMs
  return ok(rubricView(rubric))
}

export function createRubricFromFeedback(
  model: DatalabModel,
  { body, nowMs }: DatalabRequest<'create_from_feedback_api_v1_eval_rubrics_from_feedback_post'>,
): VendorResponse {
  const rubric = newRubric(model, nowMs, body.name, 'feedback', null, {
    criteria: body.feedback_items.map((item, index) => ({
      name: `feedback_${index + 1}`,
      instruction: item.feedback ?? item.expected_output ?? 'Match the expected output',
      weight: 1,
    })),
  })
  return ok(rubricView(rubric))
}

export function importRubricFromPipeline(
  model: DatalabModel,
  { body, nowMs }: DatalabRequest<'import_from_pipeline_api_v1_eval_rubrics_import_from_pipeline_post'>,
): VendorResponse {
  const rubric = newRubric(model, nowMs, `Imported from ${body.pipeline_id}`, 'pipeline', body.pipeline_id, {
    criteria: [{ name: 'pipeline_eval', weight: 1 }],
  })
  return ok(rubricView(rubric))
}

function newRubric(
  model: DatalabModel,
  nowMs: number,
  name: string,
  source: string,
  sourceProcessorId: string | null,
  evalDefinition: Record<string, unknown>,
): DatalabRubric {
  const rubric: DatalabRubric = {
    id: model.nextId(model.rubrics),
    name,
    description: null,
    eval_definition: evalDefinition,
    source,
    source_processor_id: sourceProcessorId,
    archived: false,
    version: 1,
    createdMs: nowMs,
    updatedMs: nowMs,
  }
  model.rubrics.set(rubric.id, rubric)
  return rubric
}
