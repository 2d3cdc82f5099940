import { EvalrunInvalidInputError } from './errors.js'

/** What a built-in ref names. Humanloop needs the evaluation too: it has no endpoint for a run on its own. */
export type ParsedRef =
  | { vendor: 'datalab'; id: string }
  | { vendor: 'promptlayer'; id: string }
  | { vendor: 'humanloop'; id: string; evaluationId: string; runId: string }

const REF_FORMS = "'datalab:<runId>', 'promptlayer:<reportId>' or 'humanloop:<evaluationId>/<runId>'"
const POSITIVE_INTEGER = /^[1-9]\d{0,15}$/
// Humanloop ids look like `evr_abc123` / `run_abc123`; be lenient but keep separators and spaces out.
const OPAQUE_ID = /^[A-Za-z0-9_.-]{1,200}$/

/** Builds a run ref: `formatRef('datalab', 42)`, `formatRef('humanloop', 'ev_1', 'run_2')`. */
export function formatRef(vendor: string, id: string | number, runId?: string): string {
  return runId === undefined ? `${vendor}:${id}` : `${vendor}:${id}/${runId}`
}

/** Splits any ref (built-in or added vendor) into its vendor and the vendor's part. */
export function splitRef(ref: unknown, field = 'ref'): { vendor: string; localId: string } {
  const colon = typeof ref === 'string' ? ref.indexOf(':') : -1
  if (typeof ref !== 'string' || colon <= 0 || colon === ref.length - 1) {
    throw new EvalrunInvalidInputError({ field, value: ref, expected: `a run ref like ${REF_FORMS}` })
  }
  return { vendor: ref.slice(0, colon), localId: ref.slice(colon + 1) }
}

/** Parses a built-in run ref, or throws `EvalrunInvalidInputError` naming the input and the accepted forms. */
export function parseRef(ref: unknown, field = 'ref'): ParsedRef {
  const { vendor, localId } = splitRef(ref, field)
  const invalid = () =>
    new EvalrunInvalidInputError({ field, value: ref, expected: `a run ref like ${REF_FORMS}` })
  switch (vendor) {
    case 'datalab':
    case 'promptlayer':
      if (!POSITIVE_INTEGER.test(localId)) throw invalid()
      return { vendor, id: localId }
    case 'humanloop': {
      const [evaluationId, runId, ...rest] = localId.split('/')
      if (rest.length > 0 || !evaluationId || !runId) throw invalid()
      if (!OPAQUE_ID.test(evaluationId) || !OPAQUE_ID.test(runId)) throw invalid()
      return { vendor, id: runId, evaluationId, runId }
    }
    default:
      throw invalid()
  }
}

/** Whether `id` is a valid integer id as Datalab and PromptLayer use them. */
export function isIntegerId(id: string): boolean {
  return POSITIVE_INTEGER.test(id)
}

export function isOpaqueId(id: string): boolean {
  return OPAQUE_ID.test(id)
}
