import type { operations } from '@evalrun/datalab'
import type { OperationRequest } from '../../http/operation-handlers.js'
import type { Issue, VendorErrors, VendorResponse } from '../../http/vendor-app.js'
import { fastApiErrors } from '../fastapi-errors.js'

/** What a handler of Datalab's operation `Id` is given. */
export type DatalabRequest<Id extends keyof operations> = OperationRequest<operations[Id]>

/** Datalab is a FastAPI app. */
export const datalabErrors: VendorErrors = fastApiErrors('Invalid or missing API key')

export const ok = (body: unknown): VendorResponse => ({ status: 200, body })
export const invalid = (...issues: Issue[]) => datalabErrors.invalid(issues)
export const int = (value: unknown): number => Number(value)
