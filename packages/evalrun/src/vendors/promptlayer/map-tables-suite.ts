import type { Sheet } from '@evalrun/promptlayer'
import { parseVendorDate } from '../../core/parse-vendor-date.js'
import { readField } from '../../core/read-json.js'
import type { EvalSuite } from '../../core/suite.js'
import { sheetSuiteId } from './tables-ref.js'
import type { ListedSheet } from './tables-sheets.js'

/** A Tables sheet as an `EvalSuite`: its runs are its recalculations and saved versions (`promptlayer:sheet/…`). */
export function mapTablesSuite({ address, name, sheet }: ListedSheet): EvalSuite<'promptlayer'> {
  const warnings: string[] = []
  const id = sheetSuiteId(address)
  return {
    ref: `promptlayer:${id}`,
    vendor: 'promptlayer',
    id,
    kind: 'sheet',
    name,
    createdAt: parseVendorDate(readField<Sheet>(sheet, 'created_at'), 'created_at', warnings),
    url: null,
    raw: sheet,
    warnings,
  }
}
