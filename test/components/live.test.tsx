// Issue 14: the manager's live mode — the indicator's words, rows and counts updated in place,
// new executions at the top of an open history marked "New", one polite summary at a time.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createWebhookMockStore, type MockStreamMode, mockExecutions, mockWebhooks } from '../../mocks'
import { defaultLabels as l } from '../../src/components'
import { createThrottledAnnouncer } from '../../src/components/announcer'
import { API, setupMswServer } from '../react/utils'
import { expectNoAxeViolations, renderManager } from './helpers'

const server = setupMswServer()
beforeAll(async () => {
  await import('../../src/components/webhook-details-dialog-content')
}, 60_000)

/**
 * Three saved webhooks of the default scenario: the tests are about the header, one row and one
 * open history. With all 30 rows (and their figures) every query of the page read them all.
 */
const three = mockWebhooks('default').filter((w) =>
  ['github-webhook', 'slack-webhook', 'stripe-webhook'].includes(w.id),
)

function mount(stream: MockStreamMode = 'live') {
  const store = createWebhookMockStore({
    apiUrl: API,
    stream,
    webhooks: three,
    // The scenario's history of the Slack row, which the last test opens.
    executions: { 'slack-webhook': mockExecutions('slack-webhook') },
  })
  server.use(...store.handlers)
  return store
}

/** The header's "Updated 2 minutes ago" (any time). */
const updatedText = new RegExp(`^${l.updated('').trim()} `)

/** The live indicator's words (its visually hidden prefix included). */
const indicator = (container: HTMLElement) => container.querySelector('[data-slot="live-indicator"]')

describe('live manager', () => {
  it.each([
    ['live', l.liveStates.live],
    ['none', l.liveStates.polling],
    ['dropping', l.liveStates.reconnecting],
  ] as const)('with a %s stream, the indicator says %s in words', async (mode, words) => {
    mount(mode)
    const { container } = renderManager()
    await screen.findByRole('button', { name: 'Details for GitHub' }, { timeout: 10_000 })
    await waitFor(() => expect(indicator(container)).toHaveTextContent(`${l.liveUpdates}: ${words}`))
    expect(indicator(container)).toHaveAttribute(
      'data-state',
      mode === 'live' ? 'live' : mode === 'none' ? 'polling' : 'reconnecting',
    )
    // Patched from the stream, the list is as new as it gets: no "Updated 3 minutes ago" beside
    // "Live". Polling or reconnecting, the time of the last fetch is what the user can trust.
    const header = screen.getByRole('banner')
    if (mode === 'live') expect(within(header).queryByText(updatedText)).toBeNull()
    else expect(within(header).getByText(updatedText)).toBeInTheDocument()
    // The state under test is the header's indicator: the rest of the page is checked by the
    // manager's tests, and the whole page again by every story in Chromium.
    await expectNoAxeViolations(header)
  })

  it('shows no indicator and opens no stream with live={false}', async () => {
    const store = mount()
    const { container } = renderManager({ live: false })
    await screen.findByRole('button', { name: 'Details for GitHub' }, { timeout: 10_000 })
    expect(indicator(container)).toBeNull()
    expect(store.getStats().openStreams).toBe(0)
  })

  it('updates rows and header counts in place, and puts new executions first in the open history, marked New, with one polite summary', async () => {
    const store = mount()
    const user = userEvent.setup()
    const { container } = renderManager()
    await screen.findByRole('button', { name: 'Details for GitHub' }, { timeout: 10_000 })
    await waitFor(() => expect(indicator(container)).toHaveAttribute('data-state', 'live'))
    const activeBefore = store.getWebhooks().filter((w) => w.status === 'active').length
    const summary = screen.getByRole('list', { name: l.title })
    expect(within(summary).getByText(l.summary.active(activeBefore))).toBeInTheDocument()

    // A status change made elsewhere (another tab, another user of the account): the row and the count move.
    await act(() =>
      fetch(`${API}/github-webhook`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'inactive' }),
      }),
    )
    await within(summary).findByText(l.summary.active(activeBefore - 1))

    await user.click(screen.getByRole('button', { name: 'Details for Slack' }))
    const dialog = await screen.findByRole('dialog', { name: 'Slack' }, { timeout: 10_000 })
    const history = await within(dialog).findByRole('region', { name: l.executions }, { timeout: 10_000 })
    const rowsBefore = await waitFor(() => {
      const rows = history.querySelectorAll('[data-slot="execution-row"]')
      expect(rows.length).toBeGreaterThan(0)
      return rows.length
    })

    // The Activity section's count of the window, before the event.
    const activity = within(dialog).getByRole('region', { name: l.metrics })
    const windowCount = () =>
      within(activity)
        .queryAllByRole('term')
        .find((term) => term.textContent === l.statsExecutions('24h'))?.nextSibling?.textContent
    const countBefore = await waitFor(() => {
      const text = windowCount()
      expect(text).toMatch(/^\d[\d,]*$/)
      return Number(text?.replaceAll(',', ''))
    })

    const received = store.receive('slack-webhook', { status: 'error' })
    await waitFor(() => expect(history.querySelectorAll('[data-slot="execution-row"]')).toHaveLength(rowsBefore + 1))
    // The statistics follow the stream too: the window's count moves without a refresh.
    await waitFor(() => expect(windowCount()).toBe((countBefore + 1).toLocaleString()))
    const first = history.querySelector('[data-slot="execution-row"]') as HTMLElement
    expect(first).toHaveAttribute('data-new')
    expect(first).toHaveAttribute('data-status', 'error')
    expect(within(first).getByText(l.newExecution)).toBeInTheDocument()
    const expand = within(first).getByRole('button', {
      name: new RegExp(`^${l.showExecution}: ${received?.trigger_type}`),
    })
    // React 18 renders the announcement a tick after the row.
    await waitFor(() => expect(within(history).getByRole('status')).toHaveTextContent(l.newExecutions(1)))
    await expectNoAxeViolations(history)

    // Seen: the user turns to the history.
    await user.click(expand)
    await waitFor(() => expect(first).not.toHaveAttribute('data-new'))
    expect(within(history).queryByText(l.newExecution)).toBeNull()
  })
})

describe('createThrottledAnnouncer', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('says the first arrival at once, then one sum per interval, never one per event', () => {
    vi.useFakeTimers()
    const said: number[] = []
    const announcer = createThrottledAnnouncer(5000, (n) => said.push(n))
    announcer.add(1)
    expect(said).toEqual([1])
    announcer.add(1)
    announcer.add(1)
    vi.advanceTimersByTime(4999)
    announcer.add(1)
    expect(said).toEqual([1])
    vi.advanceTimersByTime(1)
    expect(said).toEqual([1, 3])
    vi.advanceTimersByTime(60_000)
    expect(said).toEqual([1, 3])
    announcer.add(2)
    expect(said).toEqual([1, 3, 2])
    announcer.add(1)
    announcer.dispose()
    vi.advanceTimersByTime(60_000)
    expect(said).toEqual([1, 3, 2])
    expect(vi.getTimerCount()).toBe(0)
  })
})
