import type { Meta, StoryObj } from '@storybook/react-vite'
import {
  defaultLabels,
  type IntegrationWebhook,
  WebhookDetailsDialog,
  type WebhookDetailsDialogProps,
  WebhooksProvider,
} from 'integration-webhooks'
import { defaultCatalog, generateFallbackWebhooks } from 'integration-webhooks/core'
import { createWebhookHandlers, MOCK_NOW, mockWebhooks } from 'integration-webhooks/mocks'
import { delay, HttpResponse, http } from 'msw'
import { useEffect, useState } from 'react'
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test'
import { API, defaultWebhook, freshCache, NETWORK_TIMEOUT, onPage } from '../support/story-helpers'

/**
 * What a host renders when it has its own list but wants the details dialog: the dialog,
 * and a button that opens it again after it was closed. The status shown follows what the
 * server accepted (`onStatusChange`), as a host's list would.
 */
function DialogDemo({ webhook, onOpenChange, onStatusChange, ...props }: WebhookDetailsDialogProps) {
  const [current, setCurrent] = useState<IntegrationWebhook | null>(webhook)
  const [open, setOpen] = useState(true)
  useEffect(() => setCurrent(webhook), [webhook])
  const name = current?.external_config.integration_name ?? 'the webhook'
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={open}>
        Open details of {name}
      </button>
      <WebhookDetailsDialog
        {...props}
        webhook={open ? current : null}
        onOpenChange={(isOpen) => {
          setOpen(isOpen)
          onOpenChange(isOpen)
        }}
        onStatusChange={(changed) => {
          setCurrent(changed)
          onStatusChange?.(changed)
        }}
      />
    </>
  )
}

const github = defaultWebhook('github-webhook')

/** A generated suggestion (nothing saved for Slack): no history, and the dialog says so. */
const generatedSlack = (() => {
  const slack = defaultCatalog.get('slack')
  if (!slack) throw new Error('Slack is not in the catalog')
  const [row] = generateFallbackWebhooks({
    catalog: [slack],
    userId: 'user_mock_1',
    origin: 'https://app.example.com',
    now: MOCK_NOW,
  })
  if (!row) throw new Error('No generated row')
  return row
})()

const meta = {
  title: 'Components/WebhookDetailsDialog',
  component: WebhookDetailsDialog,
  decorators: [
    onPage,
    // The dialog's actions and execution history use the hooks: a provider with a fresh cache.
    (Story) => (
      <WebhooksProvider apiUrl={API} swr={freshCache()}>
        <Story />
      </WebhooksProvider>
    ),
  ],
  render: (args) => <DialogDemo {...args} />,
  args: {
    webhook: github,
    generated: false,
    pageSize: 20,
    locale: 'en-US',
    onOpenChange: fn(),
    onStatusChange: fn(),
  },
  argTypes: {
    webhook: { control: 'object' },
    generated: { control: 'boolean' },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    locale: { control: 'select', options: ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'] },
    labels: { control: 'object' },
  },
  parameters: {
    controls: { exclude: ['catalog', 'container', 'nonce', 'className', 'onOpenChange', 'onStatusChange'] },
    // A modal dialog covers the page: on the docs page it gets a frame of its own.
    docs: { story: { inline: false, height: '720px' } },
    msw: { handlers: createWebhookHandlers({ apiUrl: API }) },
  },
} satisfies Meta<typeof WebhookDetailsDialog>

export default meta
type Story = StoryObj<typeof meta>

/** GitHub, active, with its execution history from the mocked endpoint. The dialog is portalled to `<body>`. */
export const Open: Story = {
  play: async ({ args }) => {
    // Portalled to <body>, outside the story's root.
    const dialog = await screen.findByRole('dialog', { name: 'GitHub' })
    await expect(dialog).toHaveAttribute('data-status', 'active')
    await expect(within(dialog).getByRole('region', { name: defaultLabels.setup })).toBeInTheDocument()
    await expect(within(dialog).getByRole('link', { name: /GitHub webhook documentation/ })).toBeInTheDocument()
    await waitFor(() => expect(dialog.querySelectorAll('[data-slot="execution-row"]').length).toBeGreaterThan(0), {
      timeout: NETWORK_TIMEOUT,
    })
    await userEvent.click(within(dialog).getByRole('button', { name: defaultLabels.close }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false)
    // Open it again for the accessibility check and for the viewer.
    await userEvent.click(screen.getByRole('button', { name: 'Open details of GitHub' }))
    await screen.findByRole('dialog', { name: 'GitHub' })
  },
}

/** A webhook in error (Stripe): the badge, the error count and failed executions with "Retry". */
export const InError: Story = {
  args: { webhook: defaultWebhook('stripe-webhook') },
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'Stripe' })
    await expect(dialog).toHaveAttribute('data-status', 'error')
    await within(dialog).findAllByRole('button', { name: /^Retry: / }, { timeout: NETWORK_TIMEOUT })
  },
}

/** A generated suggestion: a notice says nothing is saved, and there is no execution history. */
export const Generated: Story = {
  args: { webhook: generatedSlack, generated: true },
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'Slack' })
    await expect(dialog).toHaveTextContent(defaultLabels.generatedRow)
    await expect(within(dialog).getByText(defaultLabels.setupRequired)).toBeInTheDocument()
    await expect(within(dialog).queryByRole('heading', { name: defaultLabels.executions })).not.toBeInTheDocument()
  },
}

/** Hostile data: the name is text, secrets are masked. */
export const Hostile: Story = {
  args: {
    webhook: (mockWebhooks('hostile').find((row) => row.id === 'hostile-secrets') ?? null) as IntegrationWebhook,
  },
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'hostile' }) } },
  play: async () => {
    const dialog = await screen.findByRole('dialog')
    await expect(dialog).not.toHaveTextContent('sk_live_51HostileKeyDoNotShow')
    await within(dialog).findByRole('heading', { name: defaultLabels.executions })
  },
}

