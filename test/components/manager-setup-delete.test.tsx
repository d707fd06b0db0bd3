// Issue 12: "Set up" saves a suggested webhook and shows it with its receiving URL; "Delete",
// behind a confirmation that names the webhook, removes a saved one. Against the mocks' store.
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createWebhookMockStore, mockWebhooks, type WebhookMockOptions } from '../../mocks'
import { defaultLabels as l, WebhookDetailsDialog } from '../../src/components'
import { makeWebhook } from '../core/fixtures'
import { API, Providers, setupMswServer } from '../react/utils'
import { deferred, expectNoAxeViolations, fewSuggestions, renderManager } from './helpers'

const server = setupMswServer()
// These tests are about Set up and Delete, not about loading the dialog's code on first open:
// load it once up front (on 2 busy cores its first transform can take seconds).
beforeAll(async () => {
  await import('../../src/components/webhook-details-dialog-content')
}, 60_000)

/** Three saved webhooks of the default scenario (GitHub between Stripe and Slack once sorted). */
const three = mockWebhooks('default').filter((w) =>
  ['github-webhook', 'slack-webhook', 'stripe-webhook'].includes(w.id),
)

function mount(options: WebhookMockOptions = { webhooks: three }) {
  const store = createWebhookMockStore({ apiUrl: API, ...options })
  server.use(...store.handlers)
  return store
}

/** Opens a row's details and returns the dialog. */
async function openDetails(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: `Details for ${name}` }))
  return screen.findByRole('dialog', { name }, { timeout: 10_000 })
}

describe('IntegrationWebhookManager: Set up', () => {
  it('saves a suggestion, then shows the saved webhook with its own receiving URL, focus on its copy button', async () => {
    const store = mount({ scenario: 'empty' })
    const onCreated = vi.fn()
    const user = userEvent.setup()
    renderManager({ onCreated, catalog: fewSuggestions })
    const suggestion = await openDetails(user, 'GitHub')
    expect(within(suggestion).getByText(l.generatedRow)).toBeInTheDocument()
    // A suggestion cannot be enabled or tested: it has nothing saved yet.
    expect(within(suggestion).queryByRole('switch')).toBeNull()
    expect(within(suggestion).queryByRole('button', { name: l.deleteWebhook })).toBeNull()
    const setUp = within(suggestion).getByRole('button', { name: l.setUp })
    expect(setUp).toHaveAccessibleDescription(l.setUpHint)
    await expectNoAxeViolations(suggestion)

    await user.click(setUp)

    const [saved] = store.getWebhooks()
    expect(saved?.provider_id).toBe('github')
    const dialog = await screen.findByRole('dialog', { name: 'GitHub' })
    await waitFor(() => expect(within(dialog).getByText(saved?.webhook_url ?? '?')).toBeInTheDocument())
    expect(saved?.webhook_url).toMatch(/\/api\/integration-webhooks\/receive\/[\w-]{43}$/)
    expect(within(dialog).queryByText(l.generatedRow)).toBeNull()
    // Saved active, as the real server does (its events wait only for a needed secret).
    expect(within(dialog).getByRole('switch', { name: new RegExp(l.enableWebhook('GitHub')) })).toBeChecked()
    expect(within(dialog).getByRole('button', { name: l.deleteWebhook })).toBeInTheDocument()
    expect(within(dialog).getByText(l.setUpDone('GitHub'))).toHaveAttribute('role', 'status')
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(`${l.copyValue(l.webhookUrl)}: GitHub`))
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }))

    // The list is now the saved one: one row, no "suggested" notice.
    expect(screen.queryByRole('note', { hidden: true })).toBeNull()
    expect(screen.getAllByRole('button', { name: /^Details for /, hidden: true })).toHaveLength(1)
    await expectNoAxeViolations(dialog)
  })

  it('shows the setup under way: the dialog stays on the suggestion, busy, until the server answers', async () => {
    mount({ scenario: 'empty' })
    const { promise: gate, resolve: release } = deferred()
    server.use(
      http.post(API, async () => {
        await gate
        return HttpResponse.json({ error: 'Database down', code: 'internal' }, { status: 500 })
      }),
    )
    const user = userEvent.setup()
    renderManager({ catalog: fewSuggestions })
    const dialog = await openDetails(user, 'Slack')
    await user.click(within(dialog).getByRole('button', { name: l.setUp }))
    const busy = await within(dialog).findByRole('button', { name: l.settingUp })
    expect(busy).toHaveAttribute('aria-busy', 'true')
    expect(dialog).toHaveAttribute('data-busy')
    release()

    // Failed: said in words, and the suggestion is still there to try again.
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(l.setUpFailed('Database down'))
    expect(within(dialog).getByRole('button', { name: l.setUp })).toBeInTheDocument()
    expect(screen.getByRole('note', { hidden: true })).toHaveTextContent(l.generatedTitle)
    await expectNoAxeViolations(dialog)
  })
})

