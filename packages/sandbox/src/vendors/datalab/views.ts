import type {
  BatchRunFileResult,
  Collection,
  CollectionFile,
  EvalBatchRun,
  EvalRubric,
} from '@evalrun/datalab'
import { iso, progressOf } from '../../lifecycle.js'
import { rngFor } from '../../prng.js'
import { mean, round } from '../history.js'
import type { DatalabCollection, DatalabFile, DatalabModel, DatalabRubric, DatalabRun } from './model.js'

// How Datalab's state answers: its JSON, computed from the seeded plan and the sandbox clock.

/**
 * Per-file outcome, a pure function of (seed, run, file, progress): a file's score and criteria carry over from
 * the collection's earlier runs unless this run drew them afresh (`SuiteHistory`); a file failing is this run's.
 */
export function fileResults(model: DatalabModel, run: DatalabRun, nowMs: number) {
  const progress = progressOf(model.timing(run), nowMs)
  return run.files.map((file, index) => {
    const random = rngFor(model.seed, 'datalab', 'result', run.id, index)
    const drawn = model.history.draw(run, file.uploaded_file_id)
    const score = round(drawn.random.unitAround(drawn.by.quality, 0.2), 3)
    const fileFails =
      run.outcome === 'completed_with_errors' && (index === run.files.length - 1 || random.chance(0.15))
    const isDone = index < progress.done
    let status: string
    if (isDone) status = fileFails ? 'failed' : 'completed'
    else if (run.outcome === 'failed' && progress.phase === 'done')
      status = index === progress.done ? 'failed' : 'skipped'
    else status = progress.phase === 'running' && index === progress.done ? 'processing' : 'queued'
    const scored = status === 'completed'
    return {
      request_id: run.id * 10_000 + index + 1,
      filename: file.original_filename,
      status,
      eval_score: scored ? score : null,
      eval_results: scored
        ? {
            criteria: {
              accuracy: round(drawn.random.unitAround(score, 0.1), 3),
              formatting: round(drawn.random.unitAround(score, 0.1), 3),
              completeness: round(drawn.random.unitAround(score, 0.1), 3),
            },
          }
        : status === 'failed'
          ? { error: 'Document could not be processed (corrupt or password-protected PDF)' }
          : {},
      created: isDone ? iso(run.createdMs + 2_000 + (index + 1) * 500) : null,
      lookup_key: `file-${file.uploaded_file_id}`,
    } satisfies BatchRunFileResult
  })
}

export function runView(model: DatalabModel, run: DatalabRun, nowMs: number) {
  const progress = progressOf(model.timing(run), nowMs)
  let avg: number | null = null
  if (progress.done > 0) {
    const scores = fileResults(model, run, nowMs)
      .map((result) => result.eval_score)
      .filter((score): score is number => score !== null)
    const average = mean(scores)
    avg = average === null ? null : round(average, 4)
  }
  // A failed run counts the file it failed on as handled.
  const failedOn =
    run.outcome === 'failed' && progress.phase === 'done' && progress.done < run.files.length ? 1 : 0
  return {
    id: run.id,
    collection_id: run.collectionId,
    eval_rubric_id: run.rubricId,
    pipeline_id: run.pipelineId,
    pipeline_type: run.pipelineType,
    status: progress.phase === 'done' ? run.outcome : 'processing',
    started_at: progress.startedAtMs === null ? null : iso(progress.startedAtMs),
    completed_at: progress.finishedAtMs === null ? null : iso(progress.finishedAtMs),
    total_files: run.files.length,
    completed_files: progress.done + failedOn,
    avg_score: avg,
    created: iso(run.createdMs),
  } satisfies EvalBatchRun
}

export function collectionView(model: DatalabModel, collection: DatalabCollection, withFiles: boolean) {
  return {
    id: collection.id,
    name: collection.name,
    description: collection.description,
    archived: false,
    created: iso(collection.createdMs),
    updated: iso(collection.updatedMs),
    file_count: collection.files.length,
    ...(withFiles ? { files: collection.files.map((file) => fileView(model, collection, file)) } : {}),
  } satisfies Collection
}

export function fileView(model: DatalabModel, collection: DatalabCollection, file: DatalabFile) {
  const random = rngFor(model.seed, 'datalab', 'last-score', collection.id, file.uploaded_file_id)
  const scored = random.chance(0.8)
  return {
    ...file,
    external_key: null,
    external_etag: null,
    external_last_modified: null,
    external_deleted_at: null,
    last_eval_score: scored ? round(random.float() * 0.5 + 0.5, 3) : null,
    last_score_breakdown: scored
      ? [round(random.float(), 3), round(random.float(), 3), round(random.float(), 3)]
      : null,
  } satisfies CollectionFile
}

export function rubricView(rubric: DatalabRubric) {
  const { createdMs, updatedMs, ...rest } = rubric
  return {
    ...rest,
    created: iso(createdMs),
    updated: iso(updatedMs),
    version_history: null,
  } satisfies EvalRubric
}