export const Dark: Story = {
  name: 'Open (dark)',
  parameters: { theme: 'dark' },
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'GitHub' })
    await waitFor(() => expect(dialog.querySelectorAll('[data-slot="execution-row"]').length).toBeGreaterThan(0), {
      timeout: NETWORK_TIMEOUT,
    })
  },
}

// ---------- Activity (issue 14): the statistics' states ----------

/** Statistics of `window` ending at the mocks' now, bucket i from `outcome(i)` = [success, error]. */
function statsOf(window: '24h' | '7d' | '30d', outcome: (i: number) => [number, number]) {
  const count = window === '24h' ? 24 : window === '7d' ? 7 : 30
  const step = window === '24h' ? 3600_000 : 86_400_000
  const last = Math.floor(Date.parse(MOCK_NOW) / step) * step
  const buckets = Array.from({ length: count }, (_, i) => {
    const [success, error] = outcome(i)
    return { start: new Date(last - (count - 1 - i) * step).toISOString(), success, error }
  })
  const success = buckets.reduce((n, b) => n + b.success, 0)
  const error = buckets.reduce((n, b) => n + b.error, 0)
  const finished = success + error
  return {
    window,
    total: finished,
    success,
    error,
    pending: 0,
    success_rate: finished ? success / finished : null,
    p50_ms: finished ? 180 : null,
    p95_ms: finished ? 1240 : null,
    buckets,
  }
}

/** The mocks' endpoint with the statistics route of one story in front of it. */
const withStats = (
  stats: (window: '24h' | '7d' | '30d') => Response | Promise<Response>,
): { msw: { handlers: unknown[] } } => ({
  msw: {
    handlers: [
      http.get(`${API}/:id/stats`, ({ request }) =>
        stats((new URL(request.url).searchParams.get('window') ?? '24h') as '24h' | '7d' | '30d'),
      ),
      ...createWebhookHandlers({ apiUrl: API }),
    ],
  },
})

async function activitySection() {
  const dialog = await screen.findByRole('dialog', { name: 'GitHub' })
  const section = within(dialog).getByRole('region', { name: defaultLabels.metrics })
  section.scrollIntoView({ block: 'start' })
  return section
}

/** The mocks' series (quiet nights, busy days) for GitHub over 24 hours: rate, p50/p95, the chart, the summary. */
export const Activity: Story = {
  play: async () => {
    const section = await activitySection()
    await within(section).findByText(/executions in the last 24 hours/, {}, { timeout: NETWORK_TIMEOUT })
    await expect(section.querySelectorAll('[data-bar]')).toHaveLength(24)
  },
}

/** A webhook that has received nothing yet: the figures say "—", the chart is empty, the sentence says why. */
export const ActivityNoDataYet: Story = {
  name: 'Activity: no data yet',
  parameters: withStats((window) => HttpResponse.json(statsOf(window, () => [0, 0]))),
  play: async () => {
    const section = await activitySection()
    await within(section).findByText('No executions in the last 24 hours yet.', {}, { timeout: NETWORK_TIMEOUT })
  },
}

/** Every delivery failed since a burst in the morning: 0%, red bars, and the summary says all failed. */
export const ActivityAllFailing: Story = {
  name: 'Activity: all failing',
  parameters: withStats((window) =>
    HttpResponse.json(statsOf(window, (i) => [0, i < 6 ? 1 : i < 9 ? 14 : 6 + (i % 4)])),
  ),
  play: async () => {
    const section = await activitySection()
    await within(section).findByText(
      /^All .+ executions in the last 24 hours failed\.$/,
      {},
      { timeout: NETWORK_TIMEOUT },
    )
  },
}

/** The 30-day window of the mocks' series, chosen with the switcher: one bar per UTC day. */
export const Activity30Days: Story = {
  name: 'Activity: 30 days',
  play: async () => {
    const section = await activitySection()
    const group = await within(section).findByRole('group', { name: defaultLabels.statsWindow })
    await userEvent.click(within(group).getByRole('button', { name: defaultLabels.statsWindows['30d'] }))
    await within(section).findByText(/executions in the last 30 days/, {}, { timeout: NETWORK_TIMEOUT })
    await expect(section.querySelectorAll('[data-bar]')).toHaveLength(30)
  },
}

/** While the figures load: a status message and a placeholder where the chart goes. */
export const ActivityLoading: Story = {
  name: 'Activity: loading',
  parameters: withStats(async () => {
    await delay('infinite')
    return HttpResponse.json({})
  }),
  play: async () => {
    const section = await activitySection()
    await expect(await within(section).findByRole('status')).toHaveTextContent(defaultLabels.statsLoading)
  },
}

/** The statistics route fails: a message and "Try again" in the section; the rest of the dialog is there. */
export const ActivityError: Story = {
  name: 'Activity: error',
  parameters: withStats(() =>
    HttpResponse.json({ error: 'The statistics database is unavailable', code: 'internal' }, { status: 500 }),
  ),
  play: async () => {
    const section = await activitySection()
    const alert = await within(section).findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(defaultLabels.statsError)
  },
}

export const ActivityDark: Story = {
  name: 'Activity (dark)',
  parameters: {
    theme: 'dark',
    ...withStats((window) =>
      HttpResponse.json(statsOf(window, (i) => [i < 6 ? 2 : 12 + (i % 5), i === 17 ? 9 : i === 18 ? 4 : 0])),
    ),
  },
  play: async () => {
    const section = await activitySection()
    await within(section).findByText(/Most failures at/, {}, { timeout: NETWORK_TIMEOUT })
  },
}