describe('IntegrationWebhookManager: closing during Set up', () => {
  it('closes at once and stays closed when the answer comes; the saved row joins the list', async () => {
    const store = mount({ scenario: 'empty' })
    const { promise: gate, resolve: release } = deferred()
    server.use(
      http.post(API, async () => {
        await gate
        return undefined // on to the store's handler, which saves it
      }),
    )
    const onCreated = vi.fn()
    const user = userEvent.setup()
    renderManager({ onCreated, catalog: fewSuggestions })
    const dialog = await openDetails(user, 'GitHub')
    await user.click(within(dialog).getByRole('button', { name: l.setUp }))
    await within(dialog).findByRole('button', { name: l.settingUp })
    await user.click(within(dialog).getByRole('button', { name: l.close }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    release()
    await waitFor(() => expect(store.getWebhooks()).toHaveLength(1))
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Details for / })).toHaveLength(1))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(onCreated).not.toHaveBeenCalled()
  })
})

describe('IntegrationWebhookManager: Delete', () => {
  it('asks first, naming the webhook; Cancel returns to Delete; confirming removes the row and says so', async () => {
    const store = mount()
    const onDeleted = vi.fn()
    const user = userEvent.setup()
    renderManager({ onDeleted })
    const dialog = await openDetails(user, 'GitHub')
    const remove = within(dialog).getByRole('button', { name: l.deleteWebhook })

    await user.click(remove)
    const confirm = await screen.findByRole('alertdialog', { name: l.deleteTitle('GitHub') })
    expect(confirm).toHaveAccessibleDescription(l.deleteDescription)
    expect(within(confirm).getByRole('button', { name: l.cancel })).toHaveFocus()
    await expectNoAxeViolations(confirm)

    await user.click(within(confirm).getByRole('button', { name: l.cancel }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    await waitFor(() => expect(remove).toHaveFocus())
    expect(screen.getByRole('dialog', { name: 'GitHub' })).toBe(dialog)

    await user.keyboard('{Enter}')
    const again = await screen.findByRole('alertdialog', { name: l.deleteTitle('GitHub') })
    await user.click(within(again).getByRole('button', { name: l.deleteConfirm }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Details for GitHub' })).toBeNull()
    expect(store.getWebhook('github-webhook')).toBeUndefined()
    expect(screen.getByText(l.deleted('GitHub'))).toHaveAttribute('role', 'status')
    expect(onDeleted).toHaveBeenCalledWith(expect.objectContaining({ id: 'github-webhook' }))
    // The focus goes to the row that took the deleted one's place.
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-webhook-trigger'))
  })

  /**
   * Deletes the only saved webhook (GitHub) by keyboard, through its confirmation. The list that
   * follows (empty: the suggestions, or nothing) is answered only once the dialog has gone, as
   * over a real network: the dialog finds no row to give the focus to.
   */
  async function deleteTheOnlyWebhook(props: Parameters<typeof renderManager>[0] = {}) {
    // Saved under an id of the server's kind, which no suggestion shares.
    const github = three.find((w) => w.id === 'github-webhook')
    const store = mount({ webhooks: github ? [{ ...github, id: '0b9c6a3e-5d2f-4f7e-9a41-6c3d2e1f0a9b' }] : [] })
    const user = userEvent.setup()
    renderManager({ catalog: fewSuggestions, ...props })
    const dialog = await openDetails(user, 'GitHub')
    const { promise: gate, resolve: release } = deferred()
    server.use(
      http.get(API, async () => {
        await gate
        return undefined // on to the store's handler
      }),
    )
    within(dialog).getByRole('button', { name: l.deleteWebhook }).focus()
    await user.keyboard('{Enter}')
    const confirm = await screen.findByRole('alertdialog', { name: l.deleteTitle('GitHub') })
    within(confirm).getByRole('button', { name: l.deleteConfirm }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(store.getWebhooks()).toEqual([])
    expect(screen.getByText(l.deleted('GitHub'))).toHaveAttribute('role', 'status')
    // The dialog has handed the focus on (to nothing: no row is left) before the list comes back.
    await waitFor(() => expect(document.activeElement).toBe(document.body))
    release()
  }

  it('the last one: the focus goes to the first suggested row that comes back in its place', async () => {
    await deleteTheOnlyWebhook()
    // Nothing saved any more: the suggestions are the list again, and the first row has the focus.
    const note = await screen.findByRole('note')
    expect(note).toHaveTextContent(l.generatedTitle)
    const [first] = screen.getAllByRole('button', { name: /^Details for / })
    expect(first).toHaveAccessibleName('Details for Gmail')
    await waitFor(() => expect(first).toHaveFocus())
  })

  it('the last one with suggestions off: the focus goes to the empty state, which says so', async () => {
    await deleteTheOnlyWebhook({ fallback: false })
    const title = await screen.findByRole('heading', { name: l.empty })
    await waitFor(() => expect(title).toHaveFocus())
    expect(screen.queryByRole('button', { name: /^Details for / })).toBeNull()
    await expectNoAxeViolations(title.closest('[data-slot="manager"]') as HTMLElement)
  })

  it('Escape closes only the confirmation', async () => {
    mount()
    const user = userEvent.setup()
    renderManager()
    const dialog = await openDetails(user, 'GitHub')
    await user.click(within(dialog).getByRole('button', { name: l.deleteWebhook }))
    await screen.findByRole('alertdialog')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(screen.getByRole('dialog', { name: 'GitHub' })).toBeInTheDocument()
    await waitFor(() => expect(within(dialog).getByRole('button', { name: l.deleteWebhook })).toHaveFocus())
  })

  it('a refused delete: busy while it runs, then the row comes back and the dialog says why', async () => {
    const store = mount()
    // The server answers when the test has seen the busy state (a fixed delay ran out before
    // the check on a loaded machine).
    let answer = () => {}
    const answered = new Promise<void>((resolve) => {
      answer = resolve
    })
    server.use(
      http.delete(`${API}/:id`, async () => {
        await answered
        return HttpResponse.json({ error: 'Webhook is locked by an admin', code: 'locked' }, { status: 409 })
      }),
    )
    const user = userEvent.setup()
    renderManager()
    const dialog = await openDetails(user, 'GitHub')
    await user.click(within(dialog).getByRole('button', { name: l.deleteWebhook }))
    const confirm = await screen.findByRole('alertdialog')
    await user.click(within(confirm).getByRole('button', { name: l.deleteConfirm }))

    // Under way: the row has left the table, the dialogs stay, busy.
    expect(await within(confirm).findByRole('button', { name: l.deleting })).toHaveAttribute('aria-disabled', 'true')
    expect(confirm).toHaveAttribute('aria-busy', 'true')
    expect(screen.queryByRole('button', { name: 'Details for GitHub', hidden: true })).toBeNull()
    answer()

    const alert = await within(dialog).findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent(l.deleteFailed('Webhook is locked by an admin'))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(screen.getByRole('button', { name: 'Details for GitHub', hidden: true })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: l.deleteWebhook })).toHaveFocus())
    expect(store.getWebhook('github-webhook')).toBeDefined()
    await expectNoAxeViolations(dialog)
  })
})

describe('WebhookDetailsDialog on its own', () => {
  const suggestion = makeWebhook({
    id: 'github-webhook',
    provider_id: 'github',
    status: 'inactive',
    setupRequired: true,
  })

  it('hands the saved webhook to onCreated, or asks to close without it', async () => {
    mount({ scenario: 'empty' })
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    const onCreated = vi.fn()
    const { rerender } = render(
      <Providers>
        <WebhookDetailsDialog webhook={suggestion} generated onOpenChange={onOpenChange} onCreated={onCreated} />
      </Providers>,
    )
    await user.click(await screen.findByRole('button', { name: l.setUp }, { timeout: 10_000 }))
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ provider_id: 'github' })))
    expect(onOpenChange).not.toHaveBeenCalled()

    rerender(
      <Providers>
        <WebhookDetailsDialog
          webhook={{ ...suggestion, id: 'slack-webhook', provider_id: 'slack' }}
          generated
          onOpenChange={onOpenChange}
        />
      </Providers>,
    )
    await user.click(await screen.findByRole('button', { name: l.setUp }))
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false))
  })
})
