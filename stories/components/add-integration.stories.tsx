import type { Meta, StoryObj } from '@storybook/react-vite'
import { germanLabels, IntegrationWebhookManager, defaultLabels as l } from 'integration-webhooks'
import { HttpResponse, http } from 'msw'
import { expect, userEvent, within } from 'storybook/test'
import { API, defaultWebhook, freshCache, fullPage, mockEndpoint, NETWORK_TIMEOUT } from '../support/story-helpers'

/**
 * "Add integration", below a saved list: the catalog's integrations not saved yet, by category,
 * and "Set up", which saves one and opens it. Absent while nothing is saved (the suggestions are
 * the list) and when every integration is saved.
 */
const meta = {
  title: 'Components/IntegrationWebhookManager/Add integration',
  component: IntegrationWebhookManager,
  decorators: [fullPage],
  render: (args) => <IntegrationWebhookManager {...args} swr={freshCache()} />,
  args: { apiUrl: API, locale: 'en-US', refreshInterval: 0, live: false },
} satisfies Meta<typeof IntegrationWebhookManager>

export default meta
type Story = StoryObj<typeof meta>

const oneSaved = () => mockEndpoint({ webhooks: [defaultWebhook('github-webhook')] })

/** The control, its select (the prompt, then 29 integrations), and Set up. */
async function findControl(canvasElement: HTMLElement, name = l.addIntegration) {
  const canvas = within(canvasElement)
  const group = await canvas.findByRole('group', { name }, { timeout: NETWORK_TIMEOUT })
  return { canvas, group, select: within(group).getByRole('combobox', { name }) }
}

const light = oneSaved()

/** GitHub saved: every other integration is offered. */
export const OneSaved: Story = {
  name: 'One saved',
  beforeEach: light.beforeEach,
  parameters: { msw: { handlers: light.handlers } },
  play: async ({ canvasElement }) => {
    const { group } = await findControl(canvasElement)
    await expect(within(group).queryByRole('option', { name: 'GitHub' })).toBeNull()
    await expect(within(group).getByRole('option', { name: 'Stripe' })).toBeInTheDocument()
    await expect(within(group).getByRole('button', { name: l.setUp })).toHaveAttribute('aria-disabled', 'true')
  },
}

const dark = oneSaved()

export const OneSavedDark: Story = {
  ...OneSaved,
  name: 'One saved (dark)',
  beforeEach: dark.beforeEach,
  parameters: { msw: { handlers: dark.handlers }, theme: 'dark' },
}

const german = oneSaved()

/** German labels, the count written for de-DE. */
export const Translated: Story = {
  args: { locale: 'de-DE', labels: germanLabels },
  beforeEach: german.beforeEach,
  parameters: { msw: { handlers: german.handlers } },
  play: async ({ canvasElement }) => {
    const { group } = await findControl(canvasElement, germanLabels.addIntegration)
    const count = within(group).getAllByRole('option').length - 1
    await expect(within(group).getByRole('option', { name: germanLabels.chooseIntegration(count) })).toBeInTheDocument()
    await expect(within(group).getByRole('button', { name: germanLabels.setUp })).toBeInTheDocument()
  },
}

const chosen = oneSaved()

/** An integration chosen: Set up is ready. */
export const Chosen: Story = {
  name: 'Integration chosen',
  beforeEach: chosen.beforeEach,
  parameters: { msw: { handlers: chosen.handlers } },
  play: async ({ canvasElement }) => {
    const { group, select } = await findControl(canvasElement)
    await userEvent.selectOptions(select, 'Stripe')
    await expect(select).toHaveValue('stripe')
    await expect(within(group).getByRole('button', { name: l.setUp })).not.toHaveAttribute('aria-disabled')
  },
}

const pending = oneSaved()

/** Saving: the button says so and is busy (the answer never comes here). */
export const Pending: Story = {
  beforeEach: pending.beforeEach,
  parameters: {
    msw: { handlers: [http.post(API, () => new Promise<never>(() => undefined)), ...pending.handlers] },
  },
  play: async ({ canvasElement }) => {
    const { group, select } = await findControl(canvasElement)
    await userEvent.selectOptions(select, 'Slack')
    await userEvent.click(within(group).getByRole('button', { name: l.setUp }))
    const busy = await within(group).findByRole('button', { name: l.settingUp })
    await expect(busy).toHaveAttribute('aria-busy', 'true')
  },
}

const refused = oneSaved()

/** The server refused (409): its sentence beside the button, the choice kept. */
export const Failed: Story = {
  beforeEach: refused.beforeEach,
  parameters: {
    msw: {
      handlers: [
        http.post(API, () =>
          HttpResponse.json(
            { error: 'You have 1 webhooks, the most allowed: delete one to create another', code: 'limit_reached' },
            { status: 409 },
          ),
        ),
        ...refused.handlers,
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { group, select } = await findControl(canvasElement)
    await userEvent.selectOptions(select, 'Slack')
    await userEvent.click(within(group).getByRole('button', { name: l.setUp }))
    const alert = await within(group).findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(/^Could not set it up: You have 1 webhooks/)
    await expect(select).toHaveValue('slack')
  },
}

const all = mockEndpoint()

/** Every integration saved (the default scenario): nothing to add, no control. */
export const EverythingSaved: Story = {
  name: 'Everything saved',
  beforeEach: all.beforeEach,
  parameters: { msw: { handlers: all.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findAllByRole('button', { name: /^Details for / }, { timeout: NETWORK_TIMEOUT })
    await expect(canvas.queryByRole('group', { name: l.addIntegration })).toBeNull()
  },
}
