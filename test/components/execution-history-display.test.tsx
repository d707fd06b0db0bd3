// The collapsed and expanded history rows as a fresh user read them (review of session 21,
// items 2, 8, 9 and 12): fresh times never in the future, what onEvent returned instead of
// "Response —", a retry named by its original's time, and a JSON response body pretty-printed.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createWebhookMockStore, type LiveDelivery, liveExecution, mockWebhooks } from '../../mocks'
import { defaultLabels as l } from '../../src/components'
import { formatDateTime, type WebhookExecution } from '../../src/core'
import { API, setupMswServer } from '../react/utils'
import { expectNoAxeViolations, renderManager } from './helpers'

const server = setupMswServer()

/** The default scenario's GitHub webhook, and what its onEvent dispatch records (as the mocks' handlers do). */
function github() {
  const webhook = mockWebhooks().find((w) => w.provider_id === 'github')
  if (!webhook) throw new Error('the default scenario has a GitHub webhook')
  const execution = (delivery: Omit<LiveDelivery, 'webhook'>) => liveExecution({ webhook, ...delivery })
  return { webhook, execution }
}

async function openHistory(executions: WebhookExecution[], webhookId: string) {
  server.use(...createWebhookMockStore({ apiUrl: API, executions: { [webhookId]: executions } }).handlers)
  const user = userEvent.setup()
  renderManager()
  await user.click(await screen.findByRole('button', { name: 'Details for GitHub' }, { timeout: 10_000 }))
  const dialog = await screen.findByRole('dialog', { name: 'GitHub' })
  const history = await within(dialog).findByRole('region', { name: l.executions }, { timeout: 10_000 })
  const expand = await within(history).findAllByRole('button', { name: /^Show details: / })
  const rows = expand.map((button) => button.closest('tr') as HTMLElement)
  return { user, history, expand, rows }
}

/** The name of an expanded execution's part: the part, then its row's trigger type, exact time and status. */
const partName = (part: string, execution: WebhookExecution) =>
  l.executionPart(
    part,
    `${execution.trigger_type}, ${formatDateTime(execution.triggered_at)}, ${l.executionStatuses[execution.status]}`,
  )

const cell = (row: HTMLElement, column: string) => row.querySelector(`td[data-column="${column}"]`) as HTMLElement

