import { type ReactNode, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useBrowserLayoutEffect } from './ui-context'

/**
 * Rows rendered past each edge of the visible ones at rest, so the next stop for Tab and
 * Shift+Tab from a row in view is in the DOM. One, as TanStack Virtual's default: each extra
 * row costs every sort and filter about a twelfth of their time at 10,000 rows.
 */
const overscan = 1
/**
 * While a scroll is under way, rows rendered ahead in its direction. The scroll renders the
 * rows it brings into view in its own frame (flushSync below), but a fast flick can move the
 * compositor's frame further than one row before the page catches up. Once the scroll ends
 * (`scrollend`, or `restAfterMs` without a scroll event where there is no `scrollend`), the
 * window goes back to `overscan`.
 */
const ahead = 4
const restAfterMs = 150
/** The most rows in the DOM, however tall the scroll container. */
const maxRows = 100
/** Until a row has been measured: the default theme's `--iw-row-height`. */
const estimatedRowHeight = 67
/** Until the container has been measured (and on the server): a typical table height. */
const estimatedViewport = 600

/**
 * What the window depends on: the first row in view, how many are in view from it (cut ones
 * too), the (one) row height and the header's, and which way a scroll under way goes (1 down,
 * -1 up, 0 at rest).
 */
interface Metrics {
  first: number
  visible: number
  rowHeight: number
  headHeight: number
  /** Whether the header stays at the top of the scroll box (sticky), or scrolls away above the rows. */
  headSticky: boolean
  direction: -1 | 0 | 1
}

/**
 * Every row has one height (the theme gives rows a height in em with single-line cells), so
 * the window is arithmetic: no per-row measuring. The heights of a row and of the (sticky)
 * header are read when the table mounts, when its container resizes and when the header does
 * (the text size changed); a scroll only reads the scroll position.
 */
function measure(container: HTMLElement, previous: Metrics, remeasure: boolean, scrolling: boolean): Metrics {
  let { rowHeight, headHeight, headSticky } = previous
  if (remeasure) {
    const row = container.querySelector('[data-slot="row"]')
    rowHeight = row?.getBoundingClientRect().height || rowHeight
    headHeight = container.querySelector('thead')?.getBoundingClientRect().height ?? 0
    // A narrow container stacks the rows under a header that scrolls with them (the theme's).
    const cell = container.querySelector('thead th')
    headSticky = cell !== null && getComputedStyle(cell).position === 'sticky'
  }
  // No layout (a hidden container, jsdom): assume the window's height.
  const viewport = container.clientHeight || globalThis.innerHeight || 800
  // Rows scroll under a sticky header: the first one in view is the one at scrollTop (a header
  // that scrolls away starts the rows below it), the last the one at the bottom edge (cut or
  // not); a row cut at the top adds one.
  const top = container.scrollTop
  const first = Math.floor(Math.max(0, top - (headSticky ? 0 : headHeight)) / rowHeight)
  return {
    first,
    direction: !scrolling ? 0 : first > previous.first ? 1 : first < previous.first ? -1 : previous.direction,
    visible: Math.max(1, Math.ceil((top + Math.max(0, viewport - headHeight)) / rowHeight) - first),
    rowHeight,
    headHeight,
    headSticky,
  }
}

/** Whether two measures give the same window (the header's height only counts through `visible`). */
const sameWindow = (a: Metrics, b: Metrics) =>
  a.first === b.first && a.visible === b.visible && a.rowHeight === b.rowHeight && a.direction === b.direction

/**
 * A table's rows. Above the threshold (`windowed`) only those in and near the scroll
 * container's view are in the DOM (at most 100), between spacer rows that keep the scroll
 * height. A row that holds the focus stays rendered while it is scrolled out of view, so
 * keyboard focus is never lost.
 *
 * Rows are keyed by their place, not by their data: after a sort or a filter the `<tr>`s in
 * view stay and get new cells, which costs the browser far less than removing them and
 * building new ones (style, layout objects) or moving them. While scrolling, a row keeps its
 * key (its index modulo the most rows in the DOM). The one exception is the row that holds
 * the focus: it keeps the key it had when the focus came, wherever it moves (found by id, so
 * a refresh with new objects keeps it), so the focused element always shows its webhook; a
 * row whose key it took gets a spare one, and while the focused row is gone (filtered out,
 * deleted) no other row takes its key: its element leaves the DOM.
 */
