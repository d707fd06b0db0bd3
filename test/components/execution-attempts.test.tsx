// Issue 13: an execution shows its delivery id, the execution it retries, and each dispatch attempt.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createWebhookMockStore, mockExecutions, mockWebhooks } from '../../mocks'
import { defaultLabels as l } from '../../src/components'
import { formatDateTime } from '../../src/core'
import { API, setupMswServer } from '../react/utils'
import { expectNoAxeViolations, renderManager } from './helpers'

const server = setupMswServer()

describe('execution history: deliveries and attempts', () => {
  it('lists each attempt of a retried delivery (outcome, error, next try) and links a retry to its original', async () => {
    const github = mockWebhooks().find((webhook) => webhook.provider_id === 'github')
    const [template] = mockExecutions(github?.id as string)
    if (!github || !template) throw new Error('the default scenario has a GitHub webhook with executions')
    const failed = {
      ...template,
      id: 'exec-original',
      status: 'error' as const,
      error_message: 'Workflow engine unavailable (3)',
      triggered_at: '2026-01-01T10:00:00.000Z',
      provider_event_id: 'd8f1a2b0-delivery',
      retry_of: null,
      attempt: 2,
      attempts: [
        {
          attempt: 1,
          status: 'error' as const,
          ended_at: '2026-01-01T10:00:00.120Z',
          duration_ms: 120,
          error: 'Workflow engine unavailable (1)',
          next_attempt_at: '2026-01-01T10:00:05.120Z',
        },
        {
          attempt: 2,
          status: 'error' as const,
          ended_at: '2026-01-01T10:00:05.300Z',
          duration_ms: 180,
          error: 'Workflow engine unavailable (3)',
          next_attempt_at: null,
        },
      ],
    }
    const retry = {
      ...failed,
      id: 'exec-retry',
      status: 'success' as const,
      error_message: null,
      triggered_at: '2026-01-01T11:00:00.000Z',
      provider_event_id: null,
      retry_of: 'exec-original',
      attempt: 1,
      attempts: [
        {
          attempt: 1,
          status: 'success' as const,
          ended_at: '2026-01-01T11:00:00.050Z',
          duration_ms: 50,
          error: null,
          next_attempt_at: null,
        },
      ],
    }
    // The GitHub row alone: the history is under test, not the table (the default scenario's 30
    // rows and their figures made every query of the page scan them all, at seconds each under load).
    const store = createWebhookMockStore({
      apiUrl: API,
      webhooks: [github],
      executions: { [github.id]: [retry, failed] },
    })
    server.use(...store.handlers)
    const user = userEvent.setup()
    renderManager()
    await user.click(await screen.findByRole('button', { name: 'Details for GitHub' }, { timeout: 10_000 }))
    const dialog = await screen.findByRole('dialog', { name: 'GitHub' })
    const history = await within(dialog).findByRole('region', { name: l.executions }, { timeout: 10_000 })
    const [newest, oldest] = await within(history).findAllByRole('button', { name: /^Show details: / })
    // The retry names its original by time, not by id (the id is in the details).
    expect(
      within(history).getByRole('button', { name: l.retryOf(formatDateTime('2026-01-01T10:00:00.000Z')) }),
    ).toBeInTheDocument()

    await user.click(oldest as HTMLElement)
    const attempts = await within(history).findByRole('list', { name: l.attemptsTitle })
    const items = within(attempts).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent(l.attemptNumber(1))
    expect(items[0]).toHaveTextContent('Workflow engine unavailable (1)')
    expect(items[0]).toHaveTextContent(/Tried again at/)
    expect(items[0]).toHaveAttribute('data-status', 'error')
    expect(items[1]).toHaveTextContent(l.attemptNumber(2))
    expect(items[1]).not.toHaveTextContent(/Tried again at/)
    expect(within(history).getByText('d8f1a2b0-delivery')).toBeInTheDocument()
    expect(within(history).getByText(l.attempts(2))).toBeInTheDocument()
    await expectNoAxeViolations(history)

    await user.click(newest as HTMLElement)
    const lists = await within(history).findAllByRole('list', { name: l.attemptsTitle })
    expect(lists).toHaveLength(2)
    const [retryAttempt] = within(lists[0] as HTMLElement).getAllByRole('listitem')
    expect(retryAttempt).toHaveAttribute('data-status', 'success')
  })
})
