import type { Meta, StoryObj } from '@storybook/react-vite'
import { defaultLabels, WebhookTable } from 'integration-webhooks'
import type { WebhookStatsFigures } from 'integration-webhooks/core'
import { MOCK_NOW, mockStats, mockWebhooks } from 'integration-webhooks/mocks'
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
    stats: { control: 'object' },
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

const largeWebhooks = mockWebhooks('large')
const largeStats = mockStats(largeWebhooks)

/** Above `virtualizeThreshold` rows only the visible ones are in the DOM (5,000 here). */
export const Virtualized: Story = {
  args: { webhooks: largeWebhooks },
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

// ---------- Success (24h): the statistics column (issue 14) ----------

/** The mock endpoint's figures for the 30 webhooks: quiet nights, busy days, a failure burst. */
const defaultStats = mockStats(defaultWebhooks)
const successHeader = defaultLabels.columns.successRate
/** The success cell of a row, by the row's integration name. */
const successCell = (canvasElement: HTMLElement, name: string) => {
  const row = within(canvasElement)
    .getByRole('button', { name: `Details for ${name}` })
    .closest('tr') as HTMLElement
  return row.querySelector('td[data-column="successRate"]') as HTMLElement
}

/**
 * With `stats` (from `useWebhooksStats`), a "Success (24h)" column: the rate, a sparkline of the
 * hours (successes, failures stacked in red) and, for screen readers, the counts in words.
 * Inactive webhooks received nothing: "—". Its header sorts, worst first; rows without data last.
 */
export const WithSuccessRate: Story = {
  name: 'Success (24h)',
  args: { stats: defaultStats },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const header = canvas.getByRole('columnheader', { name: successHeader })
    const slack = defaultStats['slack-webhook'] as WebhookStatsFigures
    await expect(successCell(canvasElement, 'Slack')).toHaveTextContent(
      defaultLabels.successRateCounts(slack.success, slack.error),
    )
    await userEvent.click(within(header).getByRole('button', { name: successHeader }))
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    const rates = rowNames(canvasElement).map((name) => successCell(canvasElement, name).dataset.health)
    // Rows without data come last, after every rate.
    const firstEmpty = rates.indexOf('none')
    await expect(firstEmpty).toBeGreaterThan(0)
    await expect(rates.slice(firstEmpty).every((health) => health === 'none')).toBe(true)
    await userEvent.click(within(header).getByRole('button', { name: successHeader }))
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    await expect(successCell(canvasElement, rowNames(canvasElement).at(-1) ?? '')).toHaveAttribute(
      'data-health',
      'none',
    )
  },
}

/** Every finished execution failed, in every webhook: 0% in red, the sparklines all red. */
export const SuccessRateAllFailing: Story = {
  name: 'Success (24h): all failing',
  args: {
    stats: Object.fromEntries(
      Object.entries(defaultStats).map(([id, figures]) => {
        const buckets = figures.buckets.map((b) => ({ ...b, success: 0, error: b.success + b.error }))
        const error = figures.success + figures.error
        return [id, { ...figures, buckets, success: 0, error, success_rate: error ? 0 : null }]
      }),
    ),
  },
  play: async ({ canvasElement }) => {
    const cell = successCell(canvasElement, 'Slack')
    await expect(cell).toHaveAttribute('data-health', 'failing')
    await expect(within(cell).getByText('0%')).toBeVisible()
    await expect(cell.querySelector('[data-part="success"]')).toBeNull()
    await expect(cell.querySelector('[data-part="error"]')).not.toBeNull()
  },
}

/** Statistics loaded, but nothing ran in the last 24 hours: every row says so ("—"). */
export const SuccessRateNoDataYet: Story = {
  name: 'Success (24h): no data yet',
  args: { stats: {} },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getAllByRole('cell', { name: defaultLabels.noStats })).toHaveLength(defaultWebhooks.length)
    await expect(canvasElement.querySelector('[data-slot="sparkline"]')).toBeNull()
  },
}

/** 5,000 rows with their statistics: one object for all of them, the rows in view draw their sparklines. */
export const VirtualizedWithSuccessRate: Story = {
  name: 'Success (24h): 5,000 rows',
  args: { webhooks: largeWebhooks, stats: largeStats },
  parameters: {
    controls: { exclude: ['webhooks', 'stats', 'model', 'catalog', 'emptyMessage', 'className', 'onOpen'] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('columnheader', { name: successHeader })).toBeVisible()
    await expect(canvasElement.querySelectorAll('[data-slot="row"]').length).toBeLessThan(100)
    await expect(canvasElement.querySelectorAll('td[data-column="successRate"]').length).toBe(
      canvasElement.querySelectorAll('[data-slot="row"]').length,
    )
  },
}

export const SuccessRateDark: Story = {
  name: 'Success (24h) (dark)',
  args: { stats: defaultStats },
  parameters: { theme: 'dark' },
}
