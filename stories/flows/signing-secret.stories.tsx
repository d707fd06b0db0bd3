import type { Meta, StoryObj } from '@storybook/react-vite'
import { type IntegrationWebhook, IntegrationWebhookManager, defaultLabels as l } from 'integration-webhooks'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
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
 * Issue 13: the details dialog's **Signing secret** section in each of its states, in the manager
 * against the mocked endpoint, whose fixtures carry the signing the server reports (a GitHub secret
 * we generated; a Stripe secret pasted from Stripe). One story per state, each with a play
 * function that reaches it by role and name (and every story is an accessibility test).
 */
const meta = {
  title: 'Flows/Signing secret',
  component: IntegrationWebhookManager,
  decorators: [fullPage],
  render: (args) => <IntegrationWebhookManager {...args} swr={freshCache()} />,
  args: { apiUrl: API, locale: 'en-US', retry: false, live: false, onCreated: fn() },
} satisfies Meta<typeof IntegrationWebhookManager>

export default meta
type Story = StoryObj<typeof meta>

/** Opens a row's details and returns the dialog and its "Signing secret" section. */
async function openSigning(canvasElement: HTMLElement, name: string) {
  const canvas = await findRows(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: `Details for ${name}` }))
  // The dialog's code loads on first open: allow for it.
  const dialog = await canvas.findByRole('dialog', { name }, { timeout: NETWORK_TIMEOUT })
  const section = within(dialog).getByRole('region', { name: l.signingSecret })
  return { dialog, section }
}

/**
 * A Stripe webhook saved but not set up: Stripe issues its secret (`whsec_…`), and none has been
 * pasted yet. As the server reports it: `setup_required`, `secret_set: false`, no deliveries recorded.
 */
const stripeWithoutSecret: IntegrationWebhook = (() => {
  const stripe = defaultWebhook('stripe-webhook')
  if (!stripe.signing) throw new Error('The Stripe fixture has no signing')
  return {
    ...stripe,
    status: 'active',
    last_triggered: null,
    trigger_count: 0,
    error_count: 0,
    integration_config: {},
    external_config: { ...stripe.external_config, setup_required: true },
    signing: { ...stripe.signing, secret_set: false },
  }
})()
const missingEndpoint = () =>
  mockEndpoint({ webhooks: [stripeWithoutSecret], executions: { [stripeWithoutSecret.id]: [] } })

const missing = missingEndpoint()

/** No secret yet: events are refused until the one Stripe shows is pasted, in a field that says its form. */
export const SecretMissing: Story = {
  name: 'Secret missing (Stripe)',
  beforeEach: missing.beforeEach,
  parameters: { msw: { handlers: missing.handlers } },
  play: async ({ canvasElement }) => {
    const { dialog, section } = await openSigning(canvasElement, 'Stripe')
    await expect(within(dialog).getByText(l.secretMissingBadge)).toBeInTheDocument()
    await expect(within(section).getByText(l.secretMissing('Stripe'))).toBeInTheDocument()
    const field = within(section).getByLabelText(l.pasteSecret('Stripe'))
    await expect(field).toHaveAccessibleDescription(/^Expected form: whsec_/)
    await expect(within(section).queryByRole('button', { name: l.revealSecret })).not.toBeInTheDocument()
  },
}

const wrongForm = missingEndpoint()

/** A pasted value of the wrong form: the server's sentence under the field, which is marked invalid. */
export const WrongForm: Story = {
  name: 'Pasted secret of the wrong form',
  beforeEach: wrongForm.beforeEach,
  parameters: { msw: { handlers: wrongForm.handlers } },
  play: async ({ canvasElement }) => {
    const { section } = await openSigning(canvasElement, 'Stripe')
    const field = within(section).getByLabelText(l.pasteSecret('Stripe'))
    await userEvent.type(field, 'sk_live_51Hx')
    await userEvent.click(within(section).getByRole('button', { name: l.saveSecret }))
    const alert = await within(section).findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(/^This is not a Stripe \(Stripe-Signature\) secret: /)
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toHaveAccessibleDescription(/This is not a Stripe/)
    await expect(wrongForm.store.getWebhook(stripeWithoutSecret.id)?.signing?.secret_set).toBe(false)
  },
}

const refused = missingEndpoint()

/**
 * Verification failures: the server answers a delivery it cannot verify with 401 and records
 * nothing, so the history has no row for it. What shows is why: "Secret missing", the missing
 * secret, and "Send test event" refused in the server's words (a test event is signed with it).
 */
