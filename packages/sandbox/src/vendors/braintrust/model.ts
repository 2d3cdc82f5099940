import type {
  Experiment,
  ExperimentEvent,
  ExperimentSummary,
  MetricSummary,
  ProjectScore,
  ScoreSummary,
} from '@evalrun/braintrust'
import { iso, MS_PER_ITEM, type Progress, progressOf, QUEUED_MS } from '../../lifecycle.js'
import { QUESTIONS } from '../../names.js'
import { rngFor } from '../../prng.js'
import { planRuns, round, suiteCreatedMs } from '../history.js'
import { AUTHORS, BRAINTRUST_PROJECTS, BRANCHES, SCORERS } from './names.js'

export interface BraintrustDataset {
  id: string
  name: string
  projectId: string
  /** Records (test cases). */
  rows: number
  /** Where its rows start in QUESTIONS, so datasets differ. */
  offset: number
}

export interface BraintrustProject {
  id: string
  seq: number
  name: string
  createdMs: number
  dataset: BraintrustDataset
  /** The saved task function its experiments run. */
  taskFunctionId: string
  /** The scorers its seeded experiments use. */
  scorers: string[]
}

export interface BraintrustExperiment {
  id: string
  /** Creation order, for stable sorting and ids. */
  seq: number
  projectId: string
  name: string
  createdMs: number
  /** Test cases (rows × trials). */
  items: number
  quality: number
  scorers: string[]
  baseExpId: string | null
  datasetId: string | null
  /** Rows given inline to `POST /v1/eval`, or null: the dataset's rows. */
  rows: unknown[] | null
  /** When the eval stopped early (its `timeout`), if it did. */
  stoppedAtMs: number | null
  branch: string
  model: string
}

/** One case's result: a pure function of (seed, experiment, case). */
export interface CaseOutcome {
  error: string | null
  scores: Record<string, number>
  /** How long the case took, ms (within its slot of the eval's schedule). */
  durationMs: number
  promptTokens: number
  completionTokens: number
}

const MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-sonnet-4', 'gpt-4.1-mini']
/** Braintrust's transaction ids are big decimal strings that grow with time. */
const XACT_BASE = 1_000_000_000_000_000

