import { useState } from 'react'
import type { Page } from '@xianjie/contract'
import { useAction } from './useAction'

/** `more` after `shown`, less what is already there: a list that shifted between pages shows nobody twice. */
export function appendNew<T>(shown: T[], more: T[], keyOf: (row: T) => string): T[] {
  const seen = new Set(shown.map(keyOf))
  return [...shown, ...more.filter((row) => !seen.has(keyOf(row)))]
}

/**
 * A list the API answers a page at a time (`Page<T>`, the total from `X-Total-Count`): the rows
 * shown so far, how many are left, and the next page on demand — fetched from where the shown
 * rows end, in the same order.
 */
export function usePages<T>(keyOf: (row: T) => string) {
  const [rows, setRows] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const more = useAction()

  /** A first page: replaces whatever was shown (another filter, another org, a refresh). */
  const reset = (page: Page<T>) => {
    setRows(page.items)
    setTotal(page.total)
  }

  /** The next page, `fetch(offset)` with the offset where the shown rows end. */
  const loadMore = async (fetch: (offset: number) => Promise<Page<T>>) => {
    const page = await more.run(() => fetch(rows.length))
    if (!page) return
    setRows(appendNew(rows, page.items, keyOf))
    setTotal(page.total)
  }

  /** A row that left the list on the server too (decided, say): gone from both the rows and the total. */
  const remove = (key: string) => {
    setRows((shown) => shown.filter((row) => keyOf(row) !== key))
    setTotal((n) => Math.max(0, n - 1))
  }

  return { rows, total, left: Math.max(0, total - rows.length), reset, loadMore, remove, more }
}
