import type { Meta, StoryObj } from '@storybook/react-vite'
import { defaultLabels, WebhookStatusBadge } from 'integration-webhooks'
import { webhookStatuses } from 'integration-webhooks/core'
import { expect, within } from 'storybook/test'
import { onPage } from '../support/story-helpers'

const meta = {
  title: 'Components/WebhookStatusBadge',
  component: WebhookStatusBadge,
  decorators: [onPage],
  args: { status: 'active', setupRequired: false },
  argTypes: {
    status: { control: 'inline-radio', options: [...webhookStatuses] },
    setupRequired: { control: 'boolean' },
    secretMissing: { control: 'boolean' },
    labels: { control: 'object' },
  },
  parameters: { controls: { exclude: ['className'] } },
} satisfies Meta<typeof WebhookStatusBadge>

export default meta
type Story = StoryObj<typeof meta>

/** One badge: pick the status and whether setup is required. */
export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector('[data-slot="status-group"]')
    await expect(badge).toHaveAttribute('data-status', 'active')
    await expect(badge).toHaveTextContent(defaultLabels.statuses.active)
  },
}

/** Every status, with and without "Setup required": text and colour, never colour alone. */
export const AllVariants: Story = {
  name: 'All variants',
  parameters: { controls: { disable: true } },
  render: (args) => (
    <dl className="story-variants">
      {webhookStatuses.flatMap((status) =>
        [false, true].map((setupRequired) => (
          <div key={`${status}-${setupRequired}`} className="story-variant">
            <dt>
              {status}
              {setupRequired ? ' + setupRequired' : ''}
            </dt>
            <dd>
              <WebhookStatusBadge {...args} status={status} setupRequired={setupRequired} />
            </dd>
          </div>
        )),
      )}
    </dl>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    for (const status of webhookStatuses) {
      await expect(canvas.getAllByText(defaultLabels.statuses[status])).toHaveLength(2)
    }
    await expect(canvas.getAllByText(defaultLabels.setupRequired)).toHaveLength(webhookStatuses.length)
  },
}

export const AllVariantsDark: Story = {
  ...AllVariants,
  name: 'All variants (dark)',
  parameters: { controls: { disable: true }, theme: 'dark' },
}

/**
 * The signing secret its events need is not set, so every event is refused: "Secret missing"
 * in place of "Setup required", beside a status that may still read "Active".
 */
export const SecretMissing: Story = {
  name: 'Secret missing',
  args: { status: 'active', setupRequired: true, secretMissing: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText(defaultLabels.statuses.active)).toBeInTheDocument()
    await expect(canvas.getByText(defaultLabels.secretMissingBadge)).toHaveAttribute('data-reason', 'secret-missing')
    await expect(canvas.queryByText(defaultLabels.setupRequired)).toBeNull()
  },
}
