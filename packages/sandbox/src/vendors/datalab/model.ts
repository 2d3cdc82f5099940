import type {
  BatchRunFileResult,
  Collection,
  CollectionFile,
  EvalBatchRun,
  EvalRubric,
} from '@evalrun/datalab'
import { iso, progressOf } from '../../lifecycle.js'
import { DOCUMENT_STEMS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { mean, planRuns, round, SuiteHistory, suiteCreatedMs } from '../history.js'
import { DATALAB_COLLECTIONS, DATALAB_RUBRICS } from './names.js'

/**
 * Datalab does not document batch-run status words. The sandbox uses 'processing' while a run is queued or
 * working (queued runs have `started_at: null`), then 'completed', 'completed_with_errors' (some files failed)
 * or 'failed' (the run stopped part-way). Files use 'queued', 'processing', 'completed', 'failed', 'skipped'.
 */
export type DatalabOutcome = 'completed' | 'completed_with_errors' | 'failed'

export interface DatalabFile {
  uploaded_file_id: number
  original_filename: string
  file_size: number
  content_type: string
  sort_order: number
  source_type: string
}

export interface DatalabCollection {
  id: number
  name: string
  description: string | null
  createdMs: number
  updatedMs: number
  files: DatalabFile[]
}

export interface DatalabRubric {
  id: number
  name: string
  description: string | null
  eval_definition: Record<string, unknown>
  source: string
  source_processor_id: string | null
  archived: boolean
  version: number
  createdMs: number
  updatedMs: number
}

export interface DatalabRun {
  id: number
  collectionId: number
  rubricId: number | null
  pipelineId: string | null
  pipelineType: string
  createdMs: number
  /** The collection's files when the run started (a later upload does not join a running batch). */
  files: DatalabFile[]
  outcome: DatalabOutcome
  failAfterItems: number | null
  /** Mean file score this run tends to (0..1). */
  quality: number
}

const PIPELINE_TYPES = ['convert', 'convert', 'convert', 'extract', 'extract', 'segment']
const RUBRIC_COUNT = DATALAB_RUBRICS.length

export class DatalabModel {
  readonly collections = new Map<number, DatalabCollection>()
  readonly rubrics = new Map<number, DatalabRubric>()
  /** Oldest first; ids grow with creation time, so appending keeps the order. */
  readonly runs: DatalabRun[] = []
  readonly runsById = new Map<number, DatalabRun>()
  /** A collection's runs in order: its files carry their scores over from run to run. */
  readonly history: SuiteHistory<DatalabRun>
  private nextFileId = 5001

  constructor(
    readonly seed: number,
    suites: number,
    runCount: number,
    nowMs: number,
  ) {
    this.history = new SuiteHistory(seed, 'datalab')
    for (let r = 0; r < RUBRIC_COUNT; r++) this.seedRubric(r, nowMs)
    for (let s = 0; s < suites; s++) this.seedCollection(s, nowMs)
    const planned = planRuns(
      seed,
      'datalab',
      runCount,
      suites,
      nowMs,
      (suite) => this.collectionAt(suite).files.length,
    )
    for (const plan of planned) {
      const random = plan.random
      const roll = random.float()
      const outcome: DatalabOutcome =
        roll < 0.8 ? 'completed' : roll < 0.9 ? 'completed_with_errors' : 'failed'
      const collection = this.collectionAt(plan.suite)
      const custom = random.chance(0.1)
      this.addRun({
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
  }

  private collectionAt(suite: number): DatalabCollection {
    return this.collections.get(suite + 1)!
  }

  private seedRubric(index: number, nowMs: number): void {
    const template = DATALAB_RUBRICS[index]!
    const createdMs = suiteCreatedMs(nowMs, 10 + index)
    this.rubrics.set(index + 1, {
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

  private seedCollection(suite: number, nowMs: number): void {
    const random = rngFor(this.seed, 'datalab', 'collection', suite)
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
      collection.files.push(
        this.newFile(
          `${random.pick(DOCUMENT_STEMS)}-${String(f + 1).padStart(3, '0')}.pdf`,
          f,
          random.int(40_000, 4_000_000),
        ),
      )
    }
    this.collections.set(collection.id, collection)
  }

  newFile(filename: string, sortOrder: number, size: number, fileId?: number): DatalabFile {
    const id = fileId ?? this.nextFileId++
    if (id >= this.nextFileId) this.nextFileId = id + 1
    return {
      uploaded_file_id: id,
      original_filename: filename,
      file_size: size,
      content_type: 'application/pdf',
      sort_order: sortOrder,
      source_type: 'upload',
    }
  }

  addRun(run: DatalabRun): void {
    this.runs.push(run)
    this.runsById.set(run.id, run)
    this.history.add(`collection ${run.collectionId}`, run)
  }

  nextRunId(): number {
    return (this.runs.at(-1)?.id ?? 0) + 1
  }

  nextId(map: Map<number, unknown>): number {
    let max = 0
    for (const id of map.keys()) max = Math.max(max, id)
    return max + 1
  }

  /**
   * Per-file outcome, a pure function of (seed, run, file, progress): a file's score and criteria carry over from
   * the collection's earlier runs unless this run drew them afresh (`SuiteHistory`); a file failing is this run's.
   */
  fileResults(run: DatalabRun, nowMs: number) {
    const progress = progressOf(this.timing(run), nowMs)
    return run.files.map((file, index) => {
      const random = rngFor(this.seed, 'datalab', 'result', run.id, index)
      const drawn = this.history.draw(run, file.uploaded_file_id)
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

  timing(run: DatalabRun) {
    return { createdMs: run.createdMs, items: run.files.length, failAfterItems: run.failAfterItems }
  }

  runView(run: DatalabRun, nowMs: number) {
    const progress = progressOf(this.timing(run), nowMs)
    let avg: number | null = null
    if (progress.done > 0) {
      const scores = this.fileResults(run, nowMs)
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

  collectionView(collection: DatalabCollection, withFiles: boolean) {
    return {
      id: collection.id,
      name: collection.name,
      description: collection.description,
      archived: false,
      created: iso(collection.createdMs),
      updated: iso(collection.updatedMs),
      file_count: collection.files.length,
      ...(withFiles ? { files: collection.files.map((file) => this.fileView(collection, file)) } : {}),
    } satisfies Collection
  }

  fileView(collection: DatalabCollection, file: DatalabFile) {
    const random = rngFor(this.seed, 'datalab', 'last-score', collection.id, file.uploaded_file_id)
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

  rubricView(rubric: DatalabRubric) {
    const { createdMs, updatedMs, ...rest } = rubric
    return {
      ...rest,
      created: iso(createdMs),
      updated: iso(updatedMs),
      version_history: null,
    } satisfies EvalRubric
  }
}
