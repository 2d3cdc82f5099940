import type { EvalRun, RunStatus } from '../core/model.js'

/**
 * What the generated tables of docs/vendors.md say of a vendor, from its own mappers. Each vendor folder's
 * `doc-facts.ts` exports one as `docFacts`; only the docs script (`pnpm docs:tables`) imports it, so no bundle
 * carries it, and a vendor's knowledge stays in its folder.
 */
export interface VendorDocFacts {
  /** Its words (where it has none, the situations its rule tells apart), each with the status its mapper gives. */
  statusCases(now: Date): StatusCase[]
  /** What `score` is: the rule the vendor folder states, else the field its run mapper reads. */
  scoreIs: string
  /** An empty run through its run mapper: the scale the mapper sets when the data says nothing more. */
  emptyRun(now: Date): EvalRun
}

/** One case fed to a status mapper: what it is, in words, and the status the mapper gives it. */
export interface StatusCase {
  when: string
  status: RunStatus
  warns: boolean
}

export const code = (text: string) => `\`${text}\``

/** Each word of a vendor's status map, fed through its mapper. */
export function wordCases(
  words: Readonly<Record<string, RunStatus>>,
  map: (word: string) => { status: RunStatus; warnings: string[] },
): StatusCase[] {
  return Object.keys(words).map((word) => {
    const mapped = map(word)
    return { when: code(word), status: mapped.status, warns: mapped.warnings.length > 0 }
  })
}

/** A situation described in words (its warning, if any, said in `when`), with the status the mapper gives it. */
export function situation(when: string, mapped: { status: RunStatus }): StatusCase {
  return { when, status: mapped.status, warns: false }
}

export const ago = (now: Date, ms: number) => new Date(now.getTime() - ms)
