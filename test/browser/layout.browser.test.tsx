import { WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import { describe, expect, it } from 'vitest'
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
