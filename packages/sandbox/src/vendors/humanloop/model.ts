import type {
  BooleanEvaluatorStats,
  Dataset,
  Evaluation,
  EvaluationEvaluator,
  EvaluationLog,
  EvaluationRun,
  Evaluator,
  Log,
  NumericEvaluatorStats,
  RunVersion,
  SelectEvaluatorStats,
  TextEvaluatorStats,
} from '@evalrun/humanloop'
import { iso, progressOf } from '../../lifecycle.js'
import { QUESTIONS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { mean, planRuns, round, SuiteHistory, suiteCreatedMs } from '../history.js'
import { HUMANLOOP_FILES } from './names.js'

export type HumanloopStatus = 'pending' | 'running' | 'completed' | 'cancelled'
export type EvaluatorKind = 'numeric' | 'boolean' | 'select' | 'text'

interface Versioned {
  id: string
  versionId: string
  path: string
  createdMs: number
}

export interface HumanloopFile extends Versioned {}
export interface HumanloopDataset extends Versioned {
  datapoints: number
  offset: number
}
export interface HumanloopEvaluator extends Versioned {
  kind: EvaluatorKind
}

export interface HumanloopEvaluation {
  id: string
  name: string
  fileId: string
  createdMs: number
  updatedMs: number
  evaluators: Array<{ versionId: string; orchestrated: boolean; addedMs: number }>
  /** Runs in this evaluation with when each was added. */
  runs: Array<{ runId: string; addedMs: number }>
  controlRunId: string | null
}

export interface HumanloopRun {
  id: string
  /** Creation order, for stable sorting and ids. */
  seq: number
  datasetId: string | null
  fileId: string | null
  orchestrated: boolean
  createdMs: number
  stoppedAtMs: number | null
  stoppedAs: 'cancelled' | 'completed' | null
  /** Logs attached by `POST .../logs` (non-orchestrated runs or extra logs). */
  extraLogIds: string[]
  quality: number
}

export const EVALUATORS: Array<{ path: string; kind: EvaluatorKind }> = [
  { path: 'Evaluators/Relevance', kind: 'numeric' },
  { path: 'Evaluators/Grounded', kind: 'boolean' },
  { path: 'Evaluators/Tone', kind: 'select' },
  { path: 'Evaluators/Reviewer notes', kind: 'text' },
]
const TONES = ['friendly', 'neutral', 'curt']
const id = (prefix: string, seed: number, ...parts: Array<string | number>) =>
  `${prefix}_${rngFor(seed, 'humanloop-id', prefix, ...parts).hex(16)}`

export class HumanloopModel {
  readonly files = new Map<string, HumanloopFile>()
  readonly datasets = new Map<string, HumanloopDataset>()
  readonly evaluators = new Map<string, HumanloopEvaluator>()
  readonly evaluations = new Map<string, HumanloopEvaluation>()
  readonly runs = new Map<string, HumanloopRun>()
  /** An evaluation's runs over one dataset, in order: its datapoints carry their judgments over from run to run. */
  readonly history: SuiteHistory<HumanloopRun>
  private nextSeq = 1
  private nextEvaluation = 0

  constructor(
    readonly seed: number,
    suites: number,
    runCount: number,
    nowMs: number,
  ) {
    this.history = new SuiteHistory(seed, 'humanloop')
    EVALUATORS.forEach((template, index) => {
      const evaluator: HumanloopEvaluator = {
        id: id('ev', seed, index),
        versionId: id('evv', seed, index),
        path: template.path,
        createdMs: suiteCreatedMs(nowMs, 20 + index),
        kind: template.kind,
      }
      this.evaluators.set(evaluator.versionId, evaluator)
    })
    const evaluations: HumanloopEvaluation[] = []
    for (let s = 0; s < suites; s++) {
      const random = rngFor(seed, 'humanloop', 'suite', s)
      const createdMs = suiteCreatedMs(nowMs, s)
      const base = HUMANLOOP_FILES[s % HUMANLOOP_FILES.length]!
      const path = s < HUMANLOOP_FILES.length ? base : `${base}-${Math.floor(s / HUMANLOOP_FILES.length) + 1}`
      const file: HumanloopFile = { id: id('pr', seed, s), versionId: id('prv', seed, s), path, createdMs }
      this.files.set(file.id, file)
      const dataset: HumanloopDataset = {
        id: id('ds', seed, s),
        versionId: id('dsv', seed, s),
        path: `Datasets/${path.split('/')[1]} golden set`,
        createdMs,
        datapoints: random.int(5, 30),
        offset: s,
      }
      this.datasets.set(dataset.id, dataset)
      // Every evaluation has the numeric, boolean and select evaluators; every other one also the text one.
      const evaluatorIds = [...this.evaluators.values()]
        .filter((_e, i) => i < 3 || s % 2 === 0)
        .map((e) => e.versionId)
      evaluations.push(
        this.addEvaluation(`${path.split('/')[1]} regression`, file.id, createdMs, evaluatorIds),
      )
    }
    const datasetsBySuite = [...this.datasets.values()]
    const filesBySuite = [...this.files.values()]
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
      const run = this.addRun(
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
  }

  addEvaluation(
    name: string,
    fileId: string,
    createdMs: number,
    evaluatorVersionIds: string[],
  ): HumanloopEvaluation {
    const evaluation: HumanloopEvaluation = {
      id: id('evr', this.seed, this.nextEvaluation++),
      name,
      fileId,
      createdMs,
      updatedMs: createdMs,
      evaluators: evaluatorVersionIds.map((versionId) => ({
        versionId,
        orchestrated: true,
        addedMs: createdMs,
      })),
      runs: [],
      controlRunId: null,
    }
    this.evaluations.set(evaluation.id, evaluation)
    return evaluation
  }

  /** A new run of `evaluation`, the newest of those over its dataset. */
  addRun(
    run: Pick<HumanloopRun, 'datasetId' | 'fileId' | 'orchestrated' | 'createdMs' | 'quality'>,
    evaluation: HumanloopEvaluation,
  ): HumanloopRun {
    const seq = this.nextSeq++
    const created: HumanloopRun = {
      ...run,
      id: id('rn', this.seed, seq),
      seq,
      stoppedAtMs: null,
      stoppedAs: null,
      extraLogIds: [],
    }
    this.runs.set(created.id, created)
    this.history.add(`evaluation ${evaluation.id} dataset ${run.datasetId ?? 'none'}`, created)
    return created
  }

  items(run: HumanloopRun): number {
    return run.orchestrated && run.datasetId ? this.datasets.get(run.datasetId)!.datapoints : 0
  }

  progress(run: HumanloopRun, nowMs: number) {
    return progressOf(
      { createdMs: run.createdMs, items: this.items(run), stoppedAtMs: run.stoppedAtMs },
      nowMs,
    )
  }

  status(run: HumanloopRun, nowMs: number): HumanloopStatus {
    if (run.stoppedAs && run.stoppedAtMs !== null && nowMs >= run.stoppedAtMs) return run.stoppedAs
    // A run whose logs the caller submits stays running until it is marked completed.
    if (!run.orchestrated) return 'running'
    const phase = this.progress(run, nowMs).phase
    return phase === 'queued' ? 'pending' : phase === 'running' ? 'running' : 'completed'
  }

  /** Generated logs finished so far (orchestrated runs). */
  generatedLogs(run: HumanloopRun, nowMs: number): number {
    return run.orchestrated ? this.progress(run, nowMs).done : 0
  }

  logCount(run: HumanloopRun, nowMs: number): number {
    return this.generatedLogs(run, nowMs) + run.extraLogIds.length
  }

  /**
   * One evaluator's judgment of a generated log: a pure function of (seed, run, log, evaluator). It carries over
   * from the evaluation's earlier runs unless this run drew the datapoint afresh (`SuiteHistory`); an evaluator
   * erroring or judging nothing is this run's.
   */
  judgment(
    run: HumanloopRun,
    index: number,
    evaluator: HumanloopEvaluator,
  ): { value: unknown; error: string | null } {
    const roll = rngFor(this.seed, 'humanloop', 'judgment', run.seq, index, evaluator.versionId).float()
    if (roll < 0.02) return { value: null, error: 'Evaluator raised: rate limited by model provider' }
    if (roll < 0.05) return { value: null, error: null }
    const { by, random } = this.history.draw(run, index, evaluator.versionId)
    switch (evaluator.kind) {
      case 'numeric':
        return { value: round(random.unitAround(by.quality, 0.2) * 10, 1), error: null }
      case 'boolean':
        return { value: random.chance(by.quality), error: null }
      case 'select':
        return { value: random.chance(by.quality) ? TONES[0] : random.pick(TONES), error: null }
      default:
        return {
          value: random.pick(['Looks right.', 'Too long.', 'Missing citation.', 'Good tone.']),
          error: null,
        }
    }
  }

  evaluatorStats(run: HumanloopRun, evaluator: HumanloopEvaluator, nowMs: number) {
    const count = this.generatedLogs(run, nowMs)
    let nulls = 0
    let errors = 0
    const values: unknown[] = []
    for (let index = 0; index < count; index++) {
      const { value, error } = this.judgment(run, index, evaluator)
      if (error) errors++
      else if (value === null) nulls++
      else values.push(value)
    }
    const common = {
      evaluator_version_id: evaluator.versionId,
      total_logs: count,
      num_judgments: values.length,
      num_nulls: nulls,
      num_errors: errors,
    } satisfies TextEvaluatorStats
    switch (evaluator.kind) {
      case 'numeric': {
        const numbers = (values as number[]).slice().sort((a, b) => a - b)
        const average = mean(numbers)
        const sum = numbers.reduce((total, value) => total + value, 0)
        const std =
          average === null
            ? null
            : Math.sqrt(numbers.reduce((total, value) => total + (value - average) ** 2, 0) / numbers.length)
        const percentile = (p: number) =>
          numbers[Math.min(numbers.length - 1, Math.floor((p / 100) * numbers.length))]!
        return {
          ...common,
          mean: average === null ? null : round(average, 3),
          sum: numbers.length ? round(sum, 3) : null,
          std: std === null ? null : round(std, 3),
          percentiles: numbers.length
            ? { '25': percentile(25), '50': percentile(50), '75': percentile(75) }
            : {},
        } satisfies NumericEvaluatorStats
      }
      case 'boolean':
        return {
          ...common,
          num_true: values.filter((v) => v === true).length,
          num_false: values.filter((v) => v === false).length,
        } satisfies BooleanEvaluatorStats
      case 'select':
        return {
          ...common,
          num_judgments_per_option: Object.fromEntries(
            TONES.map((tone) => [tone, values.filter((v) => v === tone).length]),
          ),
        } satisfies SelectEvaluatorStats
      default:
        return common
    }
  }

  evaluatorView(evaluator: HumanloopEvaluator) {
    return {
      path: evaluator.path,
      id: evaluator.id,
      name: evaluator.path.split('/').at(-1)!,
      version_id: evaluator.versionId,
      type: 'evaluator' as const,
      spec: {
        arguments_type: 'target_required',
        return_type: evaluator.kind === 'numeric' ? 'number' : evaluator.kind,
        evaluator_type: 'llm',
        ...(evaluator.kind === 'select' ? { options: TONES.map((name) => ({ name })) } : {}),
      },
      directory_id: null,
      description: null,
      version_name: null,
      version_description: null,
      tags: [],
      created_at: iso(evaluator.createdMs),
      updated_at: iso(evaluator.createdMs),
      last_used_at: iso(evaluator.createdMs),
      created_by: null,
      version_logs_count: 0,
      total_logs_count: 0,
      inputs: [{ name: 'answer' }],
    } satisfies Evaluator
  }

  datasetView(dataset: HumanloopDataset) {
    return {
      path: dataset.path,
      id: dataset.id,
      name: dataset.path.split('/').at(-1)!,
      version_id: dataset.versionId,
      type: 'dataset' as const,
      directory_id: null,
      description: null,
      version_name: 'v1',
      version_description: null,
      tags: [],
      created_at: iso(dataset.createdMs),
      updated_at: iso(dataset.createdMs),
      last_used_at: iso(dataset.createdMs),
      created_by: null,
      datapoints_count: dataset.datapoints,
    } satisfies Dataset
  }

  fileVersionView(file: HumanloopFile) {
    return {
      path: file.path,
      id: file.id,
      name: file.path.split('/').at(-1)!,
      version_id: file.versionId,
      type: 'prompt' as const,
      directory_id: null,
      description: null,
      version_name: 'v1',
      version_description: null,
      tags: [],
      created_at: iso(file.createdMs),
      updated_at: iso(file.createdMs),
      last_used_at: iso(file.createdMs),
      created_by: null,
      version_logs_count: 0,
    } satisfies RunVersion
  }

  runView(run: HumanloopRun, evaluation: HumanloopEvaluation, nowMs: number) {
    const added = evaluation.runs.find((entry) => entry.runId === run.id)
    return {
      id: run.id,
      dataset: run.datasetId ? this.datasetView(this.datasets.get(run.datasetId)!) : null,
      version: run.fileId ? this.fileVersionView(this.files.get(run.fileId)!) : null,
      orchestrated: run.orchestrated,
      added_at: iso(added?.addedMs ?? run.createdMs),
      created_at: iso(run.createdMs),
      created_by: { id: 'usr_sandbox', email_address: 'sandbox@example.com', full_name: 'Sandbox User' },
      status: this.status(run, nowMs),
      control: evaluation.controlRunId === run.id,
    } satisfies EvaluationRun
  }

  evaluationView(evaluation: HumanloopEvaluation) {
    return {
      id: evaluation.id,
      runs_count: evaluation.runs.length,
      evaluators: evaluation.evaluators.map(
        (entry) =>
          ({
            version: this.evaluatorView(this.evaluators.get(entry.versionId)!),
            orchestrated: entry.orchestrated,
            added_at: iso(entry.addedMs),
          }) satisfies EvaluationEvaluator,
      ),
      name: evaluation.name,
      file_id: evaluation.fileId,
      created_at: iso(evaluation.createdMs),
      created_by: null,
      updated_at: iso(evaluation.updatedMs),
      url: `https://app.humanloop.com/evaluations/${evaluation.id}`,
    } satisfies Evaluation
  }

  /** Runs of an evaluation, newest first (by creation time, then creation order). */
  runsOf(evaluation: HumanloopEvaluation): HumanloopRun[] {
    return evaluation.runs
      .map((entry) => this.runs.get(entry.runId)!)
      .sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)
  }

  logView(run: HumanloopRun, index: number, evaluation: HumanloopEvaluation) {
    const dataset = run.datasetId ? this.datasets.get(run.datasetId)! : null
    const question = QUESTIONS[(index + (dataset?.offset ?? 0)) % QUESTIONS.length]!
    const logId = `log_${run.seq.toString(36)}_${index}`
    const createdMs = run.createdMs + 2_000 + (index + 1) * 500
    const evaluatorLogs = evaluation.evaluators.map((entry) => {
      const evaluator = this.evaluators.get(entry.versionId)!
      const { value, error } = this.judgment(run, index, evaluator)
      return {
        id: `${logId}_${evaluator.versionId.slice(4, 10)}`,
        evaluator_logs: [],
        output: error ? null : JSON.stringify(value),
        error,
        created_at: iso(createdMs),
        log_status: 'complete',
        parent_id: logId,
        evaluator: { id: evaluator.id, version_id: evaluator.versionId, path: evaluator.path },
        judgment: value,
      } satisfies Log
    })
    const datapointId = dataset ? `dp_${dataset.id.slice(3, 11)}${index}` : null
    const log = {
      id: logId,
      evaluator_logs: evaluatorLogs,
      output: `Here is how: ${question.replace(/\?$/, '').toLowerCase()} — step by step.`,
      error: null,
      created_at: iso(createdMs),
      start_time: iso(createdMs - 400),
      end_time: iso(createdMs),
      log_status: 'complete',
      source_datapoint_id: datapointId,
      trace_parent_id: null,
      inputs: { question },
      metadata: { run_id: run.id },
      environment: null,
      prompt: run.fileId ? { id: run.fileId, version_id: this.files.get(run.fileId)!.versionId } : {},
    } satisfies Log
    return {
      run_id: run.id,
      datapoint: datapointId
        ? {
            id: datapointId,
            inputs: { question },
            messages: null,
            target: { answer: `Reference answer for: ${question}` },
          }
        : null,
      log,
      evaluator_logs: evaluatorLogs,
    } satisfies EvaluationLog
  }

  externalLogView(run: HumanloopRun, logId: string) {
    return {
      run_id: run.id,
      datapoint: null,
      log: { id: logId, evaluator_logs: [], log_status: 'complete' },
      evaluator_logs: [],
    } satisfies EvaluationLog
  }
}
