import { CopyButton, WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from './render'
import '../../src/components/styles.css'

// Real layout in real Chromium: what jsdom cannot show. The virtualiser measures the
// scroll container, so only here can we see that the DOM holds a window of rows.

const large = mockWebhooks('large')

describe('WebhookTable in real Chromium', () => {
  it('keeps at most 100 rows in the DOM for 5,000 webhooks, and shows other rows after scrolling', async () => {
    expect(large.length).toBe(5000)
    render(<WebhookTable webhooks={large} />)
    await expect
      .element(page.getByRole('button', { name: `Details for ${large[0]?.external_config.integration_name}` }).first())
      .toBeVisible()
    const scroller = document.querySelector<HTMLElement>('[data-slot="table-container"]')
    expect(scroller?.hasAttribute('data-virtualized')).toBe(true)
    // The virtualiser is loaded on demand; its spacer row keeps the full scroll height.
    await expect.poll(() => document.querySelector('[data-slot="spacer"]')).not.toBeNull()
    expect(scroller?.scrollHeight).toBeGreaterThan(57 * 4000)
    const rendered = () => document.querySelectorAll('[data-slot="row"]').length
    expect(rendered()).toBeGreaterThan(5)
    expect(rendered()).toBeLessThanOrEqual(100)
    expect(document.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5001')

    const firstIndex = () => Number(document.querySelector('[data-slot="row"]')?.getAttribute('data-index'))
    expect(firstIndex()).toBe(0)
    scroller?.scrollTo({ top: 57 * 2500 })
    await expect.poll(firstIndex).toBeGreaterThan(2000)
    expect(rendered()).toBeLessThanOrEqual(100)
    const row = document.querySelector('[data-slot="row"]')
    expect(Number(row?.getAttribute('aria-rowindex'))).toBe(firstIndex() + 2)
  })

  it('renders every row below the threshold', async () => {
    render(<WebhookTable webhooks={large.slice(0, 40)} />)
    await expect.poll(() => document.querySelectorAll('[data-slot="row"]').length).toBe(40)
    expect(document.querySelector('[data-virtualized]')).toBeNull()
  })
})

describe('CopyButton in real Chromium', () => {
  it('writes the value to the system clipboard and announces it', async () => {
    render(<CopyButton value="https://app.example.com/api/integration-webhooks/github" label="Copy webhook URL" />)
    await userEvent.click(page.getByRole('button', { name: 'Copy webhook URL' }))
    await expect.element(page.getByRole('status')).toHaveTextContent('Copied to the clipboard')
    expect(await navigator.clipboard.readText()).toBe('https://app.example.com/api/integration-webhooks/github')
  })
})