export function VirtualRows<Row>({
  rows,
  getRowId,
  windowed,
  scrollElement: container,
  columnCount,
  renderRow,
}: {
  rows: readonly Row[]
  /** What identifies a row across renders (a refresh brings new objects for the same rows). */
  getRowId: (row: Row) => string
  /** Only the rows in view (and one more past each edge) are rendered; otherwise every row. */
  windowed: boolean
  /** The element that scrolls (the table's container), or holds the rows, once it is in the DOM. */
  scrollElement: HTMLElement | null
  columnCount: number
  /** Renders one row: its element must take `key`. */
  renderRow: (row: Row, index: number, key: string) => ReactNode
}) {
  // The same first window on the server and in the browser (hydration), measured before the first paint.
  const [metrics, setMetrics] = useState<Metrics>(() => ({
    first: 0,
    visible: Math.ceil(estimatedViewport / estimatedRowHeight),
    rowHeight: estimatedRowHeight,
    headHeight: 0,
    headSticky: true,
    direction: 0,
  }))
  // The row whose cells hold the focus (by id, so it is found again after a sort or a refresh),
  // and the key its element had when the focus came.
  const [focused, setFocused] = useState<{ id: string; key: string } | null>(null)
  const keys = new Map<number, string>()
  const latest = useRef({ rows, keys, getRowId })
  useBrowserLayoutEffect(() => {
    latest.current = { rows, keys, getRowId }
  })
  // The last measure, the header's height too (state changes only when the window does).
  const measured = useRef(metrics)

  // The window: measured when it mounts, when the container resizes and on every scroll.
  useBrowserLayoutEffect(() => {
    if (!container || !windowed) return
    const update = (remeasure: boolean, scrolling = false) => {
      const previous = measured.current
      const next = measure(container, previous, remeasure, scrolling)
      measured.current = next
      // The sticky header covers the top of the scroll box: a row that takes the keyboard focus
      // is scrolled into view below it (the default theme's `scroll-padding-top` reads this).
      if (remeasure) container.style.setProperty('--iw-head-height', `${next.headHeight}px`)
      if (!sameWindow(next, previous)) setMetrics(next)
    }
    // At rest again: the rows ahead of the scroll go.
    const onScrollEnd = () => update(false)
    // Browsers without `scrollend` (Safari before 26.2): a pause in the scroll events stands for it.
    const hasScrollEnd = 'onscrollend' in container
    let rest: ReturnType<typeof setTimeout> | undefined
    // The scroll event comes in the frame that shows the new position: render the rows it
    // brings into view in it too, not in a later task (which would show a blank strip first).
    const onScroll = () => {
      flushSync(() => update(false, true))
      if (hasScrollEnd) return
      clearTimeout(rest)
      rest = setTimeout(onScrollEnd, restAfterMs)
    }
    update(true)
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => update(true))
    observer?.observe(container)
    // The header's height follows the text size and spacing (a reader's settings, a host's
    // font), as the rows' do, and changes with nothing else: a scroll never resizes it.
    const head = container.querySelector('thead')
    if (head) observer?.observe(head)
    container.addEventListener('scroll', onScroll, { passive: true })
    container.addEventListener('scrollend', onScrollEnd, { passive: true })
    return () => {
      clearTimeout(rest)
      observer?.disconnect()
      container.removeEventListener('scroll', onScroll)
      container.removeEventListener('scrollend', onScrollEnd)
      container.style.removeProperty('--iw-head-height')
    }
  }, [container, windowed])

  // The focused row, windowed or not (it keeps its key when the rows change under it).
  useBrowserLayoutEffect(() => {
    if (!container) return
    let disposed = false
    const onFocusIn = (event: FocusEvent) => {
      const element = (event.target as Element).closest?.('[data-slot="row"]')
      // React gives the focus back to a row it moved in the middle of a commit, before the
      // rows and keys of that commit are in `latest`: read them once the commit is done.
      queueMicrotask(() => {
        if (disposed) return
        const index = Number(element?.getAttribute('data-index'))
        const row = latest.current.rows[index]
        const key = latest.current.keys.get(index)
        // Focus on the header (or anything else outside the rows) keeps no row.
        setFocused(row === undefined || key === undefined ? null : { id: latest.current.getRowId(row), key })
      })
    }
    // After the focus has moved: forget the row once the focus is elsewhere in the page
    // (not when the whole window loses it: the focus comes back to the same element).
    const onFocusOut = () =>
      setTimeout(() => {
        if (!disposed && !container.contains(document.activeElement)) setFocused(null)
      })
    container.addEventListener('focusin', onFocusIn)
    container.addEventListener('focusout', onFocusOut)
    return () => {
      disposed = true
      container.removeEventListener('focusin', onFocusIn)
      container.removeEventListener('focusout', onFocusOut)
    }
  }, [container])

  const count = rows.length
  const { rowHeight, visible, direction } = metrics
  // After the list shrank the browser clamps the scroll position (and tells us); until then, show its end.
  const first = Math.min(metrics.first, Math.max(0, count - visible))
  const start = windowed ? Math.max(0, first - (direction < 0 ? ahead : overscan)) : 0
  const end = windowed
    ? Math.min(count, first + visible + (direction > 0 ? ahead : overscan), start + maxRows - 1)
    : count
  const indexes: number[] = []
  for (let index = start; index < end; index++) indexes.push(index)
  const focusedIndex = focused === null ? -1 : rows.findIndex((row) => getRowId(row) === focused.id)
  if (focusedIndex >= 0 && focusedIndex < start) indexes.unshift(focusedIndex)
  if (focusedIndex >= end) indexes.push(focusedIndex)
  // Fewer than maxRows consecutive indexes: their keys modulo maxRows differ.
  for (const index of indexes) keys.set(index, `row-${windowed ? index % maxRows : index}`)
  if (focused) {
    // The focused row's key is its own, even while the row is gone (filtered out, deleted):
    // its element then leaves the DOM instead of showing another webhook under the focus.
    for (const [index, key] of keys) if (key === focused.key && index !== focusedIndex) keys.set(index, 'row-spare')
    if (focusedIndex >= 0) keys.set(focusedIndex, focused.key)
  }

  const out: ReactNode[] = []
  let next = 0
  let spacers = 0
  const spacer = (to: number, key = `spacer-${spacers++}`) => {
    if (to > next)
      out.push(
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable
        <tr key={key} data-slot="spacer" aria-hidden="true">
          {/* The height of the rows out of view: the one inline style. */}
          <td colSpan={columnCount} style={{ height: (to - next) * rowHeight }} />
        </tr>,
      )
  }
  for (const index of indexes) {
    spacer(index)
    out.push(renderRow(rows[index] as Row, index, keys.get(index) as string))
    next = index + 1
  }
  spacer(count, 'spacer-end')
  return out
}