export const uuid = (seed: number, ...parts: Array<string | number>): string => {
  const hex = rngFor(seed, 'braintrust-id', ...parts).hex(32)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export class BraintrustModel {
  readonly projects = new Map<string, BraintrustProject>()
  readonly experiments = new Map<string, BraintrustExperiment>()
  readonly datasets = new Map<string, BraintrustDataset>()
  private nextSeq = 1
  private readonly namesPerProject = new Map<string, number>()
  /** Per project, its experiments in creation order (seeded ones are created oldest first, launched ones now). */
  private readonly byProject = new Map<string, BraintrustExperiment[]>()
  private sorted: BraintrustExperiment[] | null = null

  constructor(
    readonly seed: number,
    suites: number,
    runCount: number,
    nowMs: number,
  ) {
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
      this.projects.set(id, project)
      this.datasets.set(dataset.id, dataset)
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
      const previous = this.newestOf(project.id, plan.createdMs)
      const experiment = this.addExperiment({
        projectId: project.id,
        name: this.freshName(project.id, random.pick(BRANCHES)),
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
  }

  addExperiment(experiment: Omit<BraintrustExperiment, 'id' | 'seq'>): BraintrustExperiment {
    const seq = this.nextSeq++
    const created: BraintrustExperiment = { ...experiment, id: uuid(this.seed, 'experiment', seq), seq }
    this.experiments.set(created.id, created)
    const siblings = this.byProject.get(created.projectId) ?? []
    siblings.push(created)
    this.byProject.set(created.projectId, siblings)
    this.sorted = null
    return created
  }

  /** `<branch>-<n>`, unique in the project, as CI names experiments. */
  freshName(projectId: string, branch: string): string {
    const n = (this.namesPerProject.get(projectId) ?? 0) + 1
    this.namesPerProject.set(projectId, n)
    return `${branch}-${n}`
  }

  /** A project's newest experiment created before `beforeMs`, or null. */
  newestOf(projectId: string, beforeMs: number): BraintrustExperiment | null {
    const siblings = this.byProject.get(projectId) ?? []
    // The last one created before `beforeMs`: a binary search over creation order.
    let low = 0
    let high = siblings.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (siblings[middle]!.createdMs < beforeMs) low = middle + 1
      else high = middle
    }
    return siblings[low - 1] ?? null
  }

  /** Every experiment, newest first (the order `GET /v1/experiment` lists them in). */
  newestFirst(): BraintrustExperiment[] {
    this.sorted ??= [...this.experiments.values()].sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq)
    return this.sorted
  }

  byName(projectId: string, name: string): BraintrustExperiment | undefined {
    for (const experiment of this.experiments.values())
      if (experiment.projectId === projectId && experiment.name === name) return experiment
    return undefined
  }

  progress(experiment: BraintrustExperiment, nowMs: number): Progress {
    return progressOf(
      { createdMs: experiment.createdMs, items: experiment.items, stoppedAtMs: experiment.stoppedAtMs },
      nowMs,
    )
  }

  /** When the eval ends: its last case, or its timeout. */
  endMs(experiment: BraintrustExperiment): number {
    const natural = experiment.createdMs + QUEUED_MS + experiment.items * MS_PER_ITEM
    return experiment.stoppedAtMs === null ? natural : Math.min(natural, experiment.stoppedAtMs)
  }

  /** Case `index`'s input: its inline row's, or its dataset record's. */
  input(experiment: BraintrustExperiment, index: number): unknown {
    if (experiment.rows !== null) {
      const row = experiment.rows[index % experiment.rows.length]
      const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : null
      return record !== null && 'input' in record ? record.input : row
    }
    const dataset = this.datasets.get(experiment.datasetId ?? '')
    const row = index % (dataset?.rows ?? 1)
    return { question: QUESTIONS[(row + (dataset?.offset ?? 0)) % QUESTIONS.length], ticket: 1000 + row }
  }

  expected(experiment: BraintrustExperiment, index: number): unknown {
    const row = experiment.rows?.[index % experiment.rows.length]
    if (typeof row === 'object' && row !== null && 'expected' in row)
      return (row as { expected: unknown }).expected
    const input = this.input(experiment, index) as { question?: string }
    return `Reference answer: ${String(input.question ?? 'n/a').replace(/\?$/, '')}.`
  }

  outcome(experiment: BraintrustExperiment, index: number): CaseOutcome {
    const random = rngFor(this.seed, 'braintrust', 'case', experiment.seq, index)
    const durationMs = random.int(150, MS_PER_ITEM)
    const promptTokens = random.int(80, 600)
    const completionTokens = random.int(20, 300)
    if (random.chance(0.03)) {
      return {
        error: 'RateLimitError: 429 Too Many Requests from the model provider',
        scores: {},
        durationMs,
        promptTokens,
        completionTokens: 0,
      }
    }
    const good = random.chance(experiment.quality)
    const scores: Record<string, number> = {}
    for (const scorer of experiment.scorers) {
      switch (scorer) {
        case 'Factuality':
          scores[scorer] = good ? (random.chance(0.85) ? 1 : 0.6) : random.pick([0, 0.4, 0.6])
          break
        case 'ExactMatch':
          scores[scorer] = good && random.chance(0.7) ? 1 : 0
          break
        default:
          scores[scorer] = round(random.unitAround(good ? 0.85 : 0.45, 0.15), 3)
      }
    }
    return { error: null, scores, durationMs, promptTokens, completionTokens }
  }

  /** When case `index` ends (its slot in the eval's schedule). */
  caseEndMs(experiment: BraintrustExperiment, index: number): number {
    return experiment.createdMs + QUEUED_MS + (index + 1) * MS_PER_ITEM
  }

  xact(ms: number, part: number): string {
    return String(XACT_BASE + ms * 10 + part)
  }

  /** The trace of case `index`: its root span (the case) and the task's span under it. */
  trace(experiment: BraintrustExperiment, index: number): ExperimentEvent[] {
    const outcome = this.outcome(experiment, index)
    const endMs = this.caseEndMs(experiment, index)
    const startMs = endMs - outcome.durationMs
    const rootSpan = uuid(this.seed, 'span', experiment.seq, index)
    const input = this.input(experiment, index)
    const output = outcome.error
      ? null
      : `Here is how: ${String((input as { question?: string }).question ?? 'it')
          .replace(/\?$/, '')
          .toLowerCase()}.`
    const dataset = experiment.rows === null ? this.datasets.get(experiment.datasetId ?? '') : undefined
    const root = {
      id: uuid(this.seed, 'event', experiment.seq, index),
      _xact_id: this.xact(endMs, 1),
      created: iso(startMs),
      project_id: experiment.projectId,
      experiment_id: experiment.id,
      span_id: rootSpan,
      root_span_id: rootSpan,
      span_parents: null,
      is_root: true,
      input,
      output,
      expected: this.expected(experiment, index),
      error: outcome.error,
      scores: outcome.error ? null : outcome.scores,
      metrics: {
        start: startMs / 1000,
        end: endMs / 1000,
        prompt_tokens: outcome.promptTokens,
        completion_tokens: outcome.completionTokens,
        tokens: outcome.promptTokens + outcome.completionTokens,
      },
      metadata: { model: experiment.model },
      origin:
        dataset === undefined
          ? null
          : {
              object_type: 'dataset',
              object_id: dataset.id,
              id: uuid(this.seed, 'record', dataset.id, index % dataset.rows),
              _xact_id: this.xact(this.projects.get(dataset.projectId)?.createdMs ?? 0, 0),
            },
      span_attributes: { name: 'eval', type: 'eval' },
      tags: null,
    } satisfies ExperimentEvent
    const task = {
      id: uuid(this.seed, 'event-task', experiment.seq, index),
      _xact_id: this.xact(endMs, 0),
      created: iso(startMs + 5),
      project_id: experiment.projectId,
      experiment_id: experiment.id,
      span_id: uuid(this.seed, 'span-task', experiment.seq, index),
      root_span_id: rootSpan,
      span_parents: [rootSpan],
      is_root: false,
      input,
      output,
      metrics: { start: (startMs + 5) / 1000, end: (endMs - 5) / 1000 },
      span_attributes: { name: 'task', type: 'task' },
    } satisfies ExperimentEvent
    return [root, task]
  }

  /** The root row of case `index` as it was first written, before it ended and was scored: an older version. */
  unscoredRoot(experiment: BraintrustExperiment, index: number): ExperimentEvent {
    const [root] = this.trace(experiment, index)
    const startMs = Date.parse(root!.created)
    return {
      ...root!,
      _xact_id: this.xact(startMs, 0),
      output: null,
      scores: null,
      error: null,
      metrics: { start: startMs / 1000 },
    }
  }

  /** The experiment to compare with: the one asked for, else its base, else the project's previous one. */
  comparisonOf(
    experiment: BraintrustExperiment,
    asked: BraintrustExperiment | null,
  ): BraintrustExperiment | null {
    if (asked !== null) return asked
    const base = experiment.baseExpId === null ? undefined : this.experiments.get(experiment.baseExpId)
    return base ?? this.newestOf(experiment.projectId, experiment.createdMs)
  }

  summary(
    experiment: BraintrustExperiment,
    nowMs: number,
    withScores: boolean,
    comparison: BraintrustExperiment | null,
  ): ExperimentSummary {
    const project = this.projects.get(experiment.projectId)!
    const projectUrl = `https://www.braintrust.dev/app/evalrun-sandbox/p/${encodeURIComponent(project.name)}`
    const head = {
      project_name: project.name,
      experiment_name: experiment.name,
      project_url: projectUrl,
      experiment_url: `${projectUrl}/experiments/${encodeURIComponent(experiment.name)}`,
    }
    if (!withScores) return head
    const mine = this.caseTable(experiment, nowMs)
    const theirs = comparison === null ? null : this.caseTable(comparison, nowMs)
    const scores: Record<string, ScoreSummary> = {}
    for (const scorer of experiment.scorers) {
      const entry = summarize(mine, theirs, (row) => row.scores[scorer], true)
      if (entry !== null) scores[scorer] = { name: scorer, score: entry.mean, ...entry.against }
    }
    const metrics: Record<string, MetricSummary> = {}
    for (const [name, unit, read] of [
      ['duration', 's', (row: CaseOutcome) => row.durationMs / 1000],
      ['prompt_tokens', 'tok', (row: CaseOutcome) => row.promptTokens],
      ['completion_tokens', 'tok', (row: CaseOutcome) => row.completionTokens],
    ] as const) {
      const entry = summarize(mine, theirs, read, false)
      if (entry !== null) metrics[name] = { name, metric: round(entry.mean, 4), unit, ...entry.against }
    }
    return {
      ...head,
      ...(comparison === null ? {} : { comparison_experiment_name: comparison.name }),
      scores,
      metrics,
    }
  }

  /** The finished cases of an experiment, keyed by their input (how Braintrust matches cases across experiments). */
  private caseTable(experiment: BraintrustExperiment, nowMs: number): Map<string, CaseOutcome> {
    const table = new Map<string, CaseOutcome>()
    const done = this.progress(experiment, nowMs).done
    for (let index = 0; index < done; index++) {
      table.set(JSON.stringify(this.input(experiment, index)), this.outcome(experiment, index))
    }
    return table
  }

  experimentView(experiment: BraintrustExperiment) {
    const random = rngFor(this.seed, 'braintrust', 'repo', experiment.seq)
    const commit = random.hex(40)
    return {
      id: experiment.id,
      project_id: experiment.projectId,
      name: experiment.name,
      description: null,
      created: iso(experiment.createdMs),
      repo_info: {
        commit,
        branch: experiment.branch,
        tag: null,
        dirty: false,
        author_name: random.pick(AUTHORS),
        author_email: null,
        commit_message: `Tune the ${experiment.branch} prompt`,
        commit_time: iso(experiment.createdMs - 3_600_000),
        git_diff: null,
      },
      commit,
      base_exp_id: experiment.baseExpId,
      deleted_at: null,
      dataset_id: experiment.datasetId,
      dataset_version: experiment.datasetId === null ? null : this.xact(experiment.createdMs - 60_000, 0),
      public: false,
      user_id: uuid(this.seed, 'user', experiment.seq % AUTHORS.length),
      metadata: { model: experiment.model },
      tags: [experiment.branch],
    } satisfies Experiment
  }

  /** The project's configured scores (human review), as `GET /v1/project_score` lists them. */
  projectScores(project: BraintrustProject): ProjectScore[] {
    const common = {
      project_id: project.id,
      user_id: uuid(this.seed, 'user', 0),
      created: iso(project.createdMs + 60_000),
      config: null,
      position: null,
    }
    return [
      {
        ...common,
        id: uuid(this.seed, 'project-score', project.seq, 0),
        name: 'Helpfulness',
        description: 'How much the answer helps, as a reviewer judges it',
        score_type: 'slider',
        categories: null,
      },
      {
        ...common,
        id: uuid(this.seed, 'project-score', project.seq, 1),
        name: 'Tone',
        description: null,
        score_type: 'categorical',
        categories: [
          { name: 'friendly', value: 1 },
          { name: 'neutral', value: 0.5 },
          { name: 'curt', value: 0 },
        ],
      },
    ]
  }
}

/**
 * The mean of `read` over an experiment's cases and, against a comparison, the diff of the means (a score's within
 * -1..1) and how many shared cases went up or down. Null when no case has a value.
 */
function summarize(
  mine: Map<string, CaseOutcome>,
  theirs: Map<string, CaseOutcome> | null,
  read: (row: CaseOutcome) => number | undefined,
  isScore: boolean,
): { mean: number; against: { diff?: number; improvements: number; regressions: number } } | null {
  const values: number[] = []
  const previous: number[] = []
  let improvements = 0
  let regressions = 0
  for (const [key, row] of mine) {
    const value = row.error === null ? read(row) : undefined
    if (value === undefined) continue
    values.push(value)
    const other = theirs?.get(key)
    const before = other !== undefined && other.error === null ? read(other) : undefined
    if (before === undefined) continue
    if (value > before) improvements++
    else if (value < before) regressions++
  }
  for (const row of theirs?.values() ?? []) {
    const value = row.error === null ? read(row) : undefined
    if (value !== undefined) previous.push(value)
  }
  if (values.length === 0) return null
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const against: { diff?: number; improvements: number; regressions: number } = { improvements, regressions }
  if (previous.length > 0) {
    const diff = mean - previous.reduce((sum, value) => sum + value, 0) / previous.length
    against.diff = round(isScore ? Math.max(-1, Math.min(1, diff)) : diff, 4)
  }
  return { mean: round(mean, 4), against }
}
