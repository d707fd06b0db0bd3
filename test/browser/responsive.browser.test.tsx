import axe from 'axe-core'
import { germanLabels, WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import { afterEach, describe, expect, it } from 'vitest'
import { cdp, page, userEvent } from 'vitest/browser'
import { render, renderMockedManager, rerender } from './render'
import { columnNameFits, height, nextFrame, rows, shoot, shownWhole, textShownWhole } from './support/measure'
import '../../src/components/styles.css'

// The component in the width its host gives it, in real Chromium: a phone (375 px), a tablet
// (768 px) and a laptop (1280 px). Narrower than its columns need, the table stacks its rows into
// a list, and the execution history its executions; nothing goes off-screen or is cut. The
// screenshots land in .vitest-attachments/responsive/ (git-ignored), to look at.

function renderManager(theme: 'light' | 'dark' = 'light') {
  // The page's theme, so the dialog (in a portal) follows it too.
  document.documentElement.dataset.theme = theme
  document.body.dataset.iwTestBackground = theme
  renderMockedManager()
}

const pageBackground = document.createElement('style')
pageBackground.textContent = `body[data-iw-test-background="light"] { background: #f1f5f9 }
body[data-iw-test-background="dark"] { background: #020617 }`
document.head.append(pageBackground)

/** Every row's last trigger time and its column name shown whole, and no sideways scroll. */
function expectLastTriggeredWhole() {
  const container = document.querySelector('[data-slot="table-container"]') as HTMLElement
  expect(container.scrollWidth).toBeLessThanOrEqual(container.clientWidth)
  for (const row of rows()) {
    const cell = row.querySelector('[data-column="lastTriggered"]') as HTMLElement
    const name = row.querySelector('[data-slot="integration-name"]')?.textContent
    expect(textShownWhole(cell.querySelector('[data-slot="time"]') as HTMLElement), `time of ${name}`).toBe(true)
    expect(cell.scrollWidth, `cell of ${name}`).toBeLessThanOrEqual(cell.clientWidth)
    expect(columnNameFits(cell), `column name of ${name}`).toBe(true)
  }
}

const detailsFor = (name: string) => page.getByRole('button', { name: `Details for ${name}`, exact: true })

async function expectNoAxeViolations(context: Element) {
  // 'region' is about the host page (its landmarks), not the component.
  const results = await axe.run(context, { resultTypes: ['violations'], rules: { region: { enabled: false } } })
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** The table's rows, cells and headers as Chromium's accessibility tree has them (read over CDP). */
async function accessibleTable() {
  type Node = { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }
  type Frame = { frame: { id: string }; childFrames?: Frame[] }
  const session = cdp()
  await session.send('Accessibility.enable')
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: Frame }
  const frames: string[] = []
  const walk = (frame: Frame) => {
    frames.push(frame.frame.id)
    for (const child of frame.childFrames ?? []) walk(child)
  }
  walk(frameTree)
  const nodes: Node[] = []
  for (const frameId of frames) {
    const { nodes: more } = (await session.send('Accessibility.getFullAXTree', { frameId })) as { nodes: Node[] }
    nodes.push(...more)
  }
  const count = (role: string) => nodes.filter((node) => !node.ignored && node.role?.value === role)
  return {
    tables: count('table').length,
    rows: count('row').length,
    columnHeaders: count('columnheader').map((node) => node.name?.value),
    rowHeaders: count('rowheader').length,
    cells: count('cell').map((node) => node.name?.value ?? ''),
  }
}

afterEach(async () => {
  document.documentElement.removeAttribute('data-theme')
  delete document.body.dataset.iwTestBackground
  window.scrollTo(0, 0)
  await page.viewport(414, 896)
})

describe('At 375 px (a phone), in real Chromium', () => {
  it('stacks each row: name, status, URL, triggers and activity all on screen, nothing cut, no sideways scroll', async () => {
    await page.viewport(375, height)
    renderManager()
    await expect.element(detailsFor('GitHub')).toBeVisible()
    const container = document.querySelector('[data-slot="table-container"]') as HTMLElement
    expect(container.scrollWidth).toBeLessThanOrEqual(container.clientWidth)
    expect(rows().length).toBe(30)
    for (const row of rows()) {
      for (const slot of ['status-badge', 'url', 'copy-button', 'integration-name']) {
        const part = row.querySelector(`[data-slot="${slot}"]`) as HTMLElement
        expect(shownWhole(part), `${slot} of ${row.textContent?.slice(0, 20)}`).toBe(true)
      }
      for (const column of ['triggerTypes', 'lastTriggered', 'triggerCount', 'errorCount']) {
        const cell = row.querySelector(`[data-column="${column}"]`) as HTMLElement
        expect(shownWhole(cell), column).toBe(true)
      }
    }
    expectLastTriggeredWhole()
    // Every entry has one height (the window over a long list is arithmetic).
    const first = rows()[0]?.getBoundingClientRect().height ?? 0
    expect(rows().filter((row) => Math.abs(row.getBoundingClientRect().height - first) > 0.5)).toEqual([])
    // A count says what it counts.
    const count = rows()[0]?.querySelector('[data-column="triggerCount"]') as HTMLElement
    expect(getComputedStyle(count, '::before').content).toContain('Executions')
    for (const theme of ['light', 'dark'] as const) {
      document.documentElement.dataset.theme = theme
      document.body.dataset.iwTestBackground = theme
      container.scrollIntoView()
      await shoot(`table-375-${theme}`)
    }
  })

  it('stays a table to assistive technology (axe, and Chromium’s accessibility tree)', async () => {
    await page.viewport(375, height)
    render(<WebhookTable webhooks={mockWebhooks('default').slice(0, 5)} />)
    await expect.poll(() => rows().length).toBe(5)
    expect(getComputedStyle(rows()[0] as Element).display).toBe('grid')
    await expectNoAxeViolations(document.body)
    const tree = await accessibleTable()
    expect(tree.tables).toBe(1)
    expect(tree.rows).toBe(6)
    expect(tree.rowHeaders).toBe(5)
    expect(tree.columnHeaders).toEqual([
      'Integration',
      'Webhook URL',
      'Status',
      'Triggers',
      'Last triggered',
      'Executions',
      'Errors',
    ])
    // The column name shown beside a count is not read again in its cell: its header names it.
    expect(tree.cells.length).toBe(30)
    expect(tree.cells.filter((name) => /Executions|Errors|Last triggered/.test(name))).toEqual([])
  })

  it('keeps a long list windowed: the rows in view are in the DOM wherever it is scrolled', async () => {
    await page.viewport(375, height)
    const large = mockWebhooks('large')
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => rows().length).toBeGreaterThan(1)
    const container = document.querySelector('[data-slot="table-container"]') as HTMLElement
    expect(getComputedStyle(rows()[0] as Element).display).toBe('grid')
    expect(rows().length).toBeLessThanOrEqual(100)
    const rowHeight = rows()[0]?.getBoundingClientRect().height ?? 0
    const head = document.querySelector('thead')?.getBoundingClientRect().height ?? 0
    expect(Math.abs(container.scrollHeight - head - large.length * rowHeight)).toBeLessThan(2)
    for (const top of [rowHeight * 3.5, rowHeight * 1234.25, container.scrollHeight]) {
      container.scrollTop = top
      await nextFrame()
      await nextFrame()
      const box = container.getBoundingClientRect()
      // The top and bottom edges of the scroll box show rows, not the blank spacers.
      for (const y of [box.top + 2, box.bottom - 2]) {
        const x = box.left + box.width / 2
        const hit = document.elementFromPoint(x, y)
        expect(hit?.closest('[data-slot="row"], thead'), `at ${y} after scrolling to ${top}`).not.toBeNull()
      }
    }
  })

  it('stacks the execution history: time, trigger, status and response of each on screen', async () => {
    await page.viewport(375, height)
    renderManager()
    await userEvent.click(detailsFor('GitHub'))
    await expect.poll(() => document.querySelectorAll('[data-slot="execution-row"]').length).toBe(20)
    const history = document.querySelector('[data-slot="execution-table-scroll"]') as HTMLElement
    expect(history.scrollWidth).toBeLessThanOrEqual(history.clientWidth)
    for (const row of document.querySelectorAll('[data-slot="execution-row"]')) {
      for (const slot of ['expand-button', 'time', 'absolute-time', 'trigger-type', 'execution-status']) {
        expect(shownWhole(row.querySelector(`[data-slot="${slot}"]`) as Element), slot).toBe(true)
      }
      for (const column of ['responseCode', 'duration']) {
        expect(shownWhole(row.querySelector(`[data-column="${column}"]`) as Element), column).toBe(true)
      }
    }
    const failed = document.querySelector('[data-slot="execution-row"][data-status="error"]') as HTMLElement
    expect(shownWhole(failed.querySelector('[data-slot="execution-error"]') as Element)).toBe(true)
    expect(shownWhole(failed.querySelector('[data-column="retry"] button') as Element)).toBe(true)
    await expectNoAxeViolations(document.body)
    const expand = document.querySelector('[data-slot="execution-row"] [data-slot="expand-button"]') as HTMLElement
    expand.scrollIntoView()
    await shoot('history-375-light')
    await userEvent.click(expand)
    const body = page.getByRole('region', { name: 'Response body' }).first()
    await expect.element(body).toBeVisible()
    expect(shownWhole(body.element())).toBe(true)
    expand.scrollIntoView()
    document.documentElement.dataset.theme = 'dark'
    document.body.dataset.iwTestBackground = 'dark'
    await shoot('history-375-dark')
  })
})

