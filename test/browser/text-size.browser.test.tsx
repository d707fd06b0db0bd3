import { WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from './render'
import '../../src/components/styles.css'

// What users who read larger text, or override text spacing (WCAG 1.4.4, 1.4.12), see in
// real Chromium: rows hold their text, and no row moves when the pointer or the focus passes.

const rows = mockWebhooks('default')
const large = mockWebhooks('large')
const renderedRows = () => [...document.querySelectorAll<HTMLElement>('[data-slot="row"]')]
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))

/** Every element in the table whose text is cut vertically (its content taller than its box). */
function clipped(): string[] {
  const out: string[] = []
  for (const element of document.querySelectorAll<HTMLElement>('[data-slot="table"] *')) {
    if (element.closest('[data-visually-hidden], [data-slot="spacer"]')) continue
    const style = getComputedStyle(element)
    if (style.overflowY === 'visible' && style.overflowX === 'visible') continue
    if (element.scrollHeight > element.clientHeight + 1)
      out.push(`${element.tagName} ${element.dataset.slot ?? ''} ${element.textContent?.slice(0, 30)}`)
  }
  // A cell's contents that stick out of its row.
  for (const row of renderedRows()) {
    const box = row.getBoundingClientRect()
    for (const cell of row.children) {
      for (const child of cell.querySelectorAll<HTMLElement>('*')) {
        if (child.closest('[data-visually-hidden]')) continue
        const rect = child.getBoundingClientRect()
        if (rect.height > 0 && (rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5))
          out.push(`${child.tagName} ${child.dataset.slot ?? ''} sticks out of its row`)
      }
    }
  }
  return out
}

const textSpacing = document.createElement('style')
// The WCAG 1.4.12 text-spacing overrides, as the usual bookmarklet applies them.
textSpacing.textContent = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`

afterEach(() => {
  document.documentElement.style.fontSize = ''
  textSpacing.remove()
})

describe('Rows in real Chromium', () => {
  it('never change height when the pointer or the focus is on a copy button', async () => {
    render(<WebhookTable webhooks={rows} />)
    await expect.poll(() => renderedRows().length).toBe(rows.length)
    const heights = () => renderedRows().map((row) => row.getBoundingClientRect().height)
    const tops = () => renderedRows().map((row) => row.getBoundingClientRect().top)
    const before = { heights: heights(), tops: tops() }
    const copy = renderedRows()[1]?.querySelector<HTMLButtonElement>('[data-slot="copy-button"]') as HTMLButtonElement
    await userEvent.hover(copy)
    await nextFrame()
    expect({ heights: heights(), tops: tops() }).toEqual(before)
    copy.focus()
    await nextFrame()
    expect({ heights: heights(), tops: tops() }).toEqual(before)
  })

  it('follow a 200 % default font size: the text grows, rows with it, and nothing is cut', async () => {
    const normal = render(<WebhookTable webhooks={rows.slice(0, 8)} />)
    await expect.poll(() => renderedRows().length).toBe(8)
    const base = Number.parseFloat(getComputedStyle(normal.querySelector('[data-slot="table"]') as Element).fontSize)
    const height = renderedRows()[0]?.getBoundingClientRect().height ?? 0
    document.documentElement.style.fontSize = '200%'
    await nextFrame()
    const table = normal.querySelector('[data-slot="table"]') as Element
    expect(Number.parseFloat(getComputedStyle(table).fontSize)).toBeCloseTo(base * 2, 0)
    expect(renderedRows()[0]?.getBoundingClientRect().height).toBeGreaterThan(height * 1.6)
    expect(clipped()).toEqual([])
  })

  it('hold their text with the WCAG 1.4.12 text-spacing overrides', async () => {
    document.head.append(textSpacing)
    render(<WebhookTable webhooks={rows.slice(0, 8)} />)
    await expect.poll(() => renderedRows().length).toBe(8)
    await nextFrame()
    expect(clipped()).toEqual([])
  })

  it('stay windowed at 200 %: the rows in the DOM fill the view and match the scroll position', async () => {
    document.documentElement.style.fontSize = '200%'
    render(<WebhookTable webhooks={large} />)
    await expect.poll(() => renderedRows().length).toBeGreaterThan(1)
    const scroller = document.querySelector('[data-slot="table-container"]') as HTMLElement
    const height = renderedRows()[0]?.getBoundingClientRect().height ?? 0
    // The scroll height is every row at the measured (larger) height.
    const head = document.querySelector('thead')?.getBoundingClientRect().height ?? 0
    expect(Math.abs(scroller.scrollHeight - head - large.length * height)).toBeLessThan(2)
    expect(renderedRows().length).toBeLessThanOrEqual(100)
    expect(clipped()).toEqual([])
  })
})
