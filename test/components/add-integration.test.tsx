// Review item 1: once a webhook is saved, "Add integration" sets up another (the suggestions
// show only while nothing is saved). Against the mocks' store, failures through MSW.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { createWebhookMockStore, mockWebhooks, type WebhookMockOptions } from '../../mocks'
import { defaultLabels as l } from '../../src/components'
import { createCatalog, defaultCatalog } from '../../src/core'
import { API, setupMswServer } from '../react/utils'
import { deferred, expectNoAxeViolations, fewSuggestions, renderManager } from './helpers'

const server = setupMswServer()
const slow = { timeout: 30_000 }

/** GitHub saved; the catalog has GitHub, Slack, Stripe and Gmail. */
const github = mockWebhooks('default').filter((w) => w.id === 'github-webhook')

function mount(options: WebhookMockOptions = { webhooks: github }) {
  const store = createWebhookMockStore({ apiUrl: API, ...options })
  server.use(...store.handlers)
  return store
}

const control = () => screen.findByRole('group', { name: l.addIntegration }, { timeout: 10_000 })
const options = (group: HTMLElement) =>
  within(group)
    .getAllByRole('option')
    .map((option) => option.textContent)

describe('IntegrationWebhookManager: Add integration', slow, () => {
  it('lists what is not saved, by category; Set up saves it, opens it with its URL, and the focus returns to its row', async () => {
    const store = mount()
    const onCreated = vi.fn()
    const user = userEvent.setup()
    renderManager({ catalog: fewSuggestions, onCreated })
    const group = await control()
    const select = within(group).getByRole('combobox', { name: l.addIntegration })
    // GitHub is saved: the other three, under their categories, after the prompt with the count.
    expect(options(group)).toEqual([l.chooseIntegration(3), 'Gmail', 'Slack', 'Stripe'])
    expect(
      within(group)
        .getAllByRole('group')
        .map((g) => g.getAttribute('label')),
    ).toEqual([l.categories.communication, l.categories.business])
    // Nothing chosen yet: Set up does nothing.
    const setUp = within(group).getByRole('button', { name: l.setUp })
    expect(setUp).toHaveAttribute('aria-disabled', 'true')
    await user.click(setUp)
    expect(store.getWebhooks()).toHaveLength(1)
    await expectNoAxeViolations(group)

    await user.selectOptions(select, 'Stripe')
    expect(setUp).not.toHaveAttribute('aria-disabled')
    await user.click(setUp)

    // Saved, and opened: its own receiving URL and its setup steps.
    const dialog = await screen.findByRole('dialog', { name: 'Stripe' }, { timeout: 10_000 })
    await waitFor(() => expect(store.getWebhooks()).toHaveLength(2))
    const saved = store.getWebhooks().find((w) => w.provider_id === 'stripe')
    expect(saved).toBeDefined()
    expect(within(dialog).getByText(saved?.webhook_url as string)).toBeInTheDocument()
    expect(within(dialog).getByRole('region', { name: l.setup })).toBeInTheDocument()
    expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ provider_id: 'stripe' }))
    expect(dialog).toContainElement(document.activeElement as HTMLElement)

    // Closed: the focus on the new row; the control offers the two left.
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('button', { name: 'Details for Stripe' })).toHaveFocus()
    expect(options(await control())).toEqual([l.chooseIntegration(2), 'Gmail', 'Slack'])
  })

  it('pending, then the server refusing (409): said beside the button, the choice kept to try again', async () => {
    const store = mount()
    const { promise: gate, resolve: release } = deferred()
    server.use(
      http.post(API, async () => {
        await gate
        return HttpResponse.json(
          { error: 'You have 1 webhooks, the most allowed: delete one to create another', code: 'limit_reached' },
          { status: 409 },
        )
      }),
    )
    const user = userEvent.setup()
    renderManager({ catalog: fewSuggestions })
    const group = await control()
    await user.selectOptions(within(group).getByRole('combobox', { name: l.addIntegration }), 'Slack')
    await user.click(within(group).getByRole('button', { name: l.setUp }))
    const busy = await within(group).findByRole('button', { name: l.settingUp })
    expect(busy).toHaveAttribute('aria-busy', 'true')
    expect(busy).toHaveAttribute('aria-disabled', 'true')
    expect(busy).toHaveFocus()
    await expectNoAxeViolations(group)
    release()

    const alert = await within(group).findByRole('alert')
    expect(alert).toHaveTextContent(
      l.setUpFailed('You have 1 webhooks, the most allowed: delete one to create another'),
    )
    const select = within(group).getByRole('combobox', { name: l.addIntegration })
    expect(select).toHaveValue('slack')
    expect(select).toHaveAccessibleDescription(alert.textContent as string)
    expect(within(group).getByRole('button', { name: l.setUp })).toHaveFocus()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(store.getWebhooks()).toHaveLength(1)
    await expectNoAxeViolations(group)
  })

  it('a 5xx says the server’s sentence too', async () => {
    mount()
    server.use(http.post(API, () => HttpResponse.json({ error: 'Database down', code: 'internal' }, { status: 500 })))
    const user = userEvent.setup()
    renderManager({ catalog: fewSuggestions })
    const group = await control()
    await user.selectOptions(within(group).getByRole('combobox', { name: l.addIntegration }), 'Gmail')
    await user.click(within(group).getByRole('button', { name: l.setUp }))
    expect(await within(group).findByRole('alert')).toHaveTextContent(l.setUpFailed('Database down'))
  })

  it('the built-in catalog, loaded on demand, when the host gives none', async () => {
    mount()
    renderManager()
    const group = await control()
    const available = defaultCatalog.integrations.filter((i) => i.isAvailable && i.id !== 'github')
    expect(within(group).getAllByRole('option')).toHaveLength(available.length + 1)
    expect(within(group).getByRole('option', { name: l.chooseIntegration(available.length) })).toBeInTheDocument()
  })

  it('is absent while nothing is saved (the suggestions are the list), when all are saved, and with addIntegration={false}', async () => {
    mount({ scenario: 'empty' })
    const first = renderManager({ catalog: fewSuggestions })
    await screen.findByRole('button', { name: 'Details for Slack' })
    expect(screen.queryByRole('group', { name: l.addIntegration })).toBeNull()
    first.unmount()

    mount()
    const onlyGithub = createCatalog(
      defaultCatalog.integrations.filter((i) => i.id === 'github'),
      { base: null },
    )
    const second = renderManager({ catalog: onlyGithub })
    await screen.findByRole('button', { name: 'Details for GitHub' })
    expect(screen.queryByRole('group', { name: l.addIntegration })).toBeNull()
    second.unmount()

    mount()
    renderManager({ catalog: fewSuggestions, addIntegration: false })
    await screen.findByRole('button', { name: 'Details for GitHub' })
    expect(screen.queryByRole('group', { name: l.addIntegration })).toBeNull()
  })
})
