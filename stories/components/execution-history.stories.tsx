import type { Meta, StoryObj } from '@storybook/react-vite'
import { defaultLabels, ExecutionHistory, WebhooksProvider } from 'integration-webhooks'
import { formatDateTime, type IntegrationWebhook } from 'integration-webhooks/core'
import { type LiveDelivery, liveExecution, mockWebhooks } from 'integration-webhooks/mocks'
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

// What onEvent dispatch records (liveExecution, as the server does): no HTTP code, the function's
// result as the body; a retry of a failure; one that arrived after the page's last tick of "now".
const github = mockWebhooks().find((webhook) => webhook.id === 'github-webhook') as IntegrationWebhook
const onEvent = (delivery: Omit<LiveDelivery, 'webhook'>) => liveExecution({ webhook: github, ...delivery })
const failed = onEvent({
  id: '2abd496d-88ac-42c4-acd6-1131d4da4f05',
  atMs: Date.parse('2026-01-01T10:00:00.000Z'),
  failure: { message: 'Workflow engine unavailable' },
  dispatch: 'finished',
})
const results = () =>
  mockEndpoint({
    executions: {
      'github-webhook': [
        onEvent({
          id: 'exec-fresh',
          // Ahead of the page's clock (a server's clock runs ahead, or it arrived since the last
          // tick); ten minutes, so it is still ahead however late the story runs.
          atMs: Date.now() + 600_000,
          result: '{"handled_by":"the demo app","trigger_type":"github_trigger_issue_opened"}',
        }),
        onEvent({
          id: 'exec-retry',
          atMs: Date.parse('2026-01-01T10:05:00.000Z'),
          original: failed,
          result: 'queued for the nightly import, with the issue and its labels',
        }),
        failed,
        onEvent({ id: 'exec-pending', atMs: Date.parse('2026-01-01T09:00:00.000Z'), dispatch: 'pending' }),
      ],
    },
  })
const resultsLight = results()
const resultsDark = results()

/**
 * onEvent results: the Response column shows what the function returned in short (no HTTP code),
 * a retry names its original by time and leads to it, a fresh execution reads "now", and an
 * expanded JSON body is indented like the payload.
 */
export const ResultsAndRetries: Story = {
  name: 'onEvent results and a retry',
  beforeEach: resultsLight.beforeEach,
  parameters: { msw: { handlers: resultsLight.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(4), { timeout: NETWORK_TIMEOUT })
    const [fresh, retry] = rows(canvasElement) as [HTMLElement, HTMLElement]
    await expect(within(fresh).getByText('now')).toBeInTheDocument()
    await expect(fresh.querySelector('[data-column="responseCode"]')).toHaveTextContent(
      'handled_by: the demo app, trigger_type: github_trigger_issue_opened',
    )
    const toOriginal = within(retry).getByRole('button', {
      name: defaultLabels.retryOf(formatDateTime(failed.triggered_at, { locale: 'en-US' })),
    })
    await userEvent.click(toOriginal)
    await expect(
      within(rows(canvasElement)[2] as HTMLElement).getByRole('button', { name: /^Show details/ }),
    ).toHaveFocus()
    await userEvent.click(within(fresh).getByRole('button', { name: /^Show details/ }))
    const body = await canvas.findByRole('region', { name: new RegExp(`^${defaultLabels.responseBody}: `) })
    await expect(body).toHaveAttribute('data-format', 'json')
    await expect(body.textContent).toContain('\n  "handled_by": "the demo app",\n')
  },
}

export const ResultsAndRetriesDark: Story = {
  ...ResultsAndRetries,
  name: 'onEvent results and a retry (dark)',
  beforeEach: resultsDark.beforeEach,
  parameters: { msw: { handlers: resultsDark.handlers }, theme: 'dark' },
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
