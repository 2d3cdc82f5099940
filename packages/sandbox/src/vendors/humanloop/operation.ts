import type { operations } from '@evalrun/humanloop'
import type { OperationRequest } from '../../http/operation-handlers.js'
import type { Issue, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { fastApiErrors } from '../fastapi-errors.js'
import type { HumanloopEvaluation, HumanloopEvaluator, HumanloopModel, HumanloopRun } from './model.js'

/** What a handler of Humanloop's operation `Id` is given. */
export type HumanloopRequest<Id extends keyof operations> = OperationRequest<operations[Id]>

/** Humanloop is a FastAPI app. */
export const humanloopErrors: VendorErrors = fastApiErrors('Could not validate API key')

export const ok = (body: unknown, status = 200): VendorResponse => ({ status, body })
export const invalid = (...issues: Issue[]) => humanloopErrors.invalid(issues)
export const notFound = (what: string) => humanloopErrors.notFound(`${what} not found`)

export type Reference = { version_id?: string; id?: string; path?: string; orchestrated?: boolean }

export const findVersioned = <T extends { id: string; versionId: string; path: string }>(
  items: Iterable<T>,
  reference: Reference,
): T | undefined => {
  for (const item of items) {
    if (
      reference.version_id !== undefined
        ? item.versionId === reference.version_id
        : reference.id !== undefined
          ? item.id === reference.id
          : item.path === reference.path
    ) {
      return item
    }
  }
  return undefined
}
export const resolveEvaluators = (
  model: HumanloopModel,
  references: Reference[],
): HumanloopEvaluator[] | VendorResponse => {
  const found: HumanloopEvaluator[] = []
  for (const [index, reference] of references.entries()) {
    const evaluator = findVersioned(model.evaluators.values(), reference)
    if (!evaluator)
      return invalid({
        loc: ['body', 'evaluators', index],
        msg: 'Evaluator not found',
        type: 'value_error',
      })
    found.push(evaluator)
  }
  return found
}
export const evaluationOf = (model: HumanloopModel, params: { id?: string }) =>
  model.evaluations.get(params.id ?? '')
export const runIn = (
  model: HumanloopModel,
  evaluation: HumanloopEvaluation,
  runId: string | undefined,
): HumanloopRun | undefined =>
  evaluation.runs.some((entry) => entry.runId === runId) ? model.runs.get(runId ?? '') : undefined
