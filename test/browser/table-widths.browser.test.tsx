import { WebhookTable } from 'integration-webhooks'
import { mockStats, mockWebhooks } from 'integration-webhooks/mocks'
import { afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { render, renderMockedManager, rerender } from './render'
import { charactersShown, height, rows, shoot } from './support/measure'
import '../../src/components/styles.css'

// The table between a tablet and a wide laptop, with and without the Success (24h) column, in real
// Chromium. The column takes about 120 px: at 1,100–1,250 px of window the table layout used to
// keep it and cut the name and URL columns to a few characters ("Microsoft…", "…hooks/gmail").
// Where the columns do not fit, the rows take the two-line layout instead. The screenshots land
// in .vitest-attachments/responsive/ (git-ignored), beside the responsive tests' own.

const widths = [1000, 1100, 1200, 1250, 1300, 1440]

/**
 * A readable column: a name shows at least 12 characters of its font (ch: the width of its "0"),
 * "Microsoft Te" of "Microsoft Teams"; a URL at least 16 of its monospaced font, "…webhooks/gmail"
 * and more, enough to tell one provider's path from another's.
 */
const readable = { name: 12, url: 16 }

/** Every row's name and URL readable, inside their cells; every cell and the table inside its box. */
function expectReadableColumns(width: number) {
  const container = document.querySelector('[data-slot="table-container"]') as HTMLElement
  const table = container.querySelector('table') as HTMLElement
  expect(container.scrollWidth, `sideways scroll at ${width} px`).toBeLessThanOrEqual(container.clientWidth)
  const box = container.getBoundingClientRect()
  const tableBox = table.getBoundingClientRect()
  expect(tableBox.left).toBeGreaterThanOrEqual(box.left - 0.5)
  expect(tableBox.right).toBeLessThanOrEqual(box.right + 0.5)
  expect(rows().length).toBeGreaterThan(0)
  for (const row of rows()) {
    const name = row.querySelector('[data-slot="integration-name"]') as HTMLElement
    const url = row.querySelector('[data-slot="url"]') as HTMLElement
    const label = `${name.textContent} at ${width} px`
    // A short name is shown whole; a long one keeps at least the readable width.
    const shownName = name.scrollWidth > name.clientWidth ? charactersShown(name) : Number.POSITIVE_INFINITY
    expect(shownName, `name of ${label}`).toBeGreaterThanOrEqual(readable.name)
    expect(charactersShown(url), `URL of ${label}`).toBeGreaterThanOrEqual(readable.url)
    for (const cell of row.children) {
      expect(cell.scrollWidth, `${(cell as HTMLElement).dataset.column} of ${label}`).toBeLessThanOrEqual(
        cell.clientWidth,
      )
      const cellBox = cell.getBoundingClientRect()
      expect(cellBox.left, `${(cell as HTMLElement).dataset.column} of ${label}`).toBeGreaterThanOrEqual(box.left - 0.5)
      expect(cellBox.right, `${(cell as HTMLElement).dataset.column} of ${label}`).toBeLessThanOrEqual(box.right + 0.5)
    }
  }
}

afterEach(async () => {
  document.documentElement.removeAttribute('data-theme')
  window.scrollTo(0, 0)
  await page.viewport(414, 896)
})

describe('The table from 1,000 to 1,440 px, in real Chromium', () => {
  it.each(widths)(
    'the manager with Success (24h) at %i px: name and URL readable, nothing past its box',
    async (width) => {
      await page.viewport(width, height)
      renderMockedManager()
      await expect.element(page.getByRole('columnheader', { name: 'Success (24h)' })).toBeVisible()
      await expect.poll(() => document.querySelectorAll('[data-slot="sparkline"]').length).toBeGreaterThan(0)
      expectReadableColumns(width)
      for (const theme of ['light', 'dark'] as const) {
        document.documentElement.dataset.theme = theme
        ;(document.querySelector('[data-slot="toolbar"]') as HTMLElement).scrollIntoView()
        await shoot(`table-stats-${width}-${theme}`)
      }
    },
  )

  it.each(widths)('the table with and without Success (24h) at %i px', async (width) => {
    await page.viewport(width, height)
    const webhooks = mockWebhooks('default')
    render(<WebhookTable webhooks={webhooks} locale="en-US" />)
    await expect.poll(() => rows().length).toBe(webhooks.length)
    expectReadableColumns(width)
    rerender(<WebhookTable webhooks={webhooks} stats={mockStats(webhooks)} locale="en-US" />)
    await expect.poll(() => document.querySelectorAll('[data-slot="sparkline"]').length).toBeGreaterThan(0)
    expectReadableColumns(width)
  })
})

describe('The table in a right-to-left page, in real Chromium', () => {
  it('aligns each header and cell to its start (the right), the counts to their end (the left)', async () => {
    await page.viewport(1280, height)
    const webhooks = mockWebhooks('default').slice(0, 5)
    render(
      <div dir="rtl" lang="ar">
        <WebhookTable webhooks={webhooks} locale="ar-EG" />
      </div>,
    )
    await expect.poll(() => rows().length).toBe(5)
    expect(getComputedStyle(rows()[0] as Element).display).toBe('table-row')
    const header = page.getByRole('columnheader', { name: 'Integration' }).element()
    const sort = page.getByRole('button', { name: 'Integration' }).element()
    // Old: 'left', the words at the far side of a column that starts on the right.
    expect(header.getBoundingClientRect().right - sort.getBoundingClientRect().right).toBeLessThan(16)
    const count = rows()[0]?.querySelector('[data-column="triggerCount"]') as HTMLElement
    const range = document.createRange()
    range.selectNodeContents(count)
    expect(range.getBoundingClientRect().left - count.getBoundingClientRect().left).toBeLessThan(16)
  })
})