export const EventsRefused: Story = {
  name: 'Events refused (no secret to verify them)',
  beforeEach: refused.beforeEach,
  parameters: { msw: { handlers: refused.handlers } },
  play: async ({ canvasElement }) => {
    const { dialog } = await openSigning(canvasElement, 'Stripe')
    await userEvent.click(within(dialog).getByRole('button', { name: l.sendTest }))
    const alert = await within(dialog).findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(/Set this webhook's signing secret first \(whsec_/)
    await expect(await within(dialog).findByText(l.noExecutions, {}, { timeout: NETWORK_TIMEOUT })).toBeVisible()
    await expect(refused.store.getExecutions(stripeWithoutSecret.id)).toEqual([])
  },
}

const pasted = mockEndpoint()

/** A secret pasted from Stripe (the fixture's): masked, with the field to paste a new one when Stripe rolls it. */
export const PastedSecret: Story = {
  name: 'Pasted secret (Stripe)',
  beforeEach: pasted.beforeEach,
  parameters: { msw: { handlers: pasted.handlers } },
  play: async ({ canvasElement }) => {
    const { section } = await openSigning(canvasElement, 'Stripe')
    await expect(within(section).getByText(l.secretHidden)).toBeInTheDocument()
    await expect(within(section).queryByText(l.secretMissing('Stripe'))).not.toBeInTheDocument()
    await expect(within(section).getByLabelText(l.pasteSecret('Stripe'))).toBeInTheDocument()
    await expect(within(section).queryByRole('button', { name: l.rotateSecret })).not.toBeInTheDocument()
  },
}

const generated = mockEndpoint()

/** A secret we generated (GitHub): masked, where it goes in GitHub's settings, Reveal and Rotate. */
export const GeneratedSecret: Story = {
  name: 'Generated secret (GitHub)',
  beforeEach: generated.beforeEach,
  parameters: { msw: { handlers: generated.handlers } },
  play: async ({ canvasElement }) => {
    const { section } = await openSigning(canvasElement, 'GitHub')
    await expect(within(section).getByText(l.secretHidden)).toBeInTheDocument()
    await expect(within(section).getByText(l.secretGoesTo('GitHub'))).toBeInTheDocument()
    await expect(within(section).getByRole('button', { name: l.revealSecret })).toHaveAttribute('aria-pressed', 'false')
    await expect(within(section).getByRole('button', { name: l.rotateSecret })).toBeInTheDocument()
    await expect(within(section).queryByLabelText(l.pasteSecret('GitHub'))).not.toBeInTheDocument()
  },
}

const revealed = mockEndpoint()

/** Reveal shows the secret the server holds, with Copy; the copy is announced (the Clipboard API stubbed). */
export const RevealedAndCopied: Story = {
  name: 'Revealed and copied (GitHub)',
  beforeEach: revealed.beforeEach,
  parameters: { msw: { handlers: revealed.handlers } },
  play: async ({ canvasElement }) => {
    const { section } = await openSigning(canvasElement, 'GitHub')
    await userEvent.click(within(section).getByRole('button', { name: l.revealSecret }))
    const hide = await within(section).findByRole('button', { name: l.hideSecret })
    await expect(hide).toHaveAttribute('aria-pressed', 'true')
    const secret = (await (await fetch(`${API}/github-webhook/secret`)).json()).secret as string
    await expect(within(section).getByText(secret)).toBeInTheDocument()
    // A real clipboard write depends on the focus and permissions of the browser showing Storybook.
    const writeText = spyOn(Clipboard.prototype, 'writeText').mockResolvedValue(undefined)
    try {
      await userEvent.click(within(section).getByRole('button', { name: `${l.copyValue(l.signingSecret)}: GitHub` }))
      await expect(writeText).toHaveBeenCalledWith(secret)
      await expect(await within(section).findByText(l.copied)).toHaveAttribute('role', 'status')
    } finally {
      writeText.mockRestore()
    }
  },
}

const rotating = mockEndpoint()

/** Rotate asks first, with when the old secret stops working; the focus starts on Cancel. */
export const RotateConfirmation: Story = {
  name: 'Rotate: the confirmation',
  beforeEach: rotating.beforeEach,
  parameters: { msw: { handlers: rotating.handlers } },
  play: async ({ canvasElement }) => {
    const { section } = await openSigning(canvasElement, 'GitHub')
    await userEvent.click(within(section).getByRole('button', { name: l.rotateSecret }))
    const confirm = await within(canvasElement).findByRole('alertdialog', { name: l.rotateTitle })
    await expect(confirm).toHaveAccessibleDescription(l.rotateDescription('GitHub'))
    await waitFor(() => expect(within(confirm).getByRole('button', { name: l.cancel })).toHaveFocus())
    const choices = within(confirm).getByRole('group', { name: l.rotateGrace })
    // Preselected: the old secret keeps working for an hour, not "Immediately".
    await expect(within(choices).getByRole('radio', { name: l.graceHour })).toBeChecked()
    for (const choice of [l.graceNow, l.graceHour, l.graceDay]) {
      await expect(within(choices).getByRole('radio', { name: choice })).toBeInTheDocument()
    }
    await userEvent.click(within(choices).getByRole('radio', { name: l.graceDay }))
    await expect(within(choices).getByRole('radio', { name: l.graceDay })).toBeChecked()
  },
}

const grace = mockEndpoint()

/** Rotated with "After 1 hour": the new secret shown, and until when the previous one still verifies. */
export const GracePeriod: Story = {
  name: 'Rotated, in the grace period',
  beforeEach: grace.beforeEach,
  parameters: { msw: { handlers: grace.handlers } },
  play: async ({ canvasElement }) => {
    const { section } = await openSigning(canvasElement, 'GitHub')
    await userEvent.click(within(section).getByRole('button', { name: l.rotateSecret }))
    const confirm = await within(canvasElement).findByRole('alertdialog', { name: l.rotateTitle })
    await userEvent.click(within(confirm).getByRole('radio', { name: l.graceHour }))
    await userEvent.click(within(confirm).getByRole('button', { name: l.rotateConfirm }))
    await within(section).findByText(l.secretRotated, {}, { timeout: NETWORK_TIMEOUT })
    const expires = grace.store.getWebhook('github-webhook')?.signing?.previous_expires_at
    await expect(expires).toEqual(expect.any(String))
    await expect(within(section).getByText(/^The previous secret still works until /)).toBeInTheDocument()
    const secret = (await (await fetch(`${API}/github-webhook/secret`)).json()).secret as string
    await expect(within(section).getByText(secret)).toBeInTheDocument()
    await expect(within(canvasElement).queryByRole('alertdialog')).not.toBeInTheDocument()
  },
}
