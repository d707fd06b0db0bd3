import { IntegrationWebhookManager } from 'integration-webhooks'
import { describe, expect, inject, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from '../browser/render'
import '../../src/components/styles.css'

// The component in real Chromium against the real server handler on PGlite (not MSW):
// what a user of a host app sees, end to end, with the server's answers checked directly.

const api = inject('realApiUrl')
// How long to wait for the page or the server to catch up: a limit, generous for a busy machine.
const wait = { timeout: 20_000 }

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
    await expect.element(page.getByText('Suggested configurations', { exact: true }), wait).toBeVisible()
    expect((await serverList(user)).source).toBe('generated')

    // Set up GitHub from its suggestion.
    await userEvent.click(page.getByRole('button', { name: 'Details for GitHub', exact: true }))
    const dialog = page.getByRole('dialog', { name: 'GitHub' })
    await expect.element(dialog, wait).toBeVisible()
    await userEvent.click(dialog.getByRole('button', { name: 'Set up', exact: true }))

    // The server saved it, and the dialog shows its real receiving URL.
    await expect.poll(async () => (await serverList(user)).source, wait).toBe('saved')
    const [saved] = (await serverList(user)).webhooks
    expect(saved?.webhook_url).toMatch(new RegExp(`^${api}/receive/[A-Za-z0-9_-]{43}$`))
    await expect.element(dialog.getByText(saved?.webhook_url ?? '?', { exact: true }), wait).toBeVisible()

    // Disable it: the server has it inactive.
    const toggle = dialog.getByRole('switch')
    await expect.element(toggle, wait).toBeChecked()
    await userEvent.click(toggle)
    await expect.poll(async () => (await serverList(user)).webhooks[0]?.status, wait).toBe('inactive')
    await expect.element(toggle, wait).not.toBeChecked()

    // Delete it, confirming: gone on the server, and the suggestions are back.
    await userEvent.click(dialog.getByRole('button', { name: 'Delete', exact: true }))
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Delete webhook', exact: true }))
    await expect.poll(async () => (await serverList(user)).source, wait).toBe('generated')
    const gone = await fetch(`${api}/${saved?.id}`, { headers: { 'x-user': user } })
    expect(gone.status).toBe(404)
    await expect.element(page.getByText('Suggested configurations', { exact: true }), wait).toBeVisible()
  })
})

describe('signing secrets on the real server (issue 13)', () => {
  it('Set up GitHub → reveal and copy the secret → Send test event → the signed execution in the history', async () => {
    const user = `e2e_${Math.random().toString(36).slice(2)}`
    mount(user)
    await userEvent.click(page.getByRole('button', { name: 'Details for GitHub', exact: true }))
    const dialog = page.getByRole('dialog', { name: 'GitHub' })
    await userEvent.click(dialog.getByRole('button', { name: 'Set up', exact: true }))
    await expect.poll(async () => (await serverList(user)).source, wait).toBe('saved')
    const [saved] = (await serverList(user)).webhooks
    const secretOnServer = (await (
      await fetch(`${api}/${saved?.id}/secret`, { headers: { 'x-user': user } })
    ).json()) as { secret: string }

    // Reveal: the revealed text is the server's secret; Copy is offered beside it.
    const section = dialog.getByRole('region', { name: 'Signing secret' })
    await userEvent.click(section.getByRole('button', { name: 'Reveal signing secret', exact: true }))
    await expect.element(section.getByText(secretOnServer.secret, { exact: true }), wait).toBeVisible()
    await userEvent.click(section.getByRole('button', { name: 'Copy Signing secret: GitHub', exact: true }))
    // What Copy put on the system clipboard is the secret itself (the project grants clipboard-read).
    await expect.poll(() => navigator.clipboard.readText(), wait).toBe(secretOnServer.secret)

    // Send test event: signed with that secret, through the receiver, into the history.
    await userEvent.click(dialog.getByRole('button', { name: 'Send test event', exact: true }))
    await expect.element(dialog.getByText('Test event sent.', { exact: true }), wait).toBeVisible()
    type Execution = { status: string; headers: Record<string, string>; provider_event_id: string | null }
    const executions = async () =>
      (
        (await (await fetch(`${api}/executions/${saved?.id}`, { headers: { 'x-user': user } })).json()) as {
          executions: Execution[]
        }
      ).executions
    await expect.poll(async () => (await executions())[0]?.status).toBe('success')
    const [execution] = await executions()
    expect(execution?.headers['x-hub-signature-256']).toMatch(/^sha256=/)

    // The history shows it; its details hold the signature header and the delivery id.
    const expand = dialog.getByRole('button', { name: /^Show details: github_trigger_/ }).first()
    await expect.element(expand, wait).toBeVisible()
    await userEvent.click(expand)
    await expect.element(dialog.getByText(/x-hub-signature-256/).first()).toBeVisible()
    if (execution?.provider_event_id) {
      await expect.element(dialog.getByText(execution.provider_event_id, { exact: true }), wait).toBeVisible()
    }
  })
})
