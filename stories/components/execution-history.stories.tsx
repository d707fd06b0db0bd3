import type { Meta, StoryObj } from '@storybook/react-vite'
import { defaultLabels, ExecutionHistory, WebhooksProvider } from 'integration-webhooks'
import { HttpResponse, http } from 'msw'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { API, defaultWebhooks, freshCache, mockEndpoint, NETWORK_TIMEOUT, onPage } from '../support/story-helpers'

const rows = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>('[data-slot="execution-row"]'))

const meta = {
  title: 'Components/ExecutionHistory',
  component: ExecutionHistory,
  decorators: [
    onPage,
    (Story) => (
      <WebhooksProvider apiUrl={API} swr={freshCache()}>
        <Story />
      </WebhooksProvider>
    ),
  ],
  args: { webhookId: 'github-webhook', pageSize: 20, allowRetry: true, locale: 'en-US' },
  argTypes: {
    webhookId: { control: 'select', options: defaultWebhooks.map((webhook) => webhook.id) },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    allowRetry: { control: 'boolean' },
    locale: { control: 'select', options: ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'] },
    labels: { control: 'object' },
  },
  parameters: { controls: { exclude: ['className'] } },
} satisfies Meta<typeof ExecutionHistory>

export default meta
type Story = StoryObj<typeof meta>

const many = mockEndpoint()
const githubCount = many.store.getExecutions('github-webhook').length

/** GitHub has more executions than a page: "Load more" fetches the rest; a row expands to its payload. */
export const ManyExecutions: Story = {
  name: 'Many executions (load more)',
  beforeEach: many.beforeEach,
  parameters: { msw: { handlers: many.handlers } },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(20), { timeout: NETWORK_TIMEOUT })
    await step('load more', async () => {
      await userEvent.click(canvas.getByRole('button', { name: defaultLabels.loadMore }))
      await waitFor(() => expect(rows(canvasElement)).toHaveLength(githubCount), { timeout: NETWORK_TIMEOUT })
      await expect(canvas.queryByRole('button', { name: defaultLabels.loadMore })).not.toBeInTheDocument()
    })
    await step('a row expands to its payload, headers and response', async () => {
      const expand = within(rows(canvasElement)[0] as HTMLElement).getByRole('button', { name: /^Show details/ })
      await userEvent.click(expand)
      await expect(expand).toHaveAttribute('aria-expanded', 'true')
      const detail = document.getElementById(expand.getAttribute('aria-controls') ?? '')
      await expect(detail).toBeVisible()
      await expect(detail).toHaveTextContent(defaultLabels.payload)
    })
  },
}

const failing = mockEndpoint()

/** HubSpot is in error: failed executions offer "Retry", which redelivers and shows the new one first. */
export const RetryFailed: Story = {
  name: 'Retry a failed execution',
  args: { webhookId: 'hubspot-webhook' },
  beforeEach: failing.beforeEach,
  parameters: { msw: { handlers: failing.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const [retry] = await canvas.findAllByRole('button', { name: /^Retry: / }, { timeout: NETWORK_TIMEOUT })
    const before = rows(canvasElement)[0]?.querySelector('time')?.getAttribute('dateTime') ?? ''
    await userEvent.click(retry as HTMLElement)
    await waitFor(
      () => {
        const newest = rows(canvasElement)[0]
        const newestTime = newest?.querySelector('time')?.getAttribute('dateTime') ?? ''
        expect(newestTime > before).toBe(true)
        expect(newest).toHaveAttribute('data-status', 'success')
      },
      { timeout: NETWORK_TIMEOUT },
    )
  },
}

const none = mockEndpoint()

/** A webhook that never ran (TikTok needs setup). */
export const NoExecutions: Story = {
  name: 'No executions',
  args: { webhookId: 'tiktok-webhook' },
  beforeEach: none.beforeEach,
  parameters: { msw: { handlers: none.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText(defaultLabels.noExecutions, {}, { timeout: NETWORK_TIMEOUT })
    await expect(canvasElement.querySelector('[data-slot="execution-history"]')).toHaveAttribute('data-empty')
  },
}

/** The executions endpoint fails (after the client's retries): an alert with "Try again". */
export const EndpointFails: Story = {
  name: 'Endpoint fails',
  parameters: {
    msw: {
      handlers: [
        http.get(`${API}/executions/:webhookId`, () =>
          HttpResponse.json({ error: 'Execution store unavailable' }, { status: 500 }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(defaultLabels.executionsFailed)
    await expect(alert).toHaveTextContent('Execution store unavailable')
    await expect(within(alert).getByRole('button', { name: defaultLabels.tryAgain })).toBeEnabled()
  },
}

const dark = mockEndpoint()

export const ManyExecutionsDark: Story = {
  name: 'Many executions (dark)',
  args: { webhookId: 'stripe-webhook' },
  beforeEach: dark.beforeEach,
  parameters: { msw: { handlers: dark.handlers }, theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(0), { timeout: NETWORK_TIMEOUT })
  },
}

export const EndpointFailsDark: Story = {
  ...EndpointFails,
  name: 'Endpoint fails (dark)',
  parameters: { ...EndpointFails.parameters, theme: 'dark' },
}
