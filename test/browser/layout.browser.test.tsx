import { IntegrationWebhookManager, WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import { describe, expect, it } from 'vitest'
import { cdp, page, userEvent } from 'vitest/browser'
import { render, renderMockedManager, rerender } from './render'
import '../../src/components/styles.css'

// Real layout in real Chromium: what the page around the component sees.

const large = mockWebhooks('large')
const renderedRows = () => [...document.querySelectorAll<HTMLElement>('[data-slot="row"]')]
const pageHeight = () => document.documentElement.scrollHeight

describe('The page around a windowed table in real Chromium', () => {
  it('is as tall with 5,000 rows as with 30: nothing hidden sits at the bottom of the full table height', async () => {
    // Both windowed (a threshold below 30), so both tables have the same scroll box.
    render(<WebhookTable webhooks={large.slice(0, 30)} virtualizeThreshold={10} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(3)
    const thirty = pageHeight()
    rerender(<WebhookTable webhooks={large} virtualizeThreshold={10} />)
    await expect.poll(() => document.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5001')
    expect(Math.abs(pageHeight() - thirty)).toBeLessThan(8)
    // The copy button's live region, visually hidden, is positioned in the table's scroll box.
    const container = document.querySelector('[data-slot="table-container"]') as HTMLElement
    expect((container.querySelector('[data-slot="copy-status"]') as HTMLElement).offsetParent).toBe(container)
  })
})

/** Every node of Chromium's accessibility tree, in every frame (the tests run in an iframe), read over CDP. */
async function accessibilityTree() {
  type Node = { role?: { value?: string }; name?: { value?: string }; ignored?: boolean; ignoredReasons?: unknown[] }
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
  return nodes
}

describe('Rows out of view in real Chromium', () => {
  it('are in the accessibility tree, every one of them', async () => {
    const rows = large.slice(0, 30)
    render(<WebhookTable webhooks={rows} />)
    await expect.poll(() => renderedRows().length).toBe(30)
    // Most rows are below the fold of the test's frame.
    expect(renderedRows()[29]?.getBoundingClientRect().top).toBeGreaterThan(window.innerHeight)
    await expect
      .poll(async () => {
        const tree = await accessibilityTree()
        return tree.filter(
          (node) => !node.ignored && node.role?.value === 'button' && node.name?.value?.startsWith('Details for '),
        ).length
      })
      .toBe(30)
  })
})

describe('The table printed on A4 in real Chromium', () => {
  it('fits the page width: every column, Executions and Errors too', async () => {
    // A4 is 210 mm wide; with Chromium's default margins about 718 CSS px are printed.
    await page.viewport(718, 1000)
    const session = cdp()
    await session.send('Emulation.setEmulatedMedia', { media: 'print' })
    try {
      render(<WebhookTable webhooks={large.slice(0, 30)} />)
      await expect.poll(() => renderedRows().length).toBe(30)
      const width = document.documentElement.clientWidth
      for (const id of [
        'name',
        'webhookUrl',
        'status',
        'triggerTypes',
        'lastTriggered',
        'triggerCount',
        'errorCount',
      ]) {
        const header = document.querySelector(`th[data-column="${id}"]`) as HTMLElement
        expect(header.getBoundingClientRect().right, id).toBeLessThanOrEqual(width + 0.5)
      }
      // The URL is printed whole, not cut with an ellipsis.
      const url = renderedRows()[0]?.querySelector('[data-slot="url"]') as HTMLElement
      expect(url.scrollWidth).toBeLessThanOrEqual(url.clientWidth + 1)
    } finally {
      await session.send('Emulation.setEmulatedMedia', { media: '' })
      await page.viewport(414, 896)
    }
  })
})

describe('The invalid-rows notice in real Chromium', () => {
  it('keeps "Show why" and its focus ring clear of the sentence before it', async () => {
    const rows = [...large.slice(0, 2), { id: 5 }]
    render(
      <IntegrationWebhookManager
        apiUrl="https://app.test/api/integration-webhooks"
        retry={false}
        swr={{ provider: () => new Map() }}
        fetch={async () => Response.json({ webhooks: rows })}
      />,
    )
    const button = page.getByRole('button', { name: 'Show why' })
    await expect.element(button).toBeVisible()
    const element = button.element() as HTMLElement
    // The sentence's text node (JSX puts the space between them in a node of its own).
    let sentence = element.previousSibling as Text
    while (!sentence.textContent?.trim()) sentence = sentence.previousSibling as Text
    const range = document.createRange()
    range.selectNodeContents(sentence)
    const text = [...range.getClientRects()].at(-1) as DOMRect
    // The focus ring is 2px wide, 2px out: the gap must be wider than that.
    expect(element.getBoundingClientRect().left - text.right).toBeGreaterThan(5)
  })
})

describe('The toolbar in real Chromium', () => {
  for (const width of [1280, 768]) {
    it(`keeps the search field and the count in place when a filter shows "Clear filters" (${width} px)`, async () => {
      await page.viewport(width, 900)
      try {
        renderMockedManager()
        const search = page.getByRole('searchbox', { name: 'Search webhooks' })
        const count = page.getByText(/^30 of 30 webhooks$/)
        await expect.element(count).toBeVisible()
        const box = (element: Element) => {
          const { left, top, width, height } = element.getBoundingClientRect()
          return { left, top, width, height }
        }
        const before = { search: box(search.element()), count: box(count.element()) }
        // The count sits on the controls' line (at the bottom of the labelled fields): its middle
        // is the middle of the checkbox beside it, not of the labels and the controls together.
        const middle = (rect: { top: number; height: number }) => rect.top + rect.height / 2
        const checkbox = page.getByRole('checkbox', { name: /Needs setup only/ })
        const field = box(checkbox.element().closest('label') as Element)
        expect(Math.abs(middle(before.count) - middle(field))).toBeLessThan(1)

        await userEvent.selectOptions(page.getByRole('combobox', { name: 'Status' }), 'inactive')
        await expect.element(page.getByRole('button', { name: 'Clear filters' })).toBeVisible()
        const filtered = page.getByText(/^\d+ of 30 webhooks$/)
        await expect.element(filtered).not.toHaveTextContent('30 of 30 webhooks')
        expect(box(search.element())).toEqual(before.search)
        const after = box(filtered.element())
        // The count's text changed ("30 of 30" to "n of 30"): its right end and its line stay.
        expect(after.left + after.width).toBeCloseTo(before.count.left + before.count.width, 1)
        expect(after.top).toBe(before.count.top)
      } finally {
        await page.viewport(414, 896)
      }
    })
  }
})
