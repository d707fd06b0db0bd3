import { IntegrationWebhookManager, WebhookTable } from 'integration-webhooks'
import { mockWebhooks } from 'integration-webhooks/mocks'
import { describe, expect, it } from 'vitest'
import '../../src/components/styles.css'
import { render } from './render'

// The theme is CSS only (light-dark() colours chosen by color-scheme): real Chromium computes it.
const rows = mockWebhooks('default').slice(0, 3)
const background = () =>
  getComputedStyle(document.querySelector('[data-slot="table-container"]') as Element).backgroundColor

describe('the default theme in real Chromium', () => {
  it('is light by default here (headless Chromium prefers light)', async () => {
    render(<WebhookTable webhooks={rows} />)
    await expect.poll(background).toBe('rgb(255, 255, 255)')
  })

  it('follows data-theme="dark" on the page', async () => {
    render(
      <div data-theme="dark">
        <WebhookTable webhooks={rows} />
      </div>,
    )
    await expect.poll(background).toBe('rgb(11, 17, 32)')
  })

  it('lets a part inside a dark page be forced light by a nearer data-theme="light"', async () => {
    render(
      <div data-theme="dark">
        <div data-theme="light">
          <WebhookTable webhooks={rows} />
        </div>
      </div>,
    )
    // The nearest ancestor decides only through the rule order; both match, the light rule comes later.
    await expect.poll(background).toBe('rgb(255, 255, 255)')
  })

  it("gives the manager's own theme prop the last word over the page", async () => {
    render(
      <div data-theme="light">
        <IntegrationWebhookManager
          apiUrl="https://app.example.com/api/integration-webhooks"
          theme="dark"
          retry={false}
          fetch={async () => Response.json({ webhooks: rows })}
        />
      </div>,
    )
    const root = () => getComputedStyle(document.querySelector('[data-slot="manager"]') as Element).backgroundColor
    await expect.poll(root).toBe('rgb(11, 17, 32)')
  })
})
