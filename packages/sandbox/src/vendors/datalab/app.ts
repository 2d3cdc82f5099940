import type { BatchRunResults, CollectionFileList, EvalBatchRunList, EvalRubricList } from '@evalrun/datalab'
import type { Issue, OperationInput, VendorApp, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { rngFor } from '../../prng.js'
import { fastApiErrors } from '../fastapi-errors.js'
import { type DatalabCollection, DatalabModel, type DatalabRubric } from './model.js'

/** Datalab is a FastAPI app. */
export const datalabErrors: VendorErrors = fastApiErrors('Invalid or missing API key')

const ok = (body: unknown): VendorResponse => ({ status: 200, body })
const invalid = (...issues: Issue[]) => datalabErrors.invalid(issues)
const int = (value: unknown): number => Number(value)

export function createDatalabApp(
  seed: number,
  suites: number,
  runs: number,
  nowMs: number,
): VendorApp & { model: DatalabModel } {
  const model = new DatalabModel(seed, suites, runs, nowMs)

  const collectionOr404 = (id: unknown): DatalabCollection | VendorResponse =>
    model.collections.get(int(id)) ?? datalabErrors.notFound('Collection not found')
  const rubricOr404 = (id: unknown): DatalabRubric | VendorResponse =>
    model.rubrics.get(int(id)) ?? datalabErrors.notFound('Eval rubric not found')
  const isResponse = (value: unknown): value is VendorResponse =>
    typeof value === 'object' && value !== null && 'status' in value && !('id' in value)

  const handlers: Record<string, (input: OperationInput) => VendorResponse> = {
    // Newest first (by `created`, then id), so paging with limit/offset sees each run once while nothing changes.
    list_batch_runs_api_v1_eval_batch_runs_get: ({ query, nowMs }) => {
      const limit = int(query.limit ?? 50)
      const offset = int(query.offset ?? 0)
      const collectionId = query.collection_id == null ? null : int(query.collection_id)
      const rubricId = query.eval_rubric_id == null ? null : int(query.eval_rubric_id)
      const pipelineId =
        query.pipeline_id == null || query.pipeline_id === '' ? null : String(query.pipeline_id)
      const matches = (run: (typeof model.runs)[number]) =>
        (collectionId === null || run.collectionId === collectionId) &&
        (rubricId === null || run.rubricId === rubricId) &&
        (pipelineId === null || run.pipelineId === pipelineId)
      const page = []
      let total = 0
      if (collectionId === null && rubricId === null && pipelineId === null) {
        // No filter: index straight into the page instead of scanning 10,000 runs.
        total = model.runs.length
        for (let j = offset; j < Math.min(total, offset + limit); j++) {
          page.push(model.runView(model.runs[total - 1 - j]!, nowMs))
        }
      } else {
        for (let i = model.runs.length - 1; i >= 0; i--) {
          const run = model.runs[i]!
          if (!matches(run)) continue
          if (total >= offset && page.length < limit) page.push(model.runView(run, nowMs))
          total++
        }
      }
      return ok({ batch_runs: page, total } satisfies EvalBatchRunList)
    },

    start_batch_run_api_v1_eval_batch_runs_post: ({ body, nowMs }) => {
      const request = body as {
        collection_id: number
        eval_rubric_id?: number | null
        pipeline_type?: string
        pipeline_id?: string | null
        page_schema?: string | null
        segmentation_schema?: string | null
      }
      const collection = model.collections.get(request.collection_id)
      if (!collection)
        return invalid({ loc: ['body', 'collection_id'], msg: 'Collection not found', type: 'value_error' })
      const pipelineType = request.pipeline_type ?? 'convert'
      const pipelineId = request.pipeline_id ?? null
      const rubricId = request.eval_rubric_id ?? null
      if (rubricId === null && pipelineId === null) {
        return invalid({
          loc: ['body', 'eval_rubric_id'],
          msg: 'eval_rubric_id is required for standard pipelines',
          type: 'value_error',
        })
      }
      if (rubricId !== null && !model.rubrics.has(rubricId)) {
        return invalid({ loc: ['body', 'eval_rubric_id'], msg: 'Eval rubric not found', type: 'value_error' })
      }
      if (pipelineType === 'extract' && !request.page_schema) {
        return invalid({
          loc: ['body', 'page_schema'],
          msg: 'page_schema is required when pipeline_type=extract',
          type: 'value_error',
        })
      }
      if (pipelineType === 'segment' && !request.segmentation_schema) {
        return invalid({
          loc: ['body', 'segmentation_schema'],
          msg: 'segmentation_schema is required when pipeline_type=segment',
          type: 'value_error',
        })
      }
      if (collection.files.length === 0) {
        return invalid({
          loc: ['body', 'collection_id'],
          msg: 'Collection has no files',
          type: 'value_error',
        })
      }
      const id = model.nextRunId()
      const random = rngFor(seed, 'datalab', 'started-run', id)
      model.addRun({
        id,
        collectionId: collection.id,
        rubricId,
        pipelineId,
        pipelineType,
        createdMs: nowMs,
        files: collection.files.slice(),
        outcome: random.chance(0.85) ? 'completed' : 'completed_with_errors',
        failAfterItems: null,
        quality: 0.55 + random.float() * 0.4,
      })
      return ok(model.runView(model.runsById.get(id)!, nowMs))
    },

    get_batch_run_api_v1_eval_batch_runs__run_id__get: ({ params, nowMs }) => {
      const run = model.runsById.get(int(params.run_id))
      return run ? ok(model.runView(run, nowMs)) : datalabErrors.notFound('Batch run not found')
    },

    get_batch_run_results_api_v1_eval_batch_runs__run_id__results_get: ({ params, nowMs }) => {
      const run = model.runsById.get(int(params.run_id))
      if (!run) return datalabErrors.notFound('Batch run not found')
      return ok({
        batch_run: model.runView(run, nowMs),
        file_results: model.fileResults(run, nowMs),
      } satisfies BatchRunResults)
    },

    create_collection_api_v1_collections_post: ({ body, nowMs }) => {
      const request = body as { name: string; description?: string | null }
      const collection: DatalabCollection = {
        id: model.nextId(model.collections),
        name: request.name,
        description: request.description ?? null,
        createdMs: nowMs,
        updatedMs: nowMs,
        files: [],
      }
      model.collections.set(collection.id, collection)
      return ok(model.collectionView(collection, true))
    },

    add_files_to_collection_api_v1_collections__collection_id__files_post: ({ params, body, nowMs }) => {
      const collection = collectionOr404(params.collection_id)
      if (isResponse(collection)) return collection
      const { uploaded_file_ids } = body as { uploaded_file_ids: number[] }
      const linked = new Set(collection.files.map((file) => file.uploaded_file_id))
      for (const fileId of uploaded_file_ids) {
        if (linked.has(fileId)) continue
        linked.add(fileId)
        collection.files.push(model.newFile(`upload-${fileId}.pdf`, collection.files.length, 250_000, fileId))
      }
      collection.updatedMs = nowMs
      return ok(model.collectionView(collection, true))
    },

    // Cursor = the opaque base64 of the next offset; files keep their `sort_order` order.
    list_collection_files_api_v1_collections__collection_id__files_get: ({ params, query }) => {
      const collection = collectionOr404(params.collection_id)
      if (isResponse(collection)) return collection
      const limit = int(query.limit ?? 50)
      let offset = 0
      if (query.cursor != null && query.cursor !== '') {
        offset = decodeCursor(String(query.cursor))
        if (Number.isNaN(offset))
          return invalid({ loc: ['query', 'cursor'], msg: 'Invalid cursor', type: 'value_error' })
      }
      const files = collection.files
        .slice(offset, offset + limit)
        .map((file) => model.fileView(collection, file))
      const next = offset + limit < collection.files.length ? encodeCursor(offset + limit) : null
      return ok({ files, total: collection.files.length, next_cursor: next } satisfies CollectionFileList)
    },

    // Rubrics: oldest first by id (they are few and rarely change).
    list_eval_rubrics_api_v1_eval_rubrics_get: ({ query }) => {
      const limit = int(query.limit ?? 50)
      const offset = int(query.offset ?? 0)
      const includeArchived = query.include_archived === true
      const rubrics = [...model.rubrics.values()]
        .filter((rubric) => includeArchived || !rubric.archived)
        .sort((a, b) => a.id - b.id)
      return ok({
        rubrics: rubrics.slice(offset, offset + limit).map((r) => model.rubricView(r)),
        total: rubrics.length,
      } satisfies EvalRubricList)
    },

    get_eval_rubric_api_v1_eval_rubrics__rubric_id__get: ({ params }) => {
      const rubric = rubricOr404(params.rubric_id)
      return isResponse(rubric) ? rubric : ok(model.rubricView(rubric))
    },

    update_eval_rubric_api_v1_eval_rubrics__rubric_id__put: ({ params, body, nowMs }) => {
      const rubric = rubricOr404(params.rubric_id)
      if (isResponse(rubric)) return rubric
      const request = body as {
        name?: string | null
        description?: string | null
        eval_definition: Record<string, unknown>
      }
      if (request.name != null) rubric.name = request.name
      if (request.description !== undefined) rubric.description = request.description
      rubric.eval_definition = request.eval_definition
      rubric.version += 1
      rubric.updatedMs = nowMs
      return ok(model.rubricView(rubric))
    },

    // A soft delete: the rubric is archived and returned; runs that used it keep pointing at it.
    delete_eval_rubric_api_v1_eval_rubrics__rubric_id__delete: ({ params, nowMs }) => {
      const rubric = rubricOr404(params.rubric_id)
      if (isResponse(rubric)) return rubric
      rubric.archived = true
      rubric.updatedMs = nowMs
      return ok(model.rubricView(rubric))
    },

    create_from_feedback_api_v1_eval_rubrics_from_feedback_post: ({ body, nowMs }) => {
      const request = body as { name: string; feedback_items: Array<Record<string, unknown>> }
      const rubric = newRubric(model, nowMs, request.name, 'feedback', null, {
        criteria: request.feedback_items.map((item, index) => ({
          name: `feedback_${index + 1}`,
          instruction: item.feedback ?? item.expected_output ?? 'Match the expected output',
          weight: 1,
        })),
      })
      return ok(model.rubricView(rubric))
    },

    import_from_pipeline_api_v1_eval_rubrics_import_from_pipeline_post: ({ body, nowMs }) => {
      const { pipeline_id } = body as { pipeline_id: string }
      const rubric = newRubric(model, nowMs, `Imported from ${pipeline_id}`, 'pipeline', pipeline_id, {
        criteria: [{ name: 'pipeline_eval', weight: 1 }],
      })
      return ok(model.rubricView(rubric))
    },
  }

  return {
    vendor: 'datalab',
    prefix: '/datalab',
    security: { scheme: 'APIKeyHeader', header: 'x-api-key' },
    handlers,
    errors: datalabErrors,
    runCount: () => model.runs.length,
    model,
  }
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

const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url')

function decodeCursor(cursor: string): number {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return match ? Number(match[1]) : Number.NaN
}
