// Issue 13: the details dialog's "Signing secret" section, against the mocks' store.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { createWebhookMockStore } from '../../mocks'
import { defaultLabels as l } from '../../src/components'
import { API, setupMswServer } from '../react/utils'
import { expectNoAxeViolations, fewSuggestions, renderManager } from './helpers'

const server = setupMswServer()
beforeAll(async () => {
  await import('../../src/components/webhook-details-dialog-content')
}, 60_000)

async function setUp(provider: string) {
  const store = createWebhookMockStore({ apiUrl: API, scenario: 'empty' })
  server.use(...store.handlers)
  const user = userEvent.setup()
  renderManager({ onCreated: () => undefined, catalog: fewSuggestions })
  await user.click(await screen.findByRole('button', { name: `Details for ${provider}` }))
  const suggestion = await screen.findByRole('dialog', { name: provider }, { timeout: 10_000 })
  await user.click(within(suggestion).getByRole('button', { name: l.setUp }))
  const dialog = await screen.findByRole('dialog', { name: provider })
  const section = await within(dialog).findByRole('region', { name: l.signingSecret }, { timeout: 10_000 })
  return { store, user, dialog, section }
}

describe('Signing secret section', () => {
  it('GitHub: the secret is masked, revealed with Copy, and rotated after a confirmation with a grace period', async () => {
    const { store, user, section } = await setUp('GitHub')
    expect(within(section).getByText(l.secretHidden)).toBeInTheDocument()
    expect(within(section).getByText(l.secretGoesTo('GitHub'))).toBeInTheDocument()
    // A sentence, not the section's title with its capital ("Reveal Signing secret").
    const reveal = within(section).getByRole('button', { name: 'Reveal signing secret' })
    expect(reveal).toHaveAccessibleName(l.revealSecret)
    await user.click(reveal)
    const [saved] = store.getWebhooks()
    const secret = (await (await fetch(`${API}/${saved?.id}/secret`)).json()).secret as string
    await within(section).findByText(secret)
    expect(within(section).getByRole('button', { name: `${l.copyValue(l.signingSecret)}: GitHub` })).toBeInTheDocument()
    expect(within(section).getByRole('button', { name: 'Hide signing secret' })).toHaveAttribute('aria-pressed', 'true')
    // The section this test is about (the saved dialog around it is the Set up test's).
    await expectNoAxeViolations(section)

    // The confirmation (ConfirmDialog): the focus on Cancel, past the grace choices; Escape goes back to Rotate.
    const rotate = within(section).getByRole('button', { name: l.rotateSecret })
    await user.click(rotate)
    const first = await screen.findByRole('alertdialog', { name: l.rotateTitle })
    expect(first).toHaveAccessibleDescription(l.rotateDescription('GitHub'))
    expect(within(first).getByRole('button', { name: l.cancel })).toHaveFocus()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(rotate).toHaveFocus()
    await user.click(rotate)
    const confirm = await screen.findByRole('alertdialog', { name: l.rotateTitle })
    // "After 1 hour" is preselected: "Immediately" would refuse every delivery until the new
    // secret is pasted at the provider. Confirmed as it opened, the old secret keeps working.
    expect(within(confirm).getByRole('radio', { name: l.graceHour })).toBeChecked()
    expect(within(confirm).getByRole('radio', { name: l.graceNow })).not.toBeChecked()
    expect(within(confirm).getByRole('radio', { name: l.graceHour }).closest('label')).toHaveAttribute(
      'data-state',
      'checked',
    )
    await expectNoAxeViolations(confirm)
    await user.click(within(confirm).getByRole('button', { name: l.rotateConfirm }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    await within(section).findByText(l.secretRotated)
    expect(within(section).queryByText(secret)).toBeNull()
    expect(within(section).getByText(/The previous secret still works until/)).toBeInTheDocument()
  })

  it("Stripe: events are refused until the secret is pasted; a wrong form shows the server's sentence on the field", async () => {
    const { user, dialog, section } = await setUp('Stripe')
    expect(within(section).getByText(l.secretMissing('Stripe'))).toBeInTheDocument()
    // Send test event without a secret: the server's 409 sentence.
    await user.click(within(dialog).getByRole('button', { name: l.sendTest }))
    const refused = await within(dialog).findByText(/Set this webhook's signing secret first \(whsec_/)

    const field = within(section).getByLabelText(l.pasteSecret('Stripe'))
    expect(field).toHaveAccessibleDescription(/Expected form: whsec_ followed by the signing secret Stripe shows/)
    await user.type(field, 'sk_live_nope')
    await user.click(within(section).getByRole('button', { name: l.saveSecret }))
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    expect(field).toHaveAccessibleDescription(/This is not a Stripe \(Stripe-Signature\) secret/)
    // The section with its invalid field, and the refusal's sentence.
    await expectNoAxeViolations([section, refused])

    await user.clear(field)
    await user.type(field, 'whsec_abcdefgh12345678')
    await user.click(within(section).getByRole('button', { name: l.saveSecret }))
    await within(section).findByText(l.secretSaved)
    await waitFor(() => expect(within(section).queryByText(l.secretMissing('Stripe'))).toBeNull())
    expect(field).not.toHaveAttribute('aria-invalid')
  })
})
