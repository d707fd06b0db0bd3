import { IntegrationWebhookManager } from 'integration-webhooks'
import { describe, expect, inject, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from '../browser/render'
import '../../src/components/styles.css'

// The component in real Chromium against the real server handler on PGlite (not MSW):
// what a user of a host app sees, end to end, with the server's answers checked directly.

const api = inject('realApiUrl')

function mount(user: string) {
  render(
    <IntegrationWebhookManager
      apiUrl={api}
      headers={{ 'x-user': user }}
      locale="en-US"
      retry={false}
      swr={{ provider: () => new Map() }}
    />,
  )
}

async function serverList(user: string) {
  const response = await fetch(api, { headers: { 'x-user': user } })
  return (await response.json()) as { source: string; webhooks: { id: string; status: string; webhook_url: string }[] }
}

describe('the manager on the real server', () => {
  it('empty → suggestions → Set up → saved row with its receiving URL → disable → delete', async () => {
    const user = `e2e_${Math.random().toString(36).slice(2)}`
    mount(user)

    // Nothing saved: the catalog's suggestions, said plainly.
    await expect.element(page.getByText('Suggested configurations', { exact: true })).toBeVisible()
    expect((await serverList(user)).source).toBe('generated')

    // Set up GitHub from its suggestion.
    await userEvent.click(page.getByRole('button', { name: 'Details for GitHub', exact: true }))
    const dialog = page.getByRole('dialog', { name: 'GitHub' })
    await expect.element(dialog).toBeVisible()
    await userEvent.click(dialog.getByRole('button', { name: 'Set up', exact: true }))

    // The server saved it, and the dialog shows its real receiving URL.
    await expect.poll(async () => (await serverList(user)).source).toBe('saved')
    const [saved] = (await serverList(user)).webhooks
    expect(saved?.webhook_url).toMatch(new RegExp(`^${api}/receive/[A-Za-z0-9_-]{43}$`))
    await expect.element(dialog.getByText(saved?.webhook_url ?? '?', { exact: true })).toBeVisible()

    // Disable it: the server has it inactive.
    const toggle = dialog.getByRole('switch')
    await expect.element(toggle).toBeChecked()
    await userEvent.click(toggle)
    await expect.poll(async () => (await serverList(user)).webhooks[0]?.status).toBe('inactive')
    await expect.element(toggle).not.toBeChecked()

    // Delete it, confirming: gone on the server, and the suggestions are back.
    await userEvent.click(dialog.getByRole('button', { name: 'Delete', exact: true }))
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Delete webhook', exact: true }))
    await expect.poll(async () => (await serverList(user)).source).toBe('generated')
    const gone = await fetch(`${api}/${saved?.id}`, { headers: { 'x-user': user } })
    expect(gone.status).toBe(404)
    await expect.element(page.getByText('Suggested configurations', { exact: true })).toBeVisible()
  })
})
