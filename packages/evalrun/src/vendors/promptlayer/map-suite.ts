import type { Evaluation as PromptLayerPipeline } from '@evalrun/promptlayer'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField, readId, readString } from '../../core/read-json.js'
import type { EvalSuite } from '../../core/suite.js'

/**
 * A PromptLayer evaluation pipeline (a blueprint report) as an `EvalSuite`: its batch runs are the reports whose
 * `parent_report_id` it is (`run.suite.ref` is the same ref).
 */
export function mapPromptLayerSuite(pipeline: unknown): EvalSuite<'promptlayer'> {
  const warnings: string[] = []
  const id = readId<PromptLayerPipeline>(pipeline, 'id')
  if (id === null) warnings.push('The pipeline has no id: its suite ref is empty.')
  return {
    ref: `promptlayer:${id ?? ''}`,
    vendor: 'promptlayer',
    id: id ?? '',
    kind: 'pipeline',
    name: readString<PromptLayerPipeline>(pipeline, 'name'),
    createdAt: parseVendorDate(
      readField<PromptLayerPipeline>(pipeline, 'created_at'),
      'created_at',
      warnings,
    ),
    url: null,
    raw: pipeline,
    warnings,
  }
}
