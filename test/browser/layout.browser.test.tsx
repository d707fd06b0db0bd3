import { WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import { describe, expect, it } from 'vitest'
import { cdp } from 'vitest/browser'
import { render, rerender } from './render'
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
