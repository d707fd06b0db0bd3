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
