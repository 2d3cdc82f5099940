import type { RunReportRequest } from '@evalrun/promptlayer'
import {
  optionalBoolean,
  optionalPositiveInteger,
  rejectUnknownKeys,
  requireNonEmptyString,
  requireObject,
  requirePositiveInteger,
} from '../../core/validate.js'
import type { PromptLayerPipelineStartInput } from './types.js'

const KEYS = ['vendor', 'pipelineId', 'name', 'datasetId', 'refreshDataset'] as const

export function validatePromptLayerStart(value: unknown): { pipelineId: number; body: RunReportRequest } {
  const input = requireObject('input', value) as Partial<PromptLayerPipelineStartInput>
  rejectUnknownKeys('input', input, KEYS)
  const pipelineId = requirePositiveInteger('input.pipelineId', input.pipelineId)
  const body: RunReportRequest = { name: requireNonEmptyString('input.name', input.name, 255) }
  const datasetId = optionalPositiveInteger('input.datasetId', input.datasetId)
  const refreshDataset = optionalBoolean('input.refreshDataset', input.refreshDataset)
  if (datasetId !== undefined) body.dataset_id = datasetId
  if (refreshDataset !== undefined) body.refresh_dataset = refreshDataset
  return { pipelineId, body }
}
