import type { operations } from '@evalrun/promptlayer'
import type { OperationRequest } from '../../http/operation-handlers.js'
import type { Issue, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { type PromptLayerModel, type PromptLayerReport, WORKSPACE_ID } from './model.js'

/** What a handler of PromptLayer's operation `Id` is given. */
export type PromptLayerRequest<Id extends keyof operations> = OperationRequest<operations[Id]>

const issueText = (issues: Issue[]) =>
  issues.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; ')

/** PromptLayer answers errors with `ErrorResponse` (`{success: false, message, error?}`) on every status. */
export const promptLayerErrors: VendorErrors = {
  unauthorized: () => ({
    status: 401,
    body: { success: false, message: 'Invalid API key', error: 'unauthorized' },
  }),
  notFound: (message) => ({ status: 404, body: { success: false, message, error: 'not_found' } }),
  invalid: (issues) => ({
    status: 422,
    body: { success: false, message: `Validation failed: ${issueText(issues)}`, error: 'validation_error' },
  }),
  malformedJson: (message) => ({
    status: 400,
    body: { success: false, message: `Invalid JSON body: ${message}`, error: 'invalid_json' },
  }),
  generic: (status, message) => ({ status, body: { success: false, message } }),
}

export const error = (status: number, message: string): VendorResponse => ({
  status,
  body: { success: false, message },
})
export const int = (value: unknown): number => Number(value)

/** All sandbox data lives in workspace 1: another `workspace_id` is a 400. */
export function workspaceCheck(query: { workspace_id?: number }): VendorResponse | null {
  return query.workspace_id !== undefined && int(query.workspace_id) !== WORKSPACE_ID
    ? error(400, 'Invalid workspace_id')
    : null
}

export const reportOf = (model: PromptLayerModel, id: unknown): PromptLayerReport | null =>
  model.reports.get(int(id)) ?? null
