// The benchmark page: built by Vite against the published `dist/` files (see ../render.mjs)
// and driven by playwright-core. Every step is a function on `window.bench`, timed in the page.
import { type IntegrationWebhook, IntegrationWebhookManager, WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import 'integration-webhooks/styles.css'
import { type ReactNode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { NaiveTable } from './naive-table'

/** Milliseconds from the start of an action: until the DOM shows its result, and until that is painted. */
export interface Timing {
  work: number
  paint: number
}

/**
 * An action with a first result and a final one: a mount's first paint with rows and its virtual
 * window (long lists); a sort's header and its rows in the new order.
 */
export interface MountTiming extends Timing {
  settledWork: number
  settledPaint: number
}

export type Impl = 'table' | 'manager' | 'naive'

declare global {
  interface Window {
    bench: typeof bench
    gc?: () => void
  }
}

const container = document.getElementById('root') as HTMLElement
const root = createRoot(container)
let rows: IntegrationWebhook[] = []
let listBody = new Blob()

/** 30 rows: the default fixtures; more: the 5,000 rows of `large`, cycled, with unique ids. */
function makeRows(count: number): IntegrationWebhook[] {
  if (count <= 30) return mockWebhooks('default').slice(0, count)
  const large = mockWebhooks('large')
  return Array.from({ length: count }, (_, i) => {
    const row = large[i % large.length] as IntegrationWebhook
    const cycle = Math.floor(i / large.length)
    return cycle === 0 ? row : { ...row, id: `${row.id}~${cycle}` }
  })
}

/** Resolves after the browser has painted the frame that follows (rAF, then a task after the paint). */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    })
  })
}

/**
 * Runs `action` and times it: `work` ends when a DOM mutation makes `done()` true (a
 * MutationObserver callback, i.e. right after React's commit), `paint` when the frame
 * showing it has been painted. With `settled`, goes on until that is true too (it may be at once).
 */
function measure(action: () => void, done: () => boolean, settled?: () => boolean): Promise<MountTiming> {
  return new Promise((resolve, reject) => {
    let start = 0
    let first: Promise<Timing> | undefined
    const timeOf = (committed: number) =>
      afterNextPaint().then((painted) => ({ work: committed - start, paint: painted - start }))
    const check = () => {
      if (!first && done()) first = timeOf(performance.now())
      if (first && (!settled || settled())) {
        const last = timeOf(performance.now())
        observer.disconnect()
        clearTimeout(timeout)
        void Promise.all([first, last]).then(([a, b]) => resolve({ ...a, settledWork: b.work, settledPaint: b.paint }))
      }
    }
    const observer = new MutationObserver(check)
    observer.observe(container, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-sort', 'aria-rowcount', 'role', 'data-state'],
    })
    const timeout = setTimeout(() => {
      observer.disconnect()
      reject(new Error('timed out waiting for the result in the DOM'))
    }, 30_000)
    start = performance.now()
    action()
  })
}

const rowCount = () => container.querySelectorAll('[data-slot="row"]').length
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

/** A host's own search box driving the table's query, as `tableOptions={{ query }}`. */
function TableWithSearch({ webhooks }: { webhooks: IntegrationWebhook[] }) {
  const [query, setQuery] = useState('')
  return (
    <>
      <input
        type="search"
        data-slot="search"
        aria-label="Search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <WebhookTable webhooks={webhooks} tableOptions={{ query }} />
    </>
  )
}

/**
 * The endpoint, answered from memory: the list as a prepared JSON body, an empty execution
 * history, and no statistics (405) and no live stream (404), like an API without those routes
 * (the tests' MSW servers answer them the same way). Anything else answering with the list would
 * have the manager read and validate the whole list again for its stream and the dialog's chart.
 */
async function fetchFromMemory(input: string): Promise<Response> {
  const headers = { 'content-type': 'application/json' }
  const { pathname } = new URL(input, location.href)
  if (pathname.includes('/executions/')) {
    return new Response(JSON.stringify({ executions: [], next_cursor: null }), { status: 200, headers })
  }
  if (pathname.endsWith('/stats')) return new Response(null, { status: 405 })
  if (pathname.endsWith('/stream')) return new Response(null, { status: 404 })
  return new Response(listBody, { status: 200, headers })
}

function element(impl: Impl): ReactNode {
  if (impl === 'naive') return <NaiveTable rows={rows} />
  if (impl === 'table') return <TableWithSearch webhooks={rows} />
  return (
    <IntegrationWebhookManager
      fetch={fetchFromMemory}
      fallback={false}
      swr={{ revalidateOnFocus: false, revalidateOnReconnect: false }}
    />
  )
}

/** Types into the search box at once (a paste), as React sees it: an `input` event. */
function typeQuery(query: string) {
  const input = container.querySelector<HTMLInputElement>('input[data-slot="search"]')
  if (!input) throw new Error('no search input')
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, query)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

