import type { Meta, StoryObj } from '@storybook/react-vite'
import { CopyButton, defaultLabels } from 'integration-webhooks'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import { onPage } from '../support/story-helpers'

const url = 'https://app.example.com/api/integration-webhooks/slack'

const meta = {
  title: 'Components/CopyButton',
  component: CopyButton,
  decorators: [onPage],
  args: { value: url, resetAfterMs: 2000, onCopied: fn() },
  argTypes: {
    value: { control: 'text' },
    label: { control: 'text' },
    resetAfterMs: { control: { type: 'number', min: 0, step: 500 } },
    labels: { control: 'object' },
  },
  parameters: { controls: { exclude: ['onCopied', 'className', 'children'] } },
} satisfies Meta<typeof CopyButton>

export default meta
type Story = StoryObj<typeof meta>

/**
 * Clicks the button with the Clipboard API stubbed (a real write depends on focus and
 * permissions of the browser showing Storybook) and checks the polite announcement.
 */
async function copyWithStubbedClipboard(canvasElement: HTMLElement, name: string, onCopied: unknown) {
  const canvas = within(canvasElement)
  const writeText = spyOn(Clipboard.prototype, 'writeText').mockResolvedValue(undefined)
  try {
    const button = canvas.getByRole('button', { name })
    await userEvent.click(button)
    await expect(writeText).toHaveBeenCalledWith(url)
    await expect(onCopied).toHaveBeenCalledWith(url)
    const status = await canvas.findByText(defaultLabels.copied)
    await expect(status).toHaveAttribute('role', 'status')
    await expect(button).toHaveAttribute('data-copied')
  } finally {
    writeText.mockRestore()
  }
}

/** An icon button named "Copy"; "Copied to the clipboard" goes to a polite live region. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    await copyWithStubbedClipboard(canvasElement, defaultLabels.copy, args.onCopied)
    // The check mark goes back to the copy icon after `resetAfterMs`.
    const button = within(canvasElement).getByRole('button', { name: defaultLabels.copy })
    await waitFor(() => expect(button).not.toHaveAttribute('data-copied'), { timeout: 4000 })
  },
}

/** A specific accessible name (`label`) and visible text (`children`). */
export const WithCustomLabel: Story = {
  name: 'With a custom label',
  args: { label: 'Copy URL for Slack', children: 'Copy URL' },
  play: async ({ args, canvasElement }) => {
    await copyWithStubbedClipboard(canvasElement, 'Copy URL for Slack', args.onCopied)
  },
}

/** Neither the Clipboard API nor the selection fallback works: the button says how to copy by hand. */
export const CopyFails: Story = {
  name: 'When copying fails',
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    const writeText = spyOn(Clipboard.prototype, 'writeText').mockRejectedValue(new Error('Not allowed'))
    const execCommand = spyOn(document, 'execCommand').mockReturnValue(false)
    try {
      const button = canvas.getByRole('button', { name: defaultLabels.copy })
      await userEvent.click(button)
      await canvas.findByText(defaultLabels.copyFailed)
      await expect(button).toHaveAttribute('data-failed')
      await expect(args.onCopied).not.toHaveBeenCalled()
    } finally {
      writeText.mockRestore()
      execCommand.mockRestore()
    }
  },
}
