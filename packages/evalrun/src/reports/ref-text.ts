import { escapeAttribute, escapeText } from './escape-markup.js'

/** Longest ref shown whole; a longer one is cut in the middle. */
const MAX_SHOWN = 26
/** What a cut ref keeps of its id: its start, and its end, where ids differ from one run to the next. */
const KEPT_START = 6
const KEPT_END = 8

/**
 * A ref short enough for one line of a table: `openai:eval_9…2c4fc780` for
 * `openai:eval_9c2383d0…/evalrun_601f…2c4fc780`. The vendor prefix stays whole.
 */
export function shortRef(ref: string): string {
  const chars = [...ref]
  if (chars.length <= MAX_SHOWN) return ref
  const colon = ref.indexOf(':')
  const prefix = colon >= 0 && colon < MAX_SHOWN - KEPT_START - KEPT_END ? ref.slice(0, colon + 1) : ''
  const id = [...ref.slice(prefix.length)]
  // A long vendor prefix (`promptlayer:`) leaves less of the id's start, so the whole stays within MAX_SHOWN.
  const start = Math.min(KEPT_START, MAX_SHOWN - [...prefix].length - 1 - KEPT_END)
  return `${prefix}${id.slice(0, start).join('')}…${id.slice(-KEPT_END).join('')}`
}

/** An id short enough to read in a sentence: `cm3b4e…b51560b`; short ids whole. */
export function shortId(id: string): string {
  const chars = [...id]
  if (chars.length <= KEPT_START + KEPT_END + 2) return id
  return `${chars.slice(0, KEPT_START).join('')}…${chars.slice(-KEPT_END).join('')}`
}

/**
 * A ref as markup: shortened on screen, whole on hover (`title`) and for screen readers (a visually hidden copy;
 * the shortened text is hidden from them), and in `data-full` for whoever reads the page's markup.
 */
export function refMarkup(ref: string): string {
  const short = shortRef(ref)
  const full = escapeAttribute(ref)
  if (short === ref) return `<code class="ref" title="${full}" data-full="${full}">${escapeText(ref)}</code>`
  return `<code class="ref" title="${full}" data-full="${full}"><span aria-hidden="true">${escapeText(short)}</span><span class="sr-only">${escapeText(ref)}</span></code>`
}
