import { CopyButton, WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render, rerender } from './render'
import '../../src/components/styles.css'

// Real layout in real Chromium: what jsdom cannot show. The window of rows is computed from
// the scroll container's scroll position and height and the (one) row height.

const large = mockWebhooks('large')
const scroller = () => document.querySelector<HTMLElement>('[data-slot="table-container"]') as HTMLElement
const renderedRows = () => [...document.querySelectorAll<HTMLElement>('[data-slot="row"]')]
const indexOf = (row: Element | undefined) => Number(row?.getAttribute('data-index'))
const rowHeight = () => renderedRows()[0]?.getBoundingClientRect().height ?? 0
/** Resolves once the browser has painted a frame after the current one. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
/** Scrolls the table to a row (a fraction: part of it) and waits for the scroll's end and the frame after it. */
async function scrollToRow(row: number) {
  const ended = new Promise((resolve, reject) => {
    scroller().addEventListener('scrollend', resolve, { once: true })
    setTimeout(() => reject(new Error('no scrollend')), 2000)
  })
  expect(scroller().scrollTop).not.toBe(rowHeight() * row)
  scroller().scrollTop = rowHeight() * row
  await ended
  await nextFrame()
}

// A window wide enough for the table's columns: narrower, its rows stack into a list of taller
// entries (windowed too: test/browser/responsive.browser.test.tsx).
beforeAll(async () => {
  await page.viewport(1280, 896)
})
afterAll(async () => {
  await page.viewport(414, 896)
})

