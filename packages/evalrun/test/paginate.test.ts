import { EvalrunMalformedResponseError } from '@evalrun/http'
import { collect } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import {
  cursorPaging,
  type Listing,
  listIn,
  MAX_PAGES,
  numberedPaging,
  offsetPaging,
  onePage,
  type Paging,
  paginate,
} from '../src/core/paginate.js'
import { readBoolean, readCount, readString } from '../src/core/read-json.js'

type Warning = [message: string, detail: unknown]

/** Two retries, as by default, without the wait. */
const QUICK_RETRIES = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 }

/** A listing of `{ id }` entries whose pages come from `serve`, recording every position read. */
function listing<Position>(
  paging: Paging<Position>,
  serve: (position: Position, read: number) => unknown,
  options: Partial<Listing<Position>> = {},
) {
  const reads: Position[] = []
  const warnings: Warning[] = []
  const list: Listing<Position> = {
    vendor: 'Acme',
    operation: 'GET /runs',
    entries: 'runs',
    paging,
    read: async (position) => {
      reads.push(position)
      return serve(position, reads.length)
    },
    list: listIn('runs'),
    key: (entry) => (entry as { id: string }).id,
    warn: (message, detail) => warnings.push([message, detail]),
    signal: new AbortController().signal,
    retry: QUICK_RETRIES,
    ...options,
  }
  return { list, reads, warnings }
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: `r${from + i}` }))
const idsOf = (entries: unknown[]) => entries.map((entry) => (entry as { id: string }).id)
const EARLY = { stoppedEarly: true }

const offsetTotal = offsetPaging((page) => readCount(page, 'total'))
const numbered = numberedPaging((page) => readCount(page, 'pages'))
const hasMore = cursorPaging(
  (page) => readString(page, 'next'),
  (page) => readBoolean(page, 'has_more'),
)

