import type { EvalItem, EvalJudgement } from '../core/model.js'
import { formatNumber, formatScale } from './report-input.js'

/** How one test case came out, in the words test reports use. */
export type CaseOutcome = 'passed' | 'failed' | 'error' | 'skipped'

/** One test case of a report: an item, or one judgement of an item. */
export interface ItemCase {
  /** `<item> › <judgement>`, or the item alone when it has no judgements. */
  name: string
  outcome: CaseOutcome
  /** Why it failed, errored or was skipped; null when it passed. */
  message: string | null
  /** The values behind the outcome, one `key: value` per line. */
  details: string
}

/**
 * An item → its test cases: one per judgement, or one for the item when it has none. The rule, the same in every
 * report: an errored item errors in every case; a judgement's own verdict decides its case; a judgement without a
 * verdict takes the item's (`passed`/`failed`); with neither, the case is skipped (no verdict), never passed.
 */
export function itemCases(item: EvalItem): ItemCase[] {
  const label = item.name ?? item.key
  const itemLines = [
    `item: ${item.id}`,
    `key: ${item.key}`,
    `status: ${item.status}${item.vendorStatus !== null ? ` (vendor: ${item.vendorStatus})` : ''}`,
    `score: ${formatNumber(item.score)} on ${formatScale(item.scoreScale)}`,
    ...item.warnings.map((warning) => `warning: ${warning}`),
  ]
  if (item.judgements.length === 0) {
    return [{ name: label, ...outcomeOf(item, null), details: itemLines.join('\n') }]
  }
  return item.judgements.map((judgement) => ({
    name: `${label} › ${judgement.name}`,
    ...outcomeOf(item, judgement),
    details: [...judgementLines(judgement), ...itemLines].join('\n'),
  }))
}

function outcomeOf(
  item: EvalItem,
  judgement: EvalJudgement | null,
): { outcome: CaseOutcome; message: string | null } {
  if (item.status === 'error') {
    const why = item.vendorStatus ?? item.warnings[0] ?? null
    return { outcome: 'error', message: `the item errored${why ? `: ${why}` : ''}` }
  }
  if (judgement !== null && judgement.passed !== null) {
    return judgement.passed
      ? { outcome: 'passed', message: null }
      : { outcome: 'failed', message: `${judgement.name} = ${valueText(judgement)}: did not pass` }
  }
  if (item.status === 'passed') return { outcome: 'passed', message: null }
  if (item.status === 'failed') {
    return {
      outcome: 'failed',
      message:
        judgement === null
          ? 'the item failed'
          : `the item failed (${judgement.name} = ${valueText(judgement)} gives no verdict of its own)`,
    }
  }
  return { outcome: 'skipped', message: `no verdict (item status: ${item.status})` }
}

function judgementLines(judgement: EvalJudgement): string[] {
  return [
    `judgement: ${judgement.name} (${judgement.kind})`,
    `value: ${valueText(judgement)} on ${formatScale(judgement.scale)}`,
    `normalised: ${formatNumber(judgement.normalizedValue)}`,
    `verdict: ${judgement.passed === null ? 'none' : judgement.passed ? 'passed' : 'failed'}`,
  ]
}

function valueText(judgement: EvalJudgement): string {
  const { value } = judgement
  if (value === null) return 'none'
  return typeof value === 'number' ? formatNumber(value) : String(value)
}
