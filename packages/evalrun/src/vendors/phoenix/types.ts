import type { Experiment } from '@evalrun/phoenix'
import type { PhoenixExportRecord } from './export-records.js'

export type { PhoenixExportAnnotation, PhoenixExportRecord } from './export-records.js'

/** The Phoenix payload behind an `EvalRun`: one experiment, with its run counts. */
export type PhoenixRawRun = Experiment

/** The Phoenix payload behind an `EvalItem`: one run of the experiment JSON export, with its evaluations. */
export type PhoenixRawItem = PhoenixExportRecord
