import type { Meta, StoryObj } from '@storybook/react-vite'
import { IntegrationWebhookManager, defaultLabels as l } from 'integration-webhooks'
import { delay, HttpResponse, http } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import {
  API,
  defaultWebhook,
  findRows,
  freshCache,
  fullPage,
  mockEndpoint,
  NETWORK_TIMEOUT,
} from '../support/story-helpers'

/**
 * Issue 12: a suggested webhook gets **Set up** (it is saved with a receiving URL of its own,
 * and the dialog goes on with the saved webhook); a saved webhook gets **Delete**, behind a
 * confirmation that names it. One story per state, each with a play function that is a test.
 */
const meta = {
  title: 'Flows/Set up and delete',
  component: IntegrationWebhookManager,
  decorators: [fullPage],
  render: (args) => <IntegrationWebhookManager {...args} swr={freshCache()} />,
  args: { apiUrl: API, locale: 'en-US', retry: false, onCreated: fn(), onDeleted: fn() },
} satisfies Meta<typeof IntegrationWebhookManager>

export default meta
type Story = StoryObj<typeof meta>

/** Opens a row's details and returns the dialog. */
async function openDetails(canvasElement: HTMLElement, name: string) {
  const canvas = await findRows(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: `Details for ${name}` }))
  // The dialog's code loads on first open: allow for it.
  return canvas.findByRole('dialog', { name }, { timeout: NETWORK_TIMEOUT })
}

/** Opens a saved webhook's delete confirmation and returns it. */
async function openDeleteConfirmation(canvasElement: HTMLElement, name: string) {
  const dialog = await openDetails(canvasElement, name)
  await userEvent.click(within(dialog).getByRole('button', { name: l.deleteWebhook }))
  const confirm = await within(canvasElement).findByRole('alertdialog', { name: l.deleteTitle(name) })
  return { dialog, confirm }
}

const suggestions = mockEndpoint({ scenario: 'empty' })

/** Nothing saved: each suggestion's dialog offers "Set up" instead of the switch and the test event. */
export const SuggestionWithSetUp: Story = {
  name: 'Suggestion with "Set up"',
  beforeEach: suggestions.beforeEach,
  parameters: { msw: { handlers: suggestions.handlers } },
  play: async ({ canvasElement }) => {
    const dialog = await openDetails(canvasElement, 'GitHub')
    await expect(dialog).toHaveAttribute('data-generated')
    const setUp = within(dialog).getByRole('button', { name: l.setUp })
    await expect(setUp).toHaveAccessibleDescription(l.setUpHint)
    await expect(within(dialog).queryByRole('switch')).not.toBeInTheDocument()
  },
}

const setUpEndpoint = mockEndpoint({ scenario: 'empty' })

/** "Set up" saves the suggestion; the dialog shows the saved webhook with its own receiving URL. */
export const SetUp: Story = {
  name: 'Flow: set up a suggestion',
  beforeEach: setUpEndpoint.beforeEach,
  parameters: { msw: { handlers: setUpEndpoint.handlers } },
  play: async ({ args, canvasElement }) => {
    const dialog = await openDetails(canvasElement, 'GitHub')
    await userEvent.click(within(dialog).getByRole('button', { name: l.setUp }))
    await waitFor(() => expect(setUpEndpoint.store.getWebhooks()).toHaveLength(1), { timeout: NETWORK_TIMEOUT })
    const saved = setUpEndpoint.store.getWebhooks()[0]
    const shown = await within(canvasElement).findByRole('dialog', { name: 'GitHub' })
    await waitFor(() => expect(within(shown).getByText(saved?.webhook_url ?? '?')).toBeInTheDocument())
    await expect(saved?.webhook_url).toMatch(/\/api\/integration-webhooks\/receive\/[\w-]{43}$/)
    await expect(within(shown).getByText(l.setUpDone('GitHub'))).toBeInTheDocument()
    await expect(within(shown).getByRole('button', { name: l.deleteWebhook })).toBeInTheDocument()
    await waitFor(() => expect(canvasElement.ownerDocument.activeElement).toHaveAccessibleName(/^Copy Webhook URL/))
    await expect(args.onCreated).toHaveBeenCalledTimes(1)
  },
}

const pendingEndpoint = mockEndpoint({ scenario: 'empty' })