const bench = {
  /** Builds the rows (and for the manager, the JSON body the endpoint answers), outside any timing. */
  setup(count: number, huge = false) {
    rows = makeRows(count)
    // A hostile first row (issue 17, item 9): 100,000 setup lines and 10,000 trigger types, half
    // of them repeated. The dialog shows the first few of each behind "Show all (n)".
    if (huge && rows[0]) {
      const first = rows[0]
      rows[0] = {
        ...first,
        trigger_types: Array.from({ length: 10_000 }, (_, i) => `${first.provider_id}_trigger_${i % 5_000}`),
        external_config: {
          ...first.external_config,
          instructions: Array.from({ length: 100_000 }, (_, i) => `${i + 1}. Step ${i + 1}`).join('\n'),
        },
      }
    }
    // A Blob, like a body from the network: the timed fetch then only reads and parses it.
    listBody = new Blob([JSON.stringify({ webhooks: rows })], { type: 'application/json' })
    return { rows: rows.length, userAgent: navigator.userAgent }
  },

  /** Waits until the page is quiet: two painted frames and a pause. */
  async settle(milliseconds = 100) {
    await afterNextPaint()
    await afterNextPaint()
    await sleep(milliseconds)
  },

  /** JS heap in use after a full garbage collection (needs --js-flags=--expose-gc). */
  heap(): number | null {
    window.gc?.()
    window.gc?.()
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory
    return memory?.usedJSHeapSize ?? null
  },

  /**
   * Renders the table with its data and times until the first paint that shows rows, and
   * until the final rows are in place: above 100 rows, the virtual window between spacer rows.
   */
  mount(impl: Impl): Promise<MountTiming> {
    const windowed = impl !== 'naive' && rows.length > 100
    return measure(
      () => root.render(element(impl)),
      () => rowCount() > 0,
      () => !windowed || container.querySelector('[data-slot="spacer"]') !== null,
    )
  },

  rowsInDom: rowCount,

  /**
   * The floor of every "→ next paint" figure on this machine: the same measurement around an
   * action that does no work (a data attribute on the table, no React, no style depends on it),
   * so what remains is waiting for the next frame and producing it.
   */
  floor(): Promise<Timing> {
    const table = container.querySelector('table')
    if (!table) throw new Error('no table')
    const before = table.getAttribute('data-state')
    return measure(
      () => table.setAttribute('data-state', before === 'a' ? 'b' : 'a'),
      () => table.getAttribute('data-state') !== before,
    )
  },

  /** The distinct heights (px) of the rows in the DOM: the theme gives every row one height. */
  rowHeights(): number[] {
    const heights = new Set<number>()
    for (const row of container.querySelectorAll('[data-slot="row"]')) {
      heights.add(Math.round(row.getBoundingClientRect().height))
    }
    return [...heights].sort((a, b) => a - b)
  },

  /**
   * Clicks the sort button of a column's header (name: by integration name, ascending) and
   * times until the header shows the new sort (`work`, `paint`), and until the rows in the
   * DOM are in the new order (`settledWork`, `settledPaint`; the same when they come in one
   * commit). The bench's first row always changes on these clicks.
   */
  sort(column = 'name'): Promise<MountTiming> {
    const header = container.querySelector(`th[data-column="${column}"]`)
    const button = header?.querySelector<HTMLButtonElement>('button[data-slot="sort-button"]')
    if (!header || !button) throw new Error(`no sort button for ${column}`)
    const before = header.getAttribute('aria-sort')
    // The first row is enough (and cheap: this runs on every mutation until it changes).
    const order = () => container.querySelector('[data-slot="open-details"]')?.getAttribute('data-webhook-trigger')
    const rowsBefore = order()
    return measure(
      () => button.click(),
      () => header.getAttribute('aria-sort') !== before,
      () => order() !== rowsBefore,
    )
  },

  /** Sets the search box to a query and times until the filtered rows are painted. */
  filter(query: string): Promise<Timing & { matches: number }> {
    const table = container.querySelector('table[data-slot="table"]')
    const before = table?.getAttribute('aria-rowcount')
    return measure(
      () => typeQuery(query),
      () => table?.getAttribute('aria-rowcount') !== before,
    ).then((timing) => ({ ...timing, matches: Number(table?.getAttribute('aria-rowcount')) - 1 }))
  },

  /** Clicks the first row's "Details for …" button and times until the dialog is painted. */
  openDialog(): Promise<Timing> {
    const button = container.querySelector<HTMLButtonElement>('button[data-slot="open-details"]')
    if (!button) throw new Error('no details button')
    return measure(
      () => button.click(),
      () => container.querySelector('[role="dialog"]') !== null,
    )
  },
}

window.bench = bench