describe('paginate: the end rules', () => {
  it('offset + total: reads to the declared total, no further', async () => {
    const { list, reads, warnings } = listing(offsetTotal, (offset) => ({ runs: ids(offset, 2), total: 5 }))
    expect(idsOf(await collect(paginate(list)))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5'])
    expect(reads).toEqual([0, 2, 4])
    expect(warnings).toEqual([])
  })

  it('offset + total: an empty page before the total is a listing that stopped early', async () => {
    const { list, reads, warnings } = listing(offsetTotal, (offset) => ({
      runs: offset === 0 ? ids(0, 5) : [],
      total: 1_000,
    }))
    expect(await collect(paginate(list))).toHaveLength(5)
    expect(reads).toEqual([0, 5])
    expect(warnings).toEqual([
      ["Acme's listing of runs ended early: an empty page at offset 5 of the 1000 declared.", EARLY],
    ])
  })

  it('offset without a total: an empty page is the end', async () => {
    const { list, warnings } = listing(offsetTotal, (offset) => ({ runs: offset < 4 ? ids(offset, 2) : [] }))
    expect(await collect(paginate(list))).toHaveLength(4)
    expect(warnings).toEqual([])
  })

  it('numbered pages: stops at the declared count; an empty page before it stopped early', async () => {
    const whole = listing(numbered, (page) => ({ runs: ids(page * 10, 1), pages: 3 }))
    expect(idsOf(await collect(paginate(whole.list)))).toEqual(['r10', 'r20', 'r30'])
    expect(whole.reads).toEqual([1, 2, 3])
    const cut = listing(numbered, (page) => ({ runs: page === 1 ? ids(0, 1) : [], pages: 9 }))
    await collect(paginate(cut.list))
    expect(cut.warnings).toEqual([
      ["Acme's listing of runs ended early: page 2 of the 9 declared was empty.", EARLY],
    ])
  })

  it('has_more: an empty page, or no cursor, where more were promised stopped early', async () => {
    const empty = listing(hasMore, (cursor) =>
      cursor === undefined ? { runs: ids(0, 2), next: 'c1', has_more: true } : { runs: [], has_more: true },
    )
    await collect(paginate(empty.list))
    expect(empty.warnings).toEqual([
      ["Acme's listing of runs ended early: an empty page where more were promised.", EARLY],
    ])
    const noCursor = listing(hasMore, () => ({ runs: ids(0, 2), has_more: true }))
    await collect(paginate(noCursor.list))
    expect(noCursor.warnings).toEqual([
      ["Acme's listing of runs ended early: no cursor where more were promised.", EARLY],
    ])
  })

  it('has_more false ends the list even with a cursor', async () => {
    const { list, reads } = listing(hasMore, () => ({ runs: ids(0, 2), next: 'c1', has_more: false }))
    expect(await collect(paginate(list))).toHaveLength(2)
    expect(reads).toHaveLength(1)
  })

  it('one page: one read', async () => {
    const { list, reads } = listing(onePage, () => ({ runs: ids(0, 3) }))
    expect(await collect(paginate(list))).toHaveLength(3)
    expect(reads).toEqual([null])
  })
})

describe('paginate: hostile servers cost a bounded number of requests', () => {
  it('a server that ignores the offset: two reads, then stopped early', async () => {
    const { list, reads, warnings } = listing(offsetTotal, () => ({ runs: ids(0, 3), total: 1e12 }))
    expect(await collect(paginate(list))).toHaveLength(3)
    expect(reads).toEqual([0, 3])
    expect(warnings).toEqual([
      [
        'Acme answered page 2 of runs (GET /runs) with nothing not seen before; listing stopped there (the server may ignore the offset or cursor).',
        EARLY,
      ],
    ])
  })

  it('pages that rotate under fresh cursors end after one turn, not at the page budget', async () => {
    // Three pages, then the first again under a new cursor, and so on: the page guard of old compared a page
    // only with the one before, and followed this to its page budget.
    const { list, reads, warnings } = listing(hasMore, (_cursor, read) => ({
      runs: ids(((read - 1) % 3) * 2, 2),
      next: `c${read}`,
      has_more: true,
    }))
    expect(idsOf(await collect(paginate(list)))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5'])
    expect(reads).toHaveLength(4)
    expect(warnings[0]?.[1]).toEqual(EARLY)
  })

  it('a cursor echoed back: stopped at its second sight', async () => {
    const { list, reads, warnings } = listing(hasMore, (_cursor, read) => ({
      runs: ids(read * 10, 2),
      next: 'same',
      has_more: true,
    }))
    expect(await collect(paginate(list))).toHaveLength(4)
    expect(reads).toEqual([undefined, 'same'])
    expect(warnings).toEqual([
      ['Acme handed back cursor "same" a second time; listing stopped there.', EARLY],
    ])
  })

  it('a listing that never ends stops at the page budget', async () => {
    const { list, reads, warnings } = listing(offsetTotal, (offset) => ({
      runs: ids(offset, 1),
      total: 1e12,
    }))
    let count = 0
    for await (const _ of paginate(list)) count++
    expect(count).toBe(MAX_PAGES)
    expect(reads).toHaveLength(MAX_PAGES)
    expect(warnings).toEqual([
      [`Acme: listing of runs stopped after ${MAX_PAGES} pages, the most one listing reads.`, EARLY],
    ])
  })

  it.each([
    ['an empty body', undefined, 'an empty body'],
    ['{}', {}, 'a page whose "runs" is nothing'],
    ['a string for the list', { runs: 'oops', total: 9 }, 'a page whose "runs" is "oops"'],
    ['an object for the list', { runs: { id: 'r9' }, total: 9 }, 'a page whose "runs" is an object'],
    [
      'an HTML page taken for text',
      '<html>login</html>',
      'a body that is not a JSON object ("<html>login</html>")',
    ],
  ])(
    'a later page with %s is read again, then fails typed (never taken for the end)',
    async (_, bad, shown) => {
      const { list, reads } = listing(offsetTotal, (offset) =>
        offset === 0 ? { runs: ids(0, 2), total: 9 } : bad,
      )
      const seen: unknown[] = []
      const error = await (async () => {
        for await (const entry of paginate(list)) seen.push(entry)
      })().catch((e: unknown) => e)
      expect(seen).toHaveLength(2)
      expect(EvalrunMalformedResponseError.isInstance(error)).toBe(true)
      expect(error).toMatchObject({
        vendor: 'Acme',
        method: 'GET',
        url: '/runs',
        attempts: 3,
        problem: `${shown}, where a list of runs was expected`,
      })
      expect(reads).toEqual([0, 2, 2, 2])
    },
  )

  it('with retries off, a malformed page is read once', async () => {
    const { list, reads } = listing(
      offsetTotal,
      (offset) => (offset === 0 ? { runs: ids(0, 2), total: 9 } : {}),
      {
        retry: false,
      },
    )
    const error = await collect(paginate(list)).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      'Acme answered GET /runs with a page whose "runs" is nothing, where a list of runs was expected (read once: retries are off).',
    )
    expect(reads).toEqual([0, 2])
  })

  it('a malformed page that comes right on a second read goes on', async () => {
    const { list, reads } = listing(offsetTotal, (offset, read) =>
      read === 2 ? '<html>login</html>' : { runs: ids(offset, 2), total: 4 },
    )
    expect(await collect(paginate(list))).toHaveLength(4)
    expect(reads).toEqual([0, 2, 2])
  })
})

describe('paginate: entries', () => {
  it('drops entries seen on an earlier page (pages shifted by new runs)', async () => {
    const { list } = listing(offsetTotal, (offset) => ({ runs: ids(offset === 0 ? 0 : 1, 2), total: 4 }))
    expect(idsOf(await collect(paginate(list)))).toEqual(['r0', 'r1', 'r2'])
  })

  it('entries that lack their id are known by their content, so a page of them can repeat', async () => {
    const { list, reads, warnings } = listing(numbered, () => ({ runs: [{ name: 'no id' }], pages: 1e9 }))
    expect(await collect(paginate(list))).toHaveLength(1)
    expect(reads).toEqual([1, 2])
    expect(warnings[0]?.[1]).toEqual(EARLY)
  })

  it('without ids, keeps equal entries but stops on a repeated page', async () => {
    const row = { cells: ['same'] }
    const { list, reads, warnings } = listing(numbered, () => ({ runs: [row, row], pages: 50 }), {
      key: undefined,
    })
    expect(await collect(paginate(list))).toEqual([row, row])
    expect(reads).toEqual([1, 2])
    expect(warnings[0]?.[1]).toEqual(EARLY)
  })

  it('releases each entry from its page as it is yielded', async () => {
    const page = { runs: ids(0, 3) }
    const { list } = listing(onePage, () => page, { key: undefined })
    const iterator = paginate(list)
    await iterator.next()
    await iterator.next()
    // The page's own list no longer holds what was handed out.
    expect(page.runs.filter((entry) => entry !== undefined)).toHaveLength(1)
    await iterator.return(undefined)
  })
})