describe('At 768 px (a tablet), in real Chromium', () => {
  it('lists each webhook on two lines, the activity beside them, without sideways scroll', async () => {
    await page.viewport(768, height)
    renderManager()
    await expect.element(detailsFor('GitHub')).toBeVisible()
    const container = document.querySelector('[data-slot="table-container"]') as HTMLElement
    expect(container.scrollWidth).toBeLessThanOrEqual(container.clientWidth)
    for (const row of rows()) {
      for (const column of ['status', 'webhookUrl', 'triggerTypes', 'lastTriggered', 'triggerCount', 'errorCount'])
        expect(shownWhole(row.querySelector(`[data-column="${column}"]`) as Element), column).toBe(true)
    }
    expectLastTriggeredWhole()
    for (const theme of ['light', 'dark'] as const) {
      document.documentElement.dataset.theme = theme
      document.body.dataset.iwTestBackground = theme
      container.scrollIntoView()
      await shoot(`table-768-${theme}`)
    }
    await userEvent.click(detailsFor('GitHub'))
    await expect.poll(() => document.querySelectorAll('[data-slot="execution-row"]').length).toBe(20)
    const history = document.querySelector('[data-slot="execution-table-scroll"]') as HTMLElement
    expect(history.scrollWidth).toBeLessThanOrEqual(history.clientWidth)
    history.scrollIntoView()
    await shoot('history-768-dark')
  })
})

