import type { Meta, StoryObj } from '@storybook/react-vite'
import { defaultLabels, WebhookTable } from 'integration-webhooks'
import { MOCK_NOW, mockWebhooks } from 'integration-webhooks/mocks'
import { expect, fn, userEvent, within } from 'storybook/test'
import { defaultWebhooks, onPage, rowNames, sortedNames } from '../support/story-helpers'

/**
 * The table on its own, with rows passed in: no provider and no network. Sorting is the
 * table's own state (`tableOptions`); filtering is for a toolbar that shares the model
 * (see the manager).
 */
const meta = {
  title: 'Components/WebhookTable',
  component: WebhookTable,
  decorators: [onPage],
  args: {
    webhooks: defaultWebhooks,
    // Relative times count from the fixtures' "now", so they read the same any day.
    now: new Date(MOCK_NOW).getTime(),
    locale: 'en-US',
    virtualizeThreshold: 100,
    loading: false,
    onOpen: fn(),
  },
  argTypes: {
    webhooks: { control: 'object' },
    tableOptions: { control: 'object' },
    locale: { control: 'select', options: ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'] },
    virtualizeThreshold: { control: { type: 'number', min: 0, step: 10 } },
    now: { control: 'date' },
    labels: { control: 'object' },
  },
  parameters: { controls: { exclude: ['model', 'catalog', 'emptyMessage', 'className', 'onOpen'] } },
} satisfies Meta<typeof WebhookTable>

export default meta
type Story = StoryObj<typeof meta>

/** The 30 webhooks of the `default` mock scenario. A row's name (or the row) opens it. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(rowNames(canvasElement)).toEqual(sortedNames([]))
    await userEvent.click(canvas.getByRole('button', { name: 'Details for Slack' }))
    await expect(args.onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'slack-webhook' }))
    // A click anywhere on the row opens it too (its own buttons excepted).
    const gmail = canvas.getByRole('button', { name: 'Details for Gmail' }).closest('tr') as HTMLElement
    await userEvent.click(within(gmail).getByText(/^Active$/))
    await expect(args.onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'gmail-webhook' }))
  },
}

/** Sorted from the start by errors, most first (`tableOptions.defaultSorting`). */
export const SortedByErrors: Story = {
  args: { tableOptions: { defaultSorting: [{ id: 'errorCount', desc: true }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('columnheader', { name: defaultLabels.columns.errorCount })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await expect(rowNames(canvasElement)).toEqual(sortedNames([{ id: 'errorCount', desc: true }]))
  },
}

/** No rows: the body says so (`emptyMessage` replaces the sentence). */
export const Empty: Story = {
  args: { webhooks: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText(defaultLabels.noMatches)).toBeInTheDocument()
    await expect(canvas.getByRole('table')).toHaveAttribute('data-empty')
  },
}

/** The first load: placeholder rows, and the table is marked busy. */
export const Loading: Story = {
  args: { webhooks: [], loading: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-busy', 'true')
    await expect(canvasElement.querySelectorAll('[data-slot="skeleton-row"]')).toHaveLength(5)
  },
}

/** Above `virtualizeThreshold` rows only the visible ones are in the DOM (5,000 here). */
export const Virtualized: Story = {
  args: { webhooks: mockWebhooks('large') },
  parameters: { controls: { exclude: ['webhooks', 'model', 'catalog', 'emptyMessage', 'className', 'onOpen'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '5001')
    await expect(canvasElement.querySelector('[data-slot="table-container"]')).toHaveAttribute('data-virtualized')
    // Only the rows in the scroll window are in the DOM; a spacer row stands in for those below it.
    await expect(canvasElement.querySelector('[data-slot="spacer"]')).not.toBeNull()
    await expect(canvasElement.querySelectorAll('[data-slot="row"]').length).toBeLessThan(100)
  },
}

export const Dark: Story = {
  name: 'Default (dark)',
  parameters: { theme: 'dark' },
}
