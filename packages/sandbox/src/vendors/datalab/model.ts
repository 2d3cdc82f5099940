import { SuiteHistory } from '../history.js'

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

/** Datalab's state: what is seeded (`seed.ts`) and what requests add; `views.ts` renders it as Datalab's JSON. */
export class DatalabModel {
  readonly collections = new Map<number, DatalabCollection>()
  readonly rubrics = new Map<number, DatalabRubric>()
  /** Oldest first; ids grow with creation time, so appending keeps the order. */
  readonly runs: DatalabRun[] = []
  readonly runsById = new Map<number, DatalabRun>()
  /** A collection's runs in order: its files carry their scores over from run to run. */
  readonly history: SuiteHistory<DatalabRun>
  private nextFileId = 5001

  constructor(readonly seed: number) {
    this.history = new SuiteHistory(seed, 'datalab')
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

  timing(run: DatalabRun) {
    return { createdMs: run.createdMs, items: run.files.length, failAfterItems: run.failAfterItems }
  }
}
