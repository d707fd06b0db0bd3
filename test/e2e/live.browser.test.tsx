import { IntegrationWebhookManager } from 'integration-webhooks'
import { describe, expect, inject, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from '../browser/render'
import { signedPush } from '../support/signed-push'
import '../../src/components/styles.css'

// Issue 14, in Chromium against the real server handler on PGlite (not MSW): a signed event sent
// to a saved webhook's receiving URL while its details dialog is open appears in the open history
// and in the Activity statistics, through the live stream, without a refresh.

const api = inject('realApiUrl')
// A limit for the page or the server to catch up, generous for a busy machine: never a timing.
const wait = { timeout: 30_000 }

describe('live on the real server (issue 14)', () => {
  it('a signed event sent while the dialog is open appears in its history and its Activity, with no refresh', async () => {
    const user = `e2e_${Math.random().toString(36).slice(2)}`
    const headers = { 'x-user': user, 'content-type': 'application/json' }
    const created = await fetch(api, { method: 'POST', headers, body: JSON.stringify({ provider_id: 'github' }) })
    expect(created.status).toBe(201)
    const { webhook } = (await created.json()) as { webhook: { id: string; webhook_url: string } }
    const { secret } = (await (await fetch(`${api}/${webhook.id}/secret`, { headers })).json()) as { secret: string }

    // Requests for the list, the history and the statistics, counted to show none is a refresh.
    const asked: string[] = []
    const counting: typeof fetch = (input, init) => {
      asked.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`)
      return fetch(input, init)
    }
    render(
      <IntegrationWebhookManager
        apiUrl={api}
        headers={{ 'x-user': user }}
        fetch={counting}
        locale="en-US"
        retry={false}
        swr={{ provider: () => new Map(), revalidateOnFocus: false }}
      />,
    )
    await userEvent.click(page.getByRole('button', { name: 'Details for GitHub', exact: true }))
    const dialog = page.getByRole('dialog', { name: 'GitHub' })
    const history = dialog.getByRole('region', { name: 'Execution history' })
    const activity = dialog.getByRole('region', { name: 'Activity' })
    await expect.element(history.getByText(/^No executions yet/), wait).toBeVisible()
    await expect
      .element(activity.getByText('No executions in the last 24 hours yet.', { exact: true }), wait)
      .toBeVisible()
    // The stream is open: the header's indicator says Live.
    const indicator = page.getByTitle('Live updates', { exact: true })
    await expect.element(indicator, wait).toHaveTextContent('Live updates: Live')
    const listFetches = asked.filter((a) => a === `GET ${new URL(api).pathname}`).length

    const sent = await fetch(await signedPush(webhook.webhook_url, secret, 1))
    expect(sent.status).toBe(202)

    // In the open history, first and marked New; the host's onEvent turns it Success.
    const row = history.getByRole('row').filter({ hasText: /github_trigger_push/ })
    await expect.element(row, wait).toBeVisible()
    await expect.element(row.getByText('New', { exact: true }), wait).toBeVisible()
    await expect
      .element(row.getByRole('button', { name: /^Show details: github_trigger_push, .+, Success$/ }), wait)
      .toBeVisible()

    // In the Activity section: the summary, and the chart's table (the same numbers, for screen readers).
    await expect
      .element(activity.getByText('1 execution in the last 24 hours: 100% succeeded, 0 failed.', { exact: true }), wait)
      .toBeVisible()
    const table = activity.getByRole('table', { name: 'Executions in the last 24 hours, by outcome' })
    const lastHour = table.getByRole('row').last()
    await expect.element(lastHour.getByRole('cell').first(), wait).toHaveTextContent('1')

    // Through the stream: the list was never fetched again (no refresh, no polling).
    expect(asked.filter((a) => a === `GET ${new URL(api).pathname}`).length).toBe(listFetches)
    await expect.element(indicator).toHaveTextContent('Live updates: Live')
  })
})