describe('WebhookTable in real Chromium', () => {
  it('keeps at most 100 rows in the DOM for 5,000 webhooks, and shows other rows after scrolling', async () => {
    expect(large.length).toBe(5000)
    render(<WebhookTable webhooks={large} />)
    await expect
      .element(page.getByRole('button', { name: `Details for ${large[0]?.external_config.integration_name}` }).first())
      .toBeVisible()
    expect(scroller().hasAttribute('data-virtualized')).toBe(true)
    // The window is there from the first paint: a spacer row keeps the full scroll height.
    expect(document.querySelector('[data-slot="spacer"]')).not.toBeNull()
    // The theme's row height, measured (it follows the font size): never a number assumed here.
    const rowHeight = renderedRows()[0]?.getBoundingClientRect().height ?? 0
    expect(rowHeight).toBeGreaterThan(0)
    expect(scroller().scrollHeight).toBeGreaterThanOrEqual(rowHeight * 5000 * 0.99)
    expect(renderedRows().length).toBeGreaterThan(5)
    expect(renderedRows().length).toBeLessThanOrEqual(100)
    expect(document.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5001')

    expect(indexOf(renderedRows()[0])).toBe(0)
    scroller().scrollTo({ top: rowHeight * 2500 })
    await expect.poll(() => indexOf(renderedRows()[0])).toBeGreaterThan(2000)
    expect(renderedRows().length).toBeLessThanOrEqual(100)
    const row = renderedRows()[0]
    expect(Number(row?.getAttribute('aria-rowindex'))).toBe(indexOf(row) + 2)
  })

  it('gives every row one height, so the scroll height is the rows times that height', async () => {
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(5)
    const heights = new Set(renderedRows().map((row) => row.getBoundingClientRect().height))
    expect(heights.size).toBe(1)
    const head = document.querySelector('thead')?.getBoundingClientRect().height ?? 0
    expect(Math.abs(scroller().scrollHeight - head - large.length * rowHeight())).toBeLessThan(2)
  })

  it('puts the rows where the scroll position says, with consecutive aria-rowindex values', async () => {
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(5)
    const height = rowHeight()
    scroller().scrollTop = height * 1234.5
    await expect.poll(() => indexOf(renderedRows()[0])).toBeGreaterThan(1200)
    const rows = renderedRows()
    // The row at the top of the view is rendered, at the place the scroll position gives it.
    const top = rows.find((row) => indexOf(row) === 1234)
    const view = scroller().getBoundingClientRect().top + (document.querySelector('thead')?.offsetHeight ?? 0)
    expect(Math.abs((top?.getBoundingClientRect().top ?? 0) + height / 2 - view)).toBeLessThan(2)
    expect(indexOf(rows[0])).toBeLessThanOrEqual(1234)
    expect(indexOf(rows.at(-1))).toBeGreaterThan(1234 + scroller().clientHeight / height - 1)
    rows.forEach((row, i) => {
      expect(indexOf(row)).toBe(indexOf(rows[0]) + i)
      expect(row.getAttribute('aria-rowindex')).toBe(String(indexOf(row) + 2))
    })
  })

  it('keeps a focused row in the DOM, and the focus on it, while it is scrolled out of view', async () => {
    render(<WebhookTable webhooks={large} />)
    const first = page.getByRole('button', { name: `Details for ${large[0]?.external_config.integration_name}` })
    await expect.element(first.first()).toBeVisible()
    const button = first.first().element() as HTMLButtonElement
    button.focus()
    expect(document.activeElement).toBe(button)

    scroller().scrollTop = rowHeight() * 3000
    await expect.poll(() => indexOf(renderedRows()[1])).toBeGreaterThan(2900)
    await nextFrame()
    expect(document.activeElement).toBe(button)
    expect(button.isConnected).toBe(true)
    expect(renderedRows().length).toBeLessThanOrEqual(100)
    // It keeps its place: a spacer above the window and one between it and the window.
    expect(indexOf(renderedRows()[0])).toBe(0)
    expect(renderedRows()[0]?.getAttribute('aria-rowindex')).toBe('2')
    expect(document.querySelectorAll('[data-slot="spacer"]').length).toBe(2)
    const head = document.querySelector('thead')?.getBoundingClientRect().height ?? 0
    expect(Math.abs(scroller().scrollHeight - head - large.length * rowHeight())).toBeLessThan(2)

    // Once the focus is elsewhere, the row leaves the DOM with the other rows out of view.
    button.blur()
    await expect.poll(() => indexOf(renderedRows()[0])).toBeGreaterThan(2900)
  })

  it('holds, at rest, the rows in view (cut ones too) and one more past each edge, no more', async () => {
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(5)
    await nextFrame()
    const head = document.querySelector('thead')?.getBoundingClientRect().height ?? 0
    const expectWindow = () => {
      const height = rowHeight()
      const top = scroller().scrollTop
      // In view: the rows between the header's bottom edge and the container's.
      const first = Math.floor(top / height)
      const last = Math.ceil((top + scroller().clientHeight - head) / height) - 1
      const indexes = renderedRows().map(indexOf)
      expect(indexes[0]).toBe(Math.max(0, first - 1))
      expect(indexes.at(-1)).toBe(last + 1)
    }
    expectWindow()
    for (const position of [1000, 1000.5, 2345.25]) {
      await scrollToRow(position)
      expectWindow()
    }
  })

  // A limit of its own: twelve key presses, each a round trip from the page through the test
  // runner's process to Playwright and back, and a frame after each. 2.4 s with three CPU-bound
  // processes beside it (load average 15); 9.0 s and 37.2 s in two earlier runs of two full suites
  // side by side, close to the browser project's 45 s: the waiting is the machine's, not the table's.
  it('lets the keyboard move row by row past both edges of the window (Tab, Shift+Tab)', async () => {
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(5)
    // Row 1000 exactly at the top of the view: the row above it is out of view.
    scroller().scrollTop = rowHeight() * 1000
    await expect.poll(() => renderedRows().some((row) => indexOf(row) === 1000)).toBe(true)
    await nextFrame()
    const focusedRow = () => indexOf(document.activeElement?.closest('[data-slot="row"]') ?? undefined)
    // The focused control is in full view: below the sticky header, above the container's bottom.
    const inView = () => {
      const focused = document.activeElement?.getBoundingClientRect()
      // The header cells are sticky (the <thead> box itself scrolls away).
      const head = document.querySelector('thead th')?.getBoundingClientRect()
      const view = scroller().getBoundingClientRect()
      return (
        focused !== undefined &&
        head !== undefined &&
        focused.top >= head.bottom - 0.5 &&
        focused.bottom <= view.bottom + 0.5
      )
    }
    const focusRow = (index: number) =>
      renderedRows()
        .find((row) => indexOf(row) === index)
        ?.querySelector<HTMLButtonElement>('[data-slot="open-details"]')
        ?.focus()
    focusRow(1000)
    expect(focusedRow()).toBe(1000)
    // Each row has two stops (its name, its URL's copy button). Across the top edge: up three
    // rows, two past the one rendered above the view. Each key press is a round trip to the
    // browser (slow on a busy machine): a few past each edge, not a walk through the window.
    for (let step = 1; step <= 6; step++) {
      await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
      await nextFrame()
      expect(focusedRow()).toBe(1000 - Math.ceil(step / 2))
      expect(inView()).toBe(true)
    }
    // Across the bottom edge: from the last row wholly in view, down three rows.
    const bottom = scroller().getBoundingClientRect().bottom
    const last = Math.max(
      ...renderedRows()
        .filter((row) => row.getBoundingClientRect().bottom <= bottom + 0.5)
        .map(indexOf),
    )
    focusRow(last)
    for (let step = 1; step <= 6; step++) {
      await userEvent.keyboard('{Tab}')
      await nextFrame()
      expect(focusedRow()).toBe(last + Math.floor(step / 2))
      expect(inView()).toBe(true)
    }
    expect(renderedRows().length).toBeLessThanOrEqual(100)
  }, 90_000)

  it('renders rows ahead of a scroll under way, and one past each edge once it ends', async () => {
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(5)
    await nextFrame()
    // At the top: the rows in view and one past the bottom edge.
    const atRest = renderedRows().length
    // A render that changes no row keeps what the mount measured (the header's height too).
    rerender(<WebhookTable webhooks={large} className="again" />)
    await nextFrame()
    const indexes = () => renderedRows().map(indexOf)
    // Read in the scroll event, after the table's own listener has rendered the new window.
    const during: number[][] = []
    const record = () => during.push(indexes())
    scroller().addEventListener('scroll', record)
    const scrollTo = async (row: number) => {
      during.length = 0
      await scrollToRow(row)
      return during.at(-1) ?? []
    }
    const down = await scrollTo(2000)
    expect(Math.min(...down)).toBe(1999)
    expect(Math.max(...down)).toBe(Math.max(...indexes()) + 3)
    expect(renderedRows().length).toBe(atRest + 1)
    expect(Math.min(...indexes())).toBe(1999)
    const up = await scrollTo(1000)
    expect(Math.min(...up)).toBe(996)
    expect(Math.max(...up)).toBe(Math.max(...indexes()))
    expect(Math.min(...indexes())).toBe(999)
    scroller().removeEventListener('scroll', record)
  })

  it('goes back to one row past each edge after a pause in the scroll where there is no scrollend', async () => {
    // As in Safari before 26.2: no onscrollend property, and no scrollend event.
    const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'onscrollend')
    const block = (event: Event) => event.stopImmediatePropagation()
    delete (HTMLElement.prototype as { onscrollend?: unknown }).onscrollend
    window.addEventListener('scrollend', block, { capture: true })
    try {
      render(<WebhookTable webhooks={large} />)
      await expect.poll(() => renderedRows().length).toBeGreaterThan(5)
      await nextFrame()
      const atRest = renderedRows().length
      let during = 0
      const record = () => {
        during = renderedRows().length
      }
      scroller().addEventListener('scroll', record)
      scroller().scrollTop = rowHeight() * 2000
      await expect.poll(() => during).toBe(atRest + 4)
      // A row above the first in view, and one past the bottom edge again.
      await expect.poll(() => renderedRows().length).toBe(atRest + 1)
      scroller().removeEventListener('scroll', record)
    } finally {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, 'onscrollend', descriptor)
      window.removeEventListener('scrollend', block, { capture: true })
    }
  })

  it('lets the row go once the focus moves to the header', async () => {
    render(<WebhookTable webhooks={large} />)
    const first = page.getByRole('button', { name: `Details for ${large[0]?.external_config.integration_name}` })
    await expect.element(first.first()).toBeVisible()
    ;(first.first().element() as HTMLButtonElement).focus()
    scroller().scrollTop = rowHeight() * 3000
    await expect.poll(() => indexOf(renderedRows()[1])).toBeGreaterThan(2900)
    expect(indexOf(renderedRows()[0])).toBe(0)
    document.querySelector<HTMLButtonElement>('[data-slot="sort-button"]')?.focus()
    await expect.poll(() => indexOf(renderedRows()[0])).toBeGreaterThan(2900)
  })

  it('shows the end of the list when a filter leaves fewer rows than the scroll position', async () => {
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(5)
    scroller().scrollTop = rowHeight() * 4900
    await expect.poll(() => indexOf(renderedRows()[0])).toBeGreaterThan(4800)
    rerender(<WebhookTable webhooks={large.slice(0, 300)} />)
    await expect.poll(() => indexOf(renderedRows().at(-1))).toBe(299)
    expect(renderedRows().length).toBeGreaterThan(5)
  })

  it('renders more rows when its container grows', async () => {
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(5)
    const before = renderedRows().length
    scroller().style.setProperty('--iw-table-max-height', `${scroller().clientHeight * 3}px`)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(before + 10)
    expect(renderedRows().length).toBeLessThanOrEqual(100)
  })

  it('renders every row below the threshold', async () => {
    render(<WebhookTable webhooks={large.slice(0, 40)} />)
    await expect.poll(() => document.querySelectorAll('[data-slot="row"]').length).toBe(40)
    expect(document.querySelector('[data-virtualized]')).toBeNull()
  })
})

