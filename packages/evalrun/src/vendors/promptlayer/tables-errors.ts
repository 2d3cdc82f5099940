import { hasMarker } from '@evalrun/http'
import { EvalrunInvalidInputError } from '../../core/errors.js'

const nothingMarker = Symbol.for('evalrun.error.promptlayer-nothing-to-recalculate')
const confirmationMarker = Symbol.for('evalrun.error.promptlayer-confirmation-required')

/**
 * PromptLayer answered a Tables start with "nothing to recalculate" (200, `cell_count: 0`): no operation exists,
 * so there is no run to report. Select other cells (`columnIds`, `rowIds`) or change the sheet's inputs first.
 */
export class PromptLayerNothingToRecalculateError extends EvalrunInvalidInputError {
  readonly [nothingMarker] = true
  override readonly code: string = 'EVALRUN_PROMPTLAYER_NOTHING_TO_RECALCULATE'
  readonly tableId: string
  readonly sheetId: string

  constructor({ tableId, sheetId }: { tableId: string; sheetId: string }) {
    super({
      field: 'input',
      value: { tableId, sheetId },
      expected: 'a selection with stale cells',
      message: `PromptLayer has nothing to recalculate on sheet ${sheetId} of table ${tableId}: no selected cell is stale, so no run was started.`,
    })
    this.tableId = tableId
    this.sheetId = sheetId
  }

  static override isInstance(value: unknown): value is PromptLayerNothingToRecalculateError {
    return hasMarker(value, nothingMarker)
  }
}

/**
 * PromptLayer asks for confirmation before recalculating this many cells, and the start did not allow it: nothing
 * was queued. Start again with `confirm: true` (`--yes`) to send the confirmation token.
 */
export class PromptLayerConfirmationRequiredError extends EvalrunInvalidInputError {
  readonly [confirmationMarker] = true
  override readonly code: string = 'EVALRUN_PROMPTLAYER_CONFIRMATION_REQUIRED'
  /** The cells the operation would recalculate, as PromptLayer counted them. */
  readonly affectedCellCount: number | null

  constructor({ affectedCellCount }: { affectedCellCount: number | null }) {
    const cells = affectedCellCount === null ? 'an unstated number of' : String(affectedCellCount)
    super({
      field: 'input.confirm',
      value: undefined,
      expected: 'true to confirm',
      message: `PromptLayer asks for confirmation before recalculating ${cells} cells; nothing was started. Start again with confirm: true (CLI: --yes) to go ahead.`,
    })
    this.affectedCellCount = affectedCellCount
  }

  static override isInstance(value: unknown): value is PromptLayerConfirmationRequiredError {
    return hasMarker(value, confirmationMarker)
  }
}
