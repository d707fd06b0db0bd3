import type { Meta, StoryObj } from '@storybook/react-vite'
import { IntegrationWebhookManager, defaultLabels as l } from 'integration-webhooks'
import { expect, waitFor, within } from 'storybook/test'
import { API, findRows, freshCache, fullPage, mockEndpoint, NETWORK_TIMEOUT } from '../support/story-helpers'

/**
 * The manager following the endpoint's live stream (issue 14): the Live indicator in each of
 * its states, said in words. The mocked stream is `createWebhookMockStore({ stream })`.
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
