import type { Meta, StoryObj } from '@storybook/react-vite'
import { ConfirmDialog, defaultLabels } from 'integration-webhooks'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import type { ConfirmDialogPart, ConfirmDialogProps } from '../../src/components/confirm-dialog-frame'
import { ConfirmDialogFrame } from '../../src/components/confirm-dialog-frame'
import { onDemand } from '../../src/components/on-demand'
import { onPage } from '../support/story-helpers'

const meta = {
  title: 'Components/ConfirmDialog',
  component: ConfirmDialog,
  decorators: [onPage],
  args: {
    trigger: <button type="button">Archive</button>,
    title: 'Archive the Slack webhook?',
    description: 'Its webhook URL stops receiving events until you restore it.',
    confirmLabel: 'Archive webhook',
    pendingLabel: 'Archiving…',
    tone: 'primary',
    onConfirm: fn(),
    onOpenChange: fn(),
  },
  argTypes: {
    title: { control: 'text' },
    description: { control: 'text' },
    confirmLabel: { control: 'text' },
    pendingLabel: { control: 'text' },
    cancelLabel: { control: 'text' },
    tone: { control: 'inline-radio', options: ['primary', 'danger'] },
    pending: { control: 'boolean' },
    labels: { control: 'object' },
  },
  parameters: {
    controls: {
      exclude: ['trigger', 'children', 'onConfirm', 'onOpenChange', 'open', 'defaultOpen', 'container', 'className'],
    },
  },
} satisfies Meta<typeof ConfirmDialog>

export default meta
type Story = StoryObj<typeof meta>

/** Opens the confirmation from its trigger, by role and name; the focus is on Cancel, the safe choice. */
async function open(canvasElement: HTMLElement, title: string) {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Archive' }))
  // The confirmation is portalled to the body, outside the story's canvas.
  const confirm = await within(document.body).findByRole('alertdialog', { name: title })
  await waitFor(() => expect(within(confirm).getByRole('button', { name: defaultLabels.cancel })).toHaveFocus())
  return confirm
}

/** Opened from its trigger: named by the question, described by what confirming does, the focus on Cancel. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    const confirm = await open(canvasElement, args.title as string)
    await expect(confirm).toHaveAccessibleDescription(args.description as string)
  },
}

/** `tone="danger"` for what cannot be undone: the confirm button in the danger colour. */
export const Danger: Story = {
  args: {
    title: 'Delete the Slack webhook?',
    description: 'Its webhook URL stops receiving events at once. This cannot be undone.',
    confirmLabel: 'Delete webhook',
    pendingLabel: 'Deleting…',
    tone: 'danger',
  },
  play: async ({ args, canvasElement }) => {
    const confirm = await open(canvasElement, args.title as string)
    await expect(within(confirm).getByRole('button', { name: 'Delete webhook' })).toHaveAttribute(
      'data-variant',
      'danger',
    )
  },
}

/** More to decide before confirming goes in `children`, between the description and the buttons. */
export const WithChoices: Story = {
  name: 'With choices',
  args: {
    children: (
      <fieldset data-slot="grace-choices">
        <legend>Keep its executions</legend>
        <label data-slot="choice">
          <input type="radio" name="story-keep" defaultChecked />
          For 30 days
        </label>
        <label data-slot="choice">
          <input type="radio" name="story-keep" />
          Forever
        </label>
      </fieldset>
    ),
  },
  play: async ({ args, canvasElement }) => {
    const confirm = await open(canvasElement, args.title as string)
    await userEvent.click(within(confirm).getByRole('radio', { name: 'Forever' }))
    await expect(within(confirm).getByRole('radio', { name: 'Forever' })).toBeChecked()
  },
}

/**
 * While the action runs (`pending`, or the promise `onConfirm` returned): busy, the confirm button
 * says so, and Cancel and Escape wait.
 */
export const Busy: Story = {
  args: { pending: true },
  play: async ({ args, canvasElement }) => {
    const confirm = await open(canvasElement, args.title as string)
    await expect(confirm).toHaveAttribute('aria-busy', 'true')
    await expect(within(confirm).getByRole('button', { name: 'Archiving…' })).toHaveAttribute('aria-disabled', 'true')
    await userEvent.keyboard('{Escape}')
    await expect(within(document.body).getByRole('alertdialog', { name: args.title as string })).toBe(confirm)
    await expect(args.onOpenChange).not.toHaveBeenCalledWith(false)
  },
}

/** The modal part behind a download that never ends (a slow network), or that fails (offline). */
const stillDownloading: ConfirmDialogPart = onDemand(() => new Promise<never>(() => undefined))
const offline: ConfirmDialogPart = onDemand(() =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
)

/**
 * Clicked before its modal part (Radix, loaded on demand) is here: the trigger is busy
 * (`aria-busy`, `data-loading`) and keeps the focus; the confirmation opens when the part arrives.
 */
export const Loading: Story = {
  render: (args: ConfirmDialogProps) => <ConfirmDialogFrame {...args} part={stillDownloading} />,
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Archive' })
    await userEvent.click(trigger)
    await waitFor(() => expect(trigger).toHaveAttribute('aria-busy', 'true'))
    await expect(trigger).toHaveAttribute('data-loading')
    await expect(trigger).toHaveFocus()
    await expect(within(document.body).queryByRole('alertdialog')).toBeNull()
  },
}

/** Its modal part could not be downloaded: said beside the trigger; the next click tries again. */
export const Unavailable: Story = {
  render: (args: ConfirmDialogProps) => <ConfirmDialogFrame {...args} part={offline} />,
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Archive' })
    await userEvent.click(trigger)
    const alert = await within(canvasElement).findByRole('alert')
    await expect(alert).toHaveTextContent(defaultLabels.confirmUnavailable)
    await expect(trigger).toHaveAttribute('aria-expanded', 'false')
    await expect(trigger).not.toHaveAttribute('aria-busy')
  },
}
