import {
  type CancelTableSheetOperationResponse,
  type CancelTableSheetScorecardResponse,
  type CreateTableSheetOperationConfirmationResponse,
  type CreateTableSheetOperationQueuedResponse,
  type CreateTableSheetOperationRequest,
  request,
} from '@evalrun/promptlayer'
import type { EvalRun } from '../../core/model.js'
import { readCount, readField, readString } from '../../core/read-json.js'
import { mapTablesOperationStatus } from './map-tables-operation-status.js'
import { mapTablesRun } from './map-tables-run.js'
import { OPERATION, OPERATIONS, SCORECARD, type TablesContext } from './tables-context.js'
import {
  PromptLayerConfirmationRequiredError,
  PromptLayerNothingToRecalculateError,
} from './tables-errors.js'
import { getTablesRun } from './tables-read.js'
import type { SheetAddress, TablesRunAddress } from './tables-ref.js'
import { validatePromptLayerTablesStart } from './validate-tables-start.js'

const pathOf = (sheet: SheetAddress) => ({ table_id: sheet.tableId, sheet_id: sheet.sheetId })

/**
 * Queues one recalculation operation. PromptLayer answers 202 (queued: the run), or 200 with nothing to do (a
 * typed error: no run exists) or with a confirmation request, which is answered with its token only when the
 * input says `confirm: true` (else a typed error naming the affected cell count).
 */
export async function startTablesRun(
  ctx: TablesContext,
  input: unknown,
  signal: AbortSignal,
): Promise<EvalRun<'promptlayer'>> {
  const { sheet, body, confirm } = validatePromptLayerTablesStart(input)
  const post = (sent: CreateTableSheetOperationRequest) =>
    request(ctx.client, 'POST', OPERATIONS, { params: { path: pathOf(sheet) }, body: sent, signal })
  let answer: unknown = await post(body)
  if (readField<CreateTableSheetOperationConfirmationResponse>(answer, 'requires_confirmation') === true) {
    const affectedCellCount = readCount<CreateTableSheetOperationConfirmationResponse>(
      answer,
      'affected_cell_count',
    )
    const token = readString<CreateTableSheetOperationConfirmationResponse>(answer, 'confirmation_token')
    if (!confirm || token === null) throw new PromptLayerConfirmationRequiredError({ affectedCellCount })
    answer = await post({ ...body, confirmation_token: token })
    if (readField<CreateTableSheetOperationConfirmationResponse>(answer, 'requires_confirmation') === true) {
      throw new PromptLayerConfirmationRequiredError({ affectedCellCount })
    }
  }
  const operationId = readString<CreateTableSheetOperationQueuedResponse>(answer, 'operation_id')
  if (operationId === null) throw new PromptLayerNothingToRecalculateError(sheet)
  const address = { ...sheet, operationId }
  try {
    return await getTablesRun(ctx, address, signal)
  } catch (error) {
    // The operation exists now: report what is known rather than lose its id to a failed read-back.
    if (signal.aborted) throw error
    const reason = error instanceof Error ? error.message : String(error)
    return mapTablesRun({
      address,
      name: null,
      raw: {
        ...sheet,
        from: 'tables',
        started: answer as CreateTableSheetOperationQueuedResponse,
        operation: null,
        scorecard: null,
        calculation: null,
      },
      warnings: [`The operation was queued, but reading it back failed (${reason}); its state is unknown.`],
    })
  }
}

/**
 * Cancels what is still running: the operation (`DELETE`, idempotent; the cancelled cell count is reported), or
 * the scorecard calculation scoring it. A run that has ended is returned as it is.
 */
export async function cancelTablesRun(
  ctx: TablesContext,
  address: TablesRunAddress,
  signal: AbortSignal,
): Promise<EvalRun<'promptlayer'>> {
  const notes: string[] = []
  let canceled: CancelTableSheetOperationResponse | undefined
  // Twice at most: an operation that ends while being cancelled moves on to scoring, which is cancelled next.
  for (let attempt = 0; attempt < 2; attempt++) {
    const run = await getTablesRun(ctx, address, signal)
    if (run.terminal || run.raw.from !== 'tables') return withNotes(run, notes, canceled)
    const operation = run.raw.operation
    if (
      'operationId' in address &&
      operation !== null &&
      mapTablesOperationStatus(operation).status !== 'completed'
    ) {
      canceled = await request(ctx.client, 'DELETE', OPERATION, {
        params: { path: { ...pathOf(address), operation_id: address.operationId } },
        signal,
      })
      const count = readCount<CancelTableSheetOperationResponse>(canceled, 'cancelled_cell_count')
      notes.push(`PromptLayer cancelled ${count ?? 'an unstated number of'} cells of the operation.`)
      continue
    }
    const answer = await request(ctx.client, 'POST', `${SCORECARD}/cancel`, {
      params: { path: pathOf(address) },
      body: {},
      signal,
    })
    notes.push(
      `PromptLayer cancelled the scorecard calculation (${readCount<CancelTableSheetScorecardResponse>(answer, 'cancelled_count') ?? '?'} rows not scored).`,
    )
  }
  return withNotes(await getTablesRun(ctx, address, signal), notes, canceled)
}

function withNotes(
  run: EvalRun<'promptlayer'>,
  notes: string[],
  canceled: CancelTableSheetOperationResponse | undefined,
): EvalRun<'promptlayer'> {
  run.warnings.push(...notes)
  if (canceled !== undefined && run.raw.from === 'tables') run.raw.canceled = canceled
  return run
}