describe('At 1280 px (a laptop), in real Chromium', () => {
  it('shows the whole table, and an expanded execution’s response body whole', async () => {
    await page.viewport(1280, height)
    renderManager()
    await expect.element(detailsFor('GitHub')).toBeVisible()
    const container = document.querySelector('[data-slot="table-container"]') as HTMLElement
    expect(getComputedStyle(rows()[0] as Element).display).toBe('table-row')
    expect(container.scrollWidth).toBeLessThanOrEqual(container.clientWidth)
    expectLastTriggeredWhole()
    for (const theme of ['light', 'dark'] as const) {
      document.documentElement.dataset.theme = theme
      document.body.dataset.iwTestBackground = theme
      ;(document.querySelector('[data-slot="toolbar"]') as HTMLElement).scrollIntoView()
      await shoot(`table-1280-${theme}`)
    }
    document.documentElement.dataset.theme = 'light'
    document.body.dataset.iwTestBackground = 'light'

    await userEvent.click(detailsFor('GitHub'))
    await expect.poll(() => document.querySelectorAll('[data-slot="execution-row"]').length).toBe(20)
    const history = document.querySelector('[data-slot="execution-table-scroll"]') as HTMLElement
    expect(history.scrollWidth).toBeLessThanOrEqual(history.clientWidth)
    // Every execution's columns, the failed one's error and Retry too.
    const failed = document.querySelector('[data-slot="execution-row"][data-status="error"]') as HTMLElement
    expect(shownWhole(failed.querySelector('[data-slot="execution-error"]') as Element)).toBe(true)
    expect(shownWhole(failed.querySelector('[data-column="retry"] button') as Element)).toBe(true)
    const expand = document.querySelector('[data-slot="execution-row"] [data-slot="expand-button"]') as HTMLElement
    await userEvent.click(expand)
    const body = page.getByRole('region', { name: 'Response body' }).first()
    await expect.element(body).toBeVisible()
    for (const name of ['Payload', 'Headers', 'Response body'])
      expect(shownWhole(page.getByRole('region', { name }).first().element()), name).toBe(true)
    expect(history.scrollWidth).toBeLessThanOrEqual(history.clientWidth)
    await expectNoAxeViolations(document.body)
    for (const theme of ['light', 'dark'] as const) {
      document.documentElement.dataset.theme = theme
      document.body.dataset.iwTestBackground = theme
      expand.scrollIntoView()
      await shoot(`history-1280-${theme}`)
    }
  })
})

