import type { Meta, StoryObj } from '@storybook/react-vite'
import { IntegrationWebhookManager, defaultLabels as l } from 'integration-webhooks'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { API, findRows, freshCache, fullPage, mockEndpoint, NETWORK_TIMEOUT } from '../support/story-helpers'

/**
 * The manager following the endpoint's live stream (issue 14): the Live indicator in each of
 * its states, said in words, and what a new execution does to an open history. The mocked
 * stream is `createWebhookMockStore({ stream })`; a play pushes events with `store.receive`
 * and drops the stream with `store.setStream`.
 */
const meta = {
  title: 'Components/Live updates',
  component: IntegrationWebhookManager,
  decorators: [fullPage],
  render: (args) => <IntegrationWebhookManager {...args} swr={freshCache()} />,
  args: { apiUrl: API, locale: 'en-US', live: true },
} satisfies Meta<typeof IntegrationWebhookManager>

export default meta
type Story = StoryObj<typeof meta>

/** A reconnect waits for the server's `retry:` (3 s) with jitter: a limit well above it. */
const RECONNECT_TIMEOUT = 30_000

/** Waits until the header's Live indicator says `words` (after its visually hidden "Live updates:"). */
async function indicatorSays(canvasElement: HTMLElement, words: string, timeout = NETWORK_TIMEOUT) {
  const canvas = within(canvasElement)
  const indicator = await canvas.findByTitle(l.liveUpdates, {}, { timeout })
  await waitFor(() => expect(indicator).toHaveTextContent(`${l.liveUpdates}: ${words}`), { timeout })
  return indicator
}

/** The header's "Updated … ago", if shown. */
const updatedText = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole('banner')).queryByText(new RegExp(`^${l.updated('').trim()} `))

const live = mockEndpoint({ stream: 'live' })

/**
 * Live, with Slack's details open: a delivery arrives and appears at the top of the history,
 * marked "New" until the user turns to it, announced once politely ("1 new execution"); the
 * header says "Live" and no "Updated … ago".
 */
export const NewExecutionInOpenHistory: Story = {
  name: 'Live: a new execution in the open history',
  beforeEach: live.beforeEach,
  parameters: { msw: { handlers: live.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement)
    await indicatorSays(canvasElement, l.liveStates.live)
    await expect(updatedText(canvasElement)).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Details for Slack' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Slack' }, { timeout: NETWORK_TIMEOUT })
    const history = await within(dialog).findByRole('region', { name: l.executions }, { timeout: NETWORK_TIMEOUT })
    const expandButtons = () => within(history).queryAllByRole('button', { name: new RegExp(`^${l.showExecution}: `) })
    const before = (
      await within(history).findAllByRole(
        'button',
        { name: new RegExp(`^${l.showExecution}: `) },
        { timeout: NETWORK_TIMEOUT },
      )
    ).length

    // The history is settled (no page in flight) before the delivery arrives.
    await waitFor(() => expect(history).not.toHaveAttribute('aria-busy'), { timeout: NETWORK_TIMEOUT })
    const received = live.store.receive('slack-webhook', { status: 'error' })
    // Wait for the row count, not for a name: older rows share the trigger type and the status
    // (an older "Failed" slack_trigger_new_message matched at once, before the stream
    // brought the new one through the service worker).
    await waitFor(() => expect(expandButtons()).toHaveLength(before + 1), { timeout: NETWORK_TIMEOUT })
    const [expand] = expandButtons()
    await expect(expand).toHaveAccessibleName(
      new RegExp(`^${l.showExecution}: ${received?.trigger_type}, .+, ${l.executionStatuses.error}$`),
    )
    const row = expand?.closest('tr') as HTMLElement
    // The row comes with the cache's update, its mark a render later.
    await waitFor(() => expect(row).toHaveAttribute('data-new'), { timeout: NETWORK_TIMEOUT })
    await expect(within(row).getByText(l.newExecution)).toBeInTheDocument()
    await waitFor(() => expect(within(history).getByRole('status')).toHaveTextContent(l.newExecutions(1)), {
      timeout: NETWORK_TIMEOUT,
    })
    history.scrollIntoView({ block: 'start' })
  },
}

const dropping = mockEndpoint({ stream: 'dropping' })

/** The stream fails (503) and is tried again with backoff: the indicator says "Reconnecting…", and the last fetch's time stays. */
export const Reconnecting: Story = {
  beforeEach: dropping.beforeEach,
  parameters: { msw: { handlers: dropping.handlers } },
  play: async ({ canvasElement }) => {
    await findRows(canvasElement)
    const indicator = await indicatorSays(canvasElement, l.liveStates.reconnecting)
    await expect(indicator).toHaveAttribute('data-state', 'reconnecting')
    await expect(updatedText(canvasElement)).toBeInTheDocument()
  },
}

const none = mockEndpoint({ stream: 'none' })

/** An endpoint without a stream (404), like the product's existing API: the list polls, and says so. */
export const Polling: Story = {
  beforeEach: none.beforeEach,
  parameters: { msw: { handlers: none.handlers } },
  play: async ({ canvasElement }) => {
    await findRows(canvasElement)
    const indicator = await indicatorSays(canvasElement, l.liveStates.polling)
    await expect(indicator).toHaveAttribute('data-state', 'polling')
    await expect(updatedText(canvasElement)).toBeInTheDocument()
  },
}

const resuming = mockEndpoint({ stream: 'live' })

/**
 * A webhook is disabled elsewhere while live (the count moves in place); the stream drops
 * (Reconnecting…, and "Updated … ago" again), another is disabled meanwhile, and the stream comes
 * back: Live again, and the change made while it was down arrives (resumed with `Last-Event-ID`).
 */
export const DroppedThenResumed: Story = {
  name: 'Stream dropped, then resumed',
  beforeEach: resuming.beforeEach,
  parameters: { msw: { handlers: resuming.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement)
    await indicatorSays(canvasElement, l.liveStates.live)
    const summary = canvas.getByRole('list', { name: l.title })
    const actives = resuming.store.getWebhooks().filter((w) => w.status === 'active')
    const active = actives.length
    const disable = (id: string | undefined) =>
      fetch(`${API}/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'inactive' }),
      })
    // A change while live: the count moves in place (and the client has an event id to resume after).
    await disable(actives[0]?.id)
    await within(summary).findByText(l.summary.active(active - 1), {}, { timeout: NETWORK_TIMEOUT })

    resuming.store.setStream('dropping')
    await indicatorSays(canvasElement, l.liveStates.reconnecting)
    await expect(updatedText(canvasElement)).toBeInTheDocument()
    await disable(actives[1]?.id)

    resuming.store.setStream('live')
    await indicatorSays(canvasElement, l.liveStates.live, RECONNECT_TIMEOUT)
    await within(summary).findByText(l.summary.active(active - 2), {}, { timeout: NETWORK_TIMEOUT })
    await expect(updatedText(canvasElement)).toBeNull()
  },
}