describe('execution history rows', { timeout: 60_000 }, () => {
  it('reads an execution newer than the ticking "now" as now, never "in 13 seconds"', async () => {
    const { webhook, execution } = github()
    // Arrived after the last 30-second tick (or the server's clock runs a little ahead).
    const fresh = execution({ id: 'exec-fresh', atMs: Date.now() + 13_000 })
    const { history, rows } = await openHistory([fresh], webhook.id)
    const time = within(cell(rows[0] as HTMLElement, 'time')).getByText('now')
    expect(time.tagName).toBe('TIME')
    expect(time).toHaveAttribute('dateTime', fresh.triggered_at)
    expect(history).not.toHaveTextContent(/\bin \d+ seconds?\b/)
  })

  it('shows what onEvent returned where there is no HTTP code, the code where there is one, and nothing for neither', async () => {
    const { webhook, execution } = github()
    const body =
      '{"handled_by":"the demo app","trigger_type":"github_trigger_issue_opened","api_key":"sk_live_abcdefghijklmnop"}'
    const executions = [
      execution({ id: 'exec-result', atMs: Date.parse('2026-01-01T12:00:00.000Z'), result: body }),
      // Not what onEvent dispatch records: a row with an HTTP answer (the shape allows one).
      {
        ...execution({ id: 'exec-http', atMs: Date.parse('2026-01-01T11:00:00.000Z') }),
        response_code: 202,
        response_body: 'accepted',
      },
      execution({ id: 'exec-pending', atMs: Date.parse('2026-01-01T10:00:00.000Z'), dispatch: 'pending' }),
      execution({
        id: 'exec-text',
        atMs: Date.parse('2026-01-01T09:00:00.000Z'),
        result: 'queued for the nightly import',
      }),
    ] as const
    const { history, rows, expand, user } = await openHistory([...executions], webhook.id)
    const [result, http, pending, text] = rows.map((row) => cell(row, 'responseCode'))
    // In short: the top-level keys, a secret under a secret-looking key masked.
    expect(result).toHaveTextContent(
      /^handled_by: the demo app, trigger_type: github_trigger_issue_opened, api_key: •+$/,
    )
    expect(result).not.toHaveTextContent('sk_live_abcdefghijklmnop')
    expect(http).toHaveTextContent(/^202$/)
    expect(text).toHaveTextContent(/^queued for the nightly import$/)
    // Neither: an empty cell, marked so the stacked layouts leave out its "Response" line.
    expect(pending).toHaveAttribute('data-empty')
    expect(result).not.toHaveAttribute('data-empty')

    // Expanded, a JSON body is indented like the payload beside it; a text body stays text.
    await user.click(expand[0] as HTMLElement)
    const json = await within(history).findByRole('region', { name: partName(l.responseBody, executions[0]) })
    expect(json?.textContent).toBe(
      JSON.stringify(
        { handled_by: 'the demo app', trigger_type: 'github_trigger_issue_opened', api_key: '••••••••' },
        null,
        2,
      ),
    )
    expect(json).toHaveAttribute('data-format', 'json')
    // The collapsed rows and an open one, together.
    await expectNoAxeViolations(history)
    // Two open rows: each part's region is named by its row, so no two landmarks share a name
    // (axe: landmark-unique).
    await user.click(expand[3] as HTMLElement)
    const plain = await within(history).findByRole('region', { name: partName(l.responseBody, executions[3]) })
    expect(plain.textContent).toBe('queued for the nightly import')
    expect(plain).toHaveAttribute('data-format', 'text')
    const names = within(history)
      .getAllByRole('region')
      .map((region) => region.getAttribute('aria-label'))
    expect(names).toEqual([
      partName(l.payload, executions[0]),
      partName(l.headers, executions[0]),
      partName(l.responseBody, executions[0]),
      partName(l.payload, executions[3]),
      partName(l.headers, executions[3]),
      partName(l.responseBody, executions[3]),
    ])
    await expectNoAxeViolations(history)
  })

  it('names a retry by its original execution\'s time and leads to it; an original not on the page reads "an earlier execution"', async () => {
    const { webhook, execution } = github()
    const original = execution({
      id: '2abd496d-88ac-42c4-acd6-1131d4da4f05',
      atMs: Date.parse('2026-01-01T10:00:00.000Z'),
      failure: { message: 'Workflow engine unavailable' },
      dispatch: 'finished',
    })
    const retry = execution({ id: 'exec-retry', atMs: Date.parse('2026-01-01T11:00:00.000Z'), original })
    // A retry of an execution no longer on the page.
    const gone = execution({ id: 'ffffffff-gone', atMs: Date.parse('2026-01-01T09:00:00.000Z') })
    const orphan = execution({ id: 'exec-orphan', atMs: Date.parse('2026-01-01T10:30:00.000Z'), original: gone })
    const { history, rows, expand, user } = await openHistory([retry, orphan, original], webhook.id)
    const originalTime = formatDateTime(original.triggered_at)
    const [retryRow, orphanRow] = rows as [HTMLElement, HTMLElement]

    // No raw UUID in the collapsed row: the original's exact time, as a <time>.
    expect(retryRow).not.toHaveTextContent(original.id)
    const toOriginal = within(retryRow).getByRole('button', { name: l.retryOf(originalTime) })
    expect(toOriginal.querySelector('time')).toHaveAttribute('dateTime', original.triggered_at)
    expect(within(orphanRow).getByText(l.retryOfEarlier)).toBeInTheDocument()
    expect(orphanRow).not.toHaveTextContent('ffffffff-gone')
    await expectNoAxeViolations(history)

    // It leads to the original: the focus on that execution's row.
    await user.click(toOriginal)
    expect(expand[2]).toHaveFocus()
    expect(expand[2]).toHaveAccessibleName(new RegExp(`${l.executionStatuses.error}$`))

    // The details keep the id, for support.
    await user.click(expand[0] as HTMLElement)
    expect(await within(history).findByText(original.id)).toBeInTheDocument()
    expect(within(history).getByText(l.originalExecution)).toBeInTheDocument()
  })
})