/** The server has not answered yet: "Setting up…", busy, and the dialog stays on the suggestion. */
export const SettingUp: Story = {
  name: 'Setting up (in progress)',
  beforeEach: pendingEndpoint.beforeEach,
  parameters: {
    msw: {
      handlers: [
        http.post(API, async () => {
          await delay('infinite')
          return new HttpResponse(null, { status: 201 })
        }),
        ...pendingEndpoint.handlers,
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await openDetails(canvasElement, 'Slack')
    await userEvent.click(within(dialog).getByRole('button', { name: l.setUp }))
    const busy = await within(dialog).findByRole('button', { name: l.settingUp })
    await expect(busy).toHaveAttribute('aria-busy', 'true')
    await expect(dialog).toHaveAttribute('data-busy')
  },
}

const failingSetUp = mockEndpoint({ scenario: 'empty' })

/** The server refuses: the dialog says why, in the server's words, and "Set up" can be tried again. */
export const SetUpFailed: Story = {
  name: 'Set up failed',
  beforeEach: failingSetUp.beforeEach,
  parameters: {
    msw: {
      handlers: [
        http.post(API, () =>
          HttpResponse.json({ error: 'Database connection failed', code: 'internal' }, { status: 500 }),
        ),
        ...failingSetUp.handlers,
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await openDetails(canvasElement, 'Slack')
    await userEvent.click(within(dialog).getByRole('button', { name: l.setUp }))
    const alert = await within(dialog).findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(l.setUpFailed('Database connection failed'))
    await expect(within(dialog).getByRole('button', { name: l.setUp })).toBeInTheDocument()
    await expect(failingSetUp.store.getWebhooks()).toHaveLength(0)
  },
}

const confirmEndpoint = mockEndpoint()

/** "Delete" asks first, in a dialog of its own that names the webhook; the focus starts on "Cancel". */
export const DeleteConfirmation: Story = {
  name: 'Delete confirmation',
  beforeEach: confirmEndpoint.beforeEach,
  parameters: { msw: { handlers: confirmEndpoint.handlers } },
  play: async ({ canvasElement }) => {
    const { confirm } = await openDeleteConfirmation(canvasElement, 'GitHub')
    await expect(confirm).toHaveAccessibleDescription(l.deleteDescription)
    await waitFor(() => expect(within(confirm).getByRole('button', { name: l.cancel })).toHaveFocus())
  },
}

const deleteEndpoint = mockEndpoint()

/** Confirmed: the dialog closes, the row is gone, the deletion is announced. */
export const Delete: Story = {
  name: 'Flow: delete a webhook',
  beforeEach: deleteEndpoint.beforeEach,
  parameters: { msw: { handlers: deleteEndpoint.handlers } },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    const { confirm } = await openDeleteConfirmation(canvasElement, 'GitHub')
    await userEvent.click(within(confirm).getByRole('button', { name: l.deleteConfirm }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: NETWORK_TIMEOUT })
    await expect(canvas.queryByRole('button', { name: 'Details for GitHub' })).not.toBeInTheDocument()
    await expect(await canvas.findByText(l.deleted('GitHub'))).toHaveAttribute('role', 'status')
    await expect(deleteEndpoint.store.getWebhook('github-webhook')).toBeUndefined()
    await expect(args.onDeleted).toHaveBeenCalledTimes(1)
  },
}

const failingDelete = mockEndpoint()

/** The server refuses: the row comes back, and the dialog says why with the focus back on "Delete". */
export const DeleteFailed: Story = {
  name: 'Delete failed',
  beforeEach: failingDelete.beforeEach,
  parameters: {
    msw: {
      handlers: [
        http.delete(`${API}/:id`, () =>
          HttpResponse.json({ error: 'Webhook is locked by an admin', code: 'locked' }, { status: 409 }),
        ),
        ...failingDelete.handlers,
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { dialog, confirm } = await openDeleteConfirmation(canvasElement, 'GitHub')
    await userEvent.click(within(confirm).getByRole('button', { name: l.deleteConfirm }))
    const alert = await within(dialog).findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(l.deleteFailed('Webhook is locked by an admin'))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: l.deleteWebhook })).toHaveFocus())
    await expect(failingDelete.store.getWebhook('github-webhook')).toBeDefined()
  },
}

/** The one saved webhook, under an id of the server's kind (no suggestion shares it). */
const onlyGitHub = () => {
  const github = defaultWebhook('github-webhook')
  return mockEndpoint({ webhooks: [{ ...github, id: '0b9c6a3e-5d2f-4f7e-9a41-6c3d2e1f0a9b' }] })
}
const lastEndpoint = onlyGitHub()

/** Deleting the last saved webhook: the suggestions come back and the first one takes the focus. */
export const DeleteLast: Story = {
  name: 'Flow: delete the last webhook',
  beforeEach: lastEndpoint.beforeEach,
  parameters: { msw: { handlers: lastEndpoint.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const { confirm } = await openDeleteConfirmation(canvasElement, 'GitHub')
    await userEvent.click(within(confirm).getByRole('button', { name: l.deleteConfirm }))
    await expect(await canvas.findByRole('note', {}, { timeout: NETWORK_TIMEOUT })).toHaveTextContent(l.generatedTitle)
    const [first] = canvas.getAllByRole('button', { name: /^Details for / })
    await waitFor(() => expect(first).toHaveFocus(), { timeout: NETWORK_TIMEOUT })
    await expect(lastEndpoint.store.getWebhooks()).toHaveLength(0)
  },
}

const lastNoSuggestions = onlyGitHub()

/** Deleting the last saved webhook with suggestions off: the empty state takes the focus. */
export const DeleteLastNothingLeft: Story = {
  name: 'Flow: delete the last webhook, suggestions off',
  args: { fallback: false },
  beforeEach: lastNoSuggestions.beforeEach,
  parameters: { msw: { handlers: lastNoSuggestions.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const { confirm } = await openDeleteConfirmation(canvasElement, 'GitHub')
    await userEvent.click(within(confirm).getByRole('button', { name: l.deleteConfirm }))
    const title = await canvas.findByRole('heading', { name: l.empty }, { timeout: NETWORK_TIMEOUT })
    await waitFor(() => expect(title).toHaveFocus(), { timeout: NETWORK_TIMEOUT })
    await expect(canvas.queryByRole('table')).not.toBeInTheDocument()
  },
}