describe('The focused row in real Chromium, while rows are refilled in place', () => {
  // Hook 000…: names in a known order; ids apart from names, so a refresh can bring new objects.
  const hooks = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      ...(large[i] as (typeof large)[number]),
      id: `hook-${i}`,
      external_config: {
        ...(large[i] as (typeof large)[number]).external_config,
        integration_name: `Hook ${String(i).padStart(3, '0')}`,
      },
    }))
  const focusedName = () => document.activeElement?.getAttribute('aria-label')
  const settle = async () => {
    await nextFrame()
    await nextFrame()
  }

  for (const count of [3, 40, 300]) {
    it(`keeps the focus on its webhook when the order changes under it (${count} rows)`, async () => {
      const rows = hooks(count)
      const table = (sorting: { id: 'name'; desc?: boolean }[], list = rows) => (
        <WebhookTable webhooks={list} tableOptions={{ sorting }} />
      )
      render(table([{ id: 'name' }]))
      const target = page.getByRole('button', { name: 'Details for Hook 002' })
      await expect.element(target).toBeInTheDocument()
      ;(target.element() as HTMLButtonElement).focus()
      await settle()
      for (const sorting of [[{ id: 'name', desc: true }], [{ id: 'name' }], [{ id: 'name', desc: true }]] as const) {
        rerender(table([...sorting]))
        await settle()
        expect(focusedName()).toBe('Details for Hook 002')
      }
      // A refresh: new objects for the same webhooks, and a new one sorted in before it.
      const refreshed = [
        {
          ...(rows[0] as (typeof rows)[number]),
          id: 'new',
          external_config: { ...(rows[0] as (typeof rows)[number]).external_config, integration_name: 'Hook 001a' },
        },
        ...rows.map((row) => ({ ...row })),
      ]
      rerender(table([{ id: 'name' }], refreshed))
      await settle()
      expect(focusedName()).toBe('Details for Hook 002')
      // Gone: its element leaves with it; the focus is on no other webhook.
      rerender(
        table(
          [{ id: 'name' }],
          refreshed.filter((row) => row.id !== 'hook-2'),
        ),
      )
      await settle()
      expect(focusedName() ?? '').not.toMatch(/^Details for/)
      expect(page.getByRole('button', { name: 'Details for Hook 002' }).elements()).toHaveLength(0)
    })
  }
})

describe('CopyButton in real Chromium', () => {
  it('writes the value to the system clipboard and announces it', async () => {
    // "Copied" for a minute, not the default 2 s: on a loaded machine the click's round trip and
    // the first poll can take longer than that, and the poll would wait for a text already gone.
    render(
      <CopyButton
        value="https://app.example.com/api/integration-webhooks/github"
        label="Copy webhook URL"
        resetAfterMs={60_000}
      />,
    )
    await userEvent.click(page.getByRole('button', { name: 'Copy webhook URL' }))
    await expect.element(page.getByRole('status')).toHaveTextContent('Copied to the clipboard')
    expect(await navigator.clipboard.readText()).toBe('https://app.example.com/api/integration-webhooks/github')
  })
})