describe('The last trigger time, in real Chromium', () => {
  // The longest relative times of each unit, in locales whose words are long, beside "Never" on an
  // entry whose status takes two badges (inactive, setup required): each shown whole in the
  // stacked list, the two-line list and the table, never cut with an ellipsis or off the edge.
  const now = Date.parse('2026-06-15T12:00:00Z')
  const second = 1000
  const day = 86_400 * second
  const ago = [59 * second, 59 * 60 * second, 23 * 3600 * second, 6 * day, 8 * day, 40 * day, 300 * day, 800 * day]
  const all = mockWebhooks('default')
  const needsSetup = all.filter((webhook) => webhook.external_config.setup_required)
  const webhooks = [
    ...all
      .filter((webhook) => !webhook.external_config.setup_required)
      .slice(0, ago.length)
      .map((webhook, index) => ({ ...webhook, last_triggered: new Date(now - (ago[index] ?? 0)).toISOString() })),
    ...needsSetup,
  ]

  it.each([375, 768, 1280])('at %i px, in English, German (its labels too), French and Dutch', async (width) => {
    expect(needsSetup.length).toBeGreaterThan(0)
    await page.viewport(width, height)
    render(<WebhookTable webhooks={webhooks} now={now} locale="en-US" />)
    await expect.poll(() => rows().length).toBe(webhooks.length)
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'nl-NL']) {
      // German with its own labels ("Zuletzt ausgelöst" above the time), the others with English ones.
      const labels = locale === 'de-DE' ? germanLabels : undefined
      rerender(<WebhookTable webhooks={webhooks} now={now} locale={locale} labels={labels} />)
      const expected = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-59, 'second')
      await expect
        .poll(() => rows().map((row) => row.querySelector('[data-slot="time"]')?.textContent))
        .toContain(expected)
      expectLastTriggeredWhole()
    }
    await shoot(`last-triggered-${width}-nl`)
  })
})

describe('A row’s parts, in real Chromium, in English and German', () => {
  const defaults = mockWebhooks('default')
  /** The row's boxes a reader sees, each with what it is called. */
  const parts = (row: HTMLElement) =>
    [
      ...row.querySelectorAll<HTMLElement>(
        '[data-slot="integration-name"], [data-slot="status-badge"], [data-slot="setup-badge"], [data-slot="url"], [data-slot="copy-button"], [data-slot="trigger-type"], [data-slot="trigger-more"], [data-column="lastTriggered"], [data-column="triggerCount"], [data-column="errorCount"]',
      ),
    ].map((element) => ({ element, name: element.dataset.slot ?? element.dataset.column ?? '' }))

  /**
   * The 30 default webhooks at `width`, stacked: `check` runs in English, then in German (its
   * labels and locale), once each has been laid out.
   */
  async function forEachLanguage(width: number, check: () => void) {
    await page.viewport(width, height)
    render(<WebhookTable webhooks={defaults} locale="en-US" />)
    await expect.poll(() => rows().length).toBe(defaults.length)
    for (const labels of [undefined, germanLabels]) {
      rerender(<WebhookTable webhooks={defaults} locale={labels ? 'de-DE' : 'en-US'} labels={labels} />)
      await nextFrame()
      expect(getComputedStyle(rows()[0] as Element).display).toBe('grid')
      check()
    }
  }

  it('at 375 px, shows every one of the 30 default webhooks’ names whole, the badges beside no name', async () => {
    await forEachLanguage(375, () => {
      for (const row of rows()) {
        const name = row.querySelector('[data-slot="integration-name"]') as HTMLElement
        // The whole name, not "Gm…": its text inside its box and every box that clips it.
        expect(textShownWhole(name), name.textContent ?? '').toBe(true)
        const nameBox = name.getBoundingClientRect()
        for (const slot of ['status-badge', 'setup-badge']) {
          const badge = row.querySelector(`[data-slot="${slot}"]`)
          if (!badge) continue
          expect(textShownWhole(badge as HTMLElement), `${slot} of ${name.textContent}`).toBe(true)
          // Below the name, not on its line.
          expect(badge.getBoundingClientRect().top, `${slot} of ${name.textContent}`).toBeGreaterThanOrEqual(
            nameBox.bottom - 0.5,
          )
        }
      }
      const first = rows()[0]?.getBoundingClientRect().height ?? 0
      expect(rows().filter((row) => Math.abs(row.getBoundingClientRect().height - first) > 0.5)).toEqual([])
      expectLastTriggeredWhole()
    })
    await shoot('names-375-de')
  })

  it('at 768 px, overlaps none of a row’s boxes and cuts no badge', async () => {
    await forEachLanguage(768, () => {
      expect(document.querySelectorAll('[data-slot="setup-badge"]').length).toBeGreaterThan(0)
      for (const row of rows()) {
        const title = row.querySelector('[data-slot="integration-name"]')?.textContent
        const boxes = parts(row).map((part) => ({ ...part, box: part.element.getBoundingClientRect() }))
        for (const [index, a] of boxes.entries()) {
          for (const b of boxes.slice(index + 1)) {
            // A badge inside its cell is not an overlap; two boxes side by side or stacked are.
            if (a.element.contains(b.element) || b.element.contains(a.element)) continue
            const overlap =
              Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 0.5 &&
              Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 0.5
            expect(overlap, `${a.name} and ${b.name} of ${title}`).toBe(false)
          }
        }
        for (const part of boxes.filter((p) => p.name === 'status-badge' || p.name === 'setup-badge'))
          expect(textShownWhole(part.element), `${part.name} of ${title}`).toBe(true)
      }
    })
    await shoot('rows-768-de')
  })
})
