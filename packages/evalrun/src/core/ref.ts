import { EvalrunInvalidInputError } from './errors.js'

/** A run ref (`datalab:42`), or anything carrying one, such as an `EvalRun`. */
export type RunRef = string | { readonly ref: string }

/**
 * Splits a ref (`datalab:42`, `humanloop:evr_1/run_2`) into its vendor and the vendor's part, which only that
 * vendor's adapter can read. `forms` lists the accepted forms for the error message.
 */
export function splitRef(
  ref: unknown,
  field = 'ref',
  forms = "'<vendor>:<id>'",
): { vendor: string; localId: string } {
  const colon = typeof ref === 'string' ? ref.indexOf(':') : -1
  if (typeof ref !== 'string' || colon <= 0 || colon === ref.length - 1) {
    throw new EvalrunInvalidInputError({ field, value: ref, expected: `a run ref like ${forms}` })
  }
  return { vendor: ref.slice(0, colon), localId: ref.slice(colon + 1) }
}

/**
 * Reads an integer id as written in a ref: any safe integer the vendor may send (0 and negatives included: a spec
 * that says `integer` allows them), written the way `String(n)` writes it, so that one run has one ref.
 */
export function parseIntegerId(text: string): number | null {
  if (!/^-?\d{1,16}$/.test(text)) return null
  const id = Number(text)
  return Number.isSafeInteger(id) && String(id) === text ? id : null
}

/**
 * A string id in a ref. Ids are percent-encoded there (`encodeURIComponent`), so that an id holding `/`, `:` or a
 * space still round-trips; the ids vendors use in practice (`evr_abc123`) are left as they are.
 */
export function encodeRefPart(id: string): string {
  return encodeURIComponent(id)
}

/**
 * The id back from its ref form, or null when it is empty or not written as `encodeRefPart` writes it (one run,
 * one ref: `evr 1` must be written `evr%201`).
 */
export function decodeRefPart(text: string): string | null {
  if (text === '') return null
  try {
    const id = decodeURIComponent(text)
    return encodeURIComponent(id) === text ? id : null
  } catch {
    return null
  }
}

/**
 * The `<suiteId>/<runId>` part of a ref for vendors that read a run through its suite, each percent-encoded (see
 * `encodeRefPart`); throws `EvalrunInvalidInputError` naming `refForm` when it is not two such parts.
 */
export function decodeSuiteRunId(
  vendor: string,
  id: string,
  refForm: string,
): [suiteId: string, runId: string] {
  const [suiteText, runText, ...rest] = id.split('/')
  const suiteId = decodeRefPart(suiteText ?? '')
  const runId = decodeRefPart(runText ?? '')
  if (rest.length > 0 || suiteId === null || runId === null) {
    throw new EvalrunInvalidInputError({ field: 'ref', value: `${vendor}:${id}`, expected: `'${refForm}'` })
  }
  return [suiteId, runId]
}
