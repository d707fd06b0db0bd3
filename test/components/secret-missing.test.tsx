// Review item 7: a webhook whose needed signing secret is not set refuses every event, so its
// row and its dialog say "Secret missing" (not only "Active"), until the secret is saved.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createWebhookMockStore } from '../../mocks'
import { defaultLabels as l } from '../../src/components'
import { API, setupMswServer } from '../react/utils'
import { expectNoAxeViolations, fewSuggestions, renderManager } from './helpers'

const server = setupMswServer()
const slow = { timeout: 30_000 }

/** The status cell of a row, found from its "Details for …" button. */
async function statusOf(name: string) {
  const open = await screen.findByRole('button', { name: `Details for ${name}` })
  const row = open.closest('tr') as HTMLElement
  return row.querySelector('[data-column="status"]') as HTMLElement
}

describe('A webhook without the secret its events need', slow, () => {
  it('Stripe: the row and the dialog say "Secret missing" until the secret is saved, then "Setup required"', async () => {
    const store = createWebhookMockStore({ apiUrl: API, scenario: 'empty' })
    server.use(...store.handlers)
    const user = userEvent.setup()
    renderManager({ catalog: fewSuggestions })
    await user.click(await screen.findByRole('button', { name: 'Details for Stripe' }))
    const suggestion = await screen.findByRole('dialog', { name: 'Stripe' }, { timeout: 10_000 })
    await user.click(within(suggestion).getByRole('button', { name: l.setUp }))

    // The saved dialog: "Active" and, beside it, "Secret missing" (not "Setup required").
    const dialog = await screen.findByRole('dialog', { name: 'Stripe' })
    const header = await within(dialog).findByText(l.secretMissingBadge)
    expect(header).toHaveAttribute('data-reason', 'secret-missing')
    expect(within(dialog).queryByText(l.setupRequired)).toBeNull()
    expect(store.getWebhooks()[0]?.signing?.secret_set).toBe(false)

    // The row behind it says so too.
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const status = await statusOf('Stripe')
    expect(within(status).getByText(l.statuses.active)).toBeInTheDocument()
    expect(within(status).getByText(l.secretMissingBadge)).toBeInTheDocument()
    expect(within(status).queryByText(l.setupRequired)).toBeNull()
    await expectNoAxeViolations(status)

    // The dialog's secret section is the way to fix it: once saved, the badge is "Setup required"
    // (set up once the first verified event arrives).
    await user.click(screen.getByRole('button', { name: 'Details for Stripe' }))
    const again = await screen.findByRole('dialog', { name: 'Stripe' })
    const section = await within(again).findByRole('region', { name: l.signingSecret })
    await user.type(within(section).getByLabelText(l.pasteSecret('Stripe')), 'whsec_abcdefgh12345678')
    await user.click(within(section).getByRole('button', { name: l.saveSecret }))
    await within(section).findByText(l.secretSaved)
    await within(again).findByText(l.setupRequired)
    expect(within(again).queryByText(l.secretMissingBadge)).toBeNull()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const after = await statusOf('Stripe')
    expect(within(after).getByText(l.setupRequired)).toBeInTheDocument()
    expect(within(after).queryByText(l.secretMissingBadge)).toBeNull()
  })

  it('GitHub: a generated secret is set at creation, so the row says "Setup required", never "Secret missing"', async () => {
    const store = createWebhookMockStore({ apiUrl: API, scenario: 'empty' })
    server.use(...store.handlers)
    const user = userEvent.setup()
    renderManager({ catalog: fewSuggestions })
    await user.click(await screen.findByRole('button', { name: 'Details for GitHub' }))
    const suggestion = await screen.findByRole('dialog', { name: 'GitHub' }, { timeout: 10_000 })
    await user.click(within(suggestion).getByRole('button', { name: l.setUp }))
    const dialog = await screen.findByRole('dialog', { name: 'GitHub' })
    await within(dialog).findByRole('region', { name: l.signingSecret })
    expect(within(dialog).getByText(l.setupRequired)).toBeInTheDocument()
    expect(within(dialog).queryByText(l.secretMissingBadge)).toBeNull()
  })
})
