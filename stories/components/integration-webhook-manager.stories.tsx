import type { Meta, StoryObj } from '@storybook/react-vite'
import { defaultLabels, germanLabels, IntegrationWebhookManager } from 'integration-webhooks'
import { filterWebhooks, SECRET_MASK } from 'integration-webhooks/core'
import { createWebhookHandlers, mockWebhooks } from 'integration-webhooks/mocks'
import { HttpResponse, http } from 'msw'
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test'
import {
  API,
  defaultWebhook,
  defaultWebhooks,
  findRows,
  freshCache,
  fullPage,
  LARGE_DATA_TIMEOUT,
  mockEndpoint,
  NETWORK_TIMEOUT,
  rowNames,
  sortedNames,
} from '../support/story-helpers'

/**
 * The whole UI against the mocked endpoint, one story per mock scenario, plus one story
 * per user flow (each with a play function that is also a test).
 */
const meta = {
  title: 'Components/IntegrationWebhookManager',
  component: IntegrationWebhookManager,
  decorators: [fullPage],
  // A fresh SWR cache per story: without it, rows of one story would show in the next.
  render: (args) => <IntegrationWebhookManager {...args} swr={freshCache()} />,
  args: {
    apiUrl: API,
    locale: 'en-US',
    refreshInterval: 0,
    virtualizeThreshold: 100,
    pageSize: 20,
    headingLevel: 2,
    labels: { title: defaultLabels.title, description: defaultLabels.description },
    onStatusChange: fn(),
    onOpenWebhookChange: fn(),
    onUnauthorized: fn(),
    onSignIn: fn(),
  },
  argTypes: {
    apiUrl: { control: 'text', description: 'Where the endpoint lives. MSW answers it in every story.' },
    theme: { control: 'inline-radio', options: ['system', 'light', 'dark'] },
    locale: { control: 'select', options: ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'ar-EG'] },
    refreshInterval: { control: { type: 'number', min: 0, step: 1000 } },
    virtualizeThreshold: { control: { type: 'number', min: 0, step: 50 } },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    headingLevel: { control: 'inline-radio', options: [1, 2, 3, 4] },
    labels: { control: 'object' },
  },
  parameters: {
    controls: {
      // Functions, clients and objects that controls cannot edit.
      exclude: [
        'client',
        'fetch',
        'headers',
        'getToken',
        'routes',
        'retry',
        'catalog',
        'swr',
        'classNames',
        'nonce',
        'fallback',
        'credentials',
        'timeoutMs',
        /^(on|default)[A-Z]/,
        'sorting',
        'query',
        'categories',
        'statuses',
        'setupRequired',
        'openWebhookId',
        'enableMultiSort',
      ],
    },
  },
} satisfies Meta<typeof IntegrationWebhookManager>

export default meta
type Story = StoryObj<typeof meta>

const github = defaultWebhook('github-webhook')
const githubCopyLabel = `Copy ${defaultLabels.webhookUrl}: GitHub`

/** Opens GitHub's details and returns the dialog. */
async function openGitHub(canvasElement: HTMLElement) {
  const canvas = await findRows(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: 'Details for GitHub' }))
  // The dialog's code loads on first open: allow for it.
  return canvas.findByRole('dialog', { name: 'GitHub' }, { timeout: NETWORK_TIMEOUT })
}

/** The execution rows of the history in a dialog. */
const executionRows = (root: HTMLElement) => Array.from(root.querySelectorAll('[data-slot="execution-row"]'))

/** `dateTime` of the newest execution shown. */
const newestExecutionTime = (root: HTMLElement) =>
  executionRows(root)[0]?.querySelector('time')?.getAttribute('dateTime') ?? ''

// ---------------------------------------------------------------- scenarios

const defaultEndpoint = mockEndpoint()

/** All 30 catalog integrations: mostly active, some inactive, three in error, two needing setup. */
export const Default: Story = {
  beforeEach: defaultEndpoint.beforeEach,
  parameters: { msw: { handlers: defaultEndpoint.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement)
    await expect(rowNames(canvasElement)).toHaveLength(30)
    await expect(canvas.getByText('30 of 30 webhooks')).toBeInTheDocument()
    const summary = canvas.getByRole('list', { name: defaultLabels.title })
    await expect(summary).toHaveTextContent('30 webhooks')
    await expect(canvas.getByRole('table')).not.toHaveAttribute('aria-busy')
  },
}

/** Nothing saved and suggestions turned off (`fallback={false}`): the real empty state, no rows at all. */
export const NothingSaved: Story = {
  name: 'Empty, suggestions off',
  args: { fallback: false },
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'empty' }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByRole('heading', { name: defaultLabels.empty }, { timeout: NETWORK_TIMEOUT }),
    ).toBeInTheDocument()
    await expect(canvas.getByText(defaultLabels.emptyDescription)).toBeInTheDocument()
    await expect(canvas.queryByRole('table')).not.toBeInTheDocument()
    await expect(canvas.queryByRole('note')).not.toBeInTheDocument()
  },
}

/** Nothing saved: the API answers an empty list, so the manager shows suggested defaults and says so. */
export const Empty: Story = {
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'empty' }) } },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement)
    const notice = canvas.getByRole('note')
    await expect(notice).toHaveTextContent(defaultLabels.generatedTitle)
    await expect(notice).toHaveTextContent('not saved configuration')
    // Generated rows are never "active": inactive, setup required, never triggered.
    const rows = canvasElement.querySelectorAll('[data-slot="row"]')
    await expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      await expect(row).toHaveAttribute('data-status', 'inactive')
      await expect(within(row as HTMLElement).getByText(defaultLabels.setupRequired)).toBeInTheDocument()
    }
  },
}

/** 401: a sign-in message and never invented rows. `onSignIn` adds the "Sign in" button. */
export const Unauthorized: Story = {
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'unauthorized' }) } },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(defaultLabels.unauthorizedTitle)
    await expect(canvas.queryByRole('table')).not.toBeInTheDocument()
    await waitFor(() => expect(args.onUnauthorized).toHaveBeenCalledTimes(1))
    await userEvent.click(within(alert).getByRole('button', { name: defaultLabels.signIn }))
    await expect(args.onSignIn).toHaveBeenCalledTimes(1)
  },
}

/** 500 on every request (after the client's own retries): the reason, the server's message and "Try again". */
export const ServerError: Story = {
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'server-error' }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(defaultLabels.errorTitle)
    await expect(alert).toHaveTextContent(defaultLabels.errorReasons.server)
    await expect(alert).toHaveTextContent('Database connection failed')
    await expect(within(alert).getByRole('button', { name: defaultLabels.tryAgain })).toBeEnabled()
    // An error never shows generated rows.
    await expect(canvas.queryByRole('table')).not.toBeInTheDocument()
  },
}

const flakyEndpoint = mockEndpoint({ scenario: 'flaky' })

/** Every second request answers 503: the client retries, so the user sees rows, history and refreshes work. */
export const Flaky: Story = {
  beforeEach: flakyEndpoint.beforeEach,
  parameters: { msw: { handlers: flakyEndpoint.handlers } },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: defaultLabels.refresh }))
    await waitFor(() => expect(canvas.getByRole('button', { name: defaultLabels.refresh })).toBeEnabled(), {
      timeout: NETWORK_TIMEOUT,
    })
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument()
    await expect(rowNames(canvasElement)).toHaveLength(30)
  },
}

/** Answers take 1.5 s: the table shows placeholder rows and is marked busy until they arrive. */
export const Slow: Story = {
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'slow', latencyMs: 1500 }) } },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement)
    await step('while loading: a busy table with placeholder rows', async () => {
      const table = await canvas.findByRole('table')
      await expect(table).toHaveAttribute('aria-busy', 'true')
      await expect(canvasElement.querySelectorAll('[data-slot="skeleton-row"]').length).toBeGreaterThan(0)
      await expect(canvas.getByText(defaultLabels.loading)).toBeInTheDocument()
    })
    await step('then the rows, and the table is no longer busy', async () => {
      await findRows(canvasElement)
      await expect(canvas.getByRole('table')).not.toHaveAttribute('aria-busy')
      await expect(canvasElement.querySelector('[data-slot="skeleton-row"]')).toBeNull()
    })
  },
}

/** Invalid rows mixed in: the valid ones show, and a notice says how many were dropped and why. */
export const Malformed: Story = {
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'malformed' }) } },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement)
    const notice = canvas.getByText(/could not be shown because the server sent invalid data/)
    const why = canvas.getByRole('button', { name: defaultLabels.showInvalid })
    await expect(why).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(why)
    await expect(canvas.getByRole('button', { name: defaultLabels.hideInvalid })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    await expect(notice.closest('[data-slot="notice"]')?.querySelector('[data-slot="invalid-rows"]')).toBeVisible()
    await expect(rowNames(canvasElement).length).toBeGreaterThan(0)
  },
}

/** 5,000 webhooks: the table is virtualised, so the DOM holds only the rows in view. */
export const Large: Story = {
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'large' }) } },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement, LARGE_DATA_TIMEOUT)
    await expect(canvas.getByText('5,000 of 5,000 webhooks')).toBeInTheDocument()
    const table = canvas.getByRole('table')
    await expect(table).toHaveAttribute('aria-rowcount', '5001')
    await expect(table.closest('[data-slot="table-container"]')).toHaveAttribute('data-virtualized')
    // Only the rows in the scroll window are in the DOM; a spacer row stands in for those below it.
    await expect(canvasElement.querySelector('[data-slot="spacer"]')).not.toBeNull()
    await expect(canvasElement.querySelectorAll('[data-slot="row"]').length).toBeLessThan(100)
  },
}

/** Script tags, `javascript:` URLs, very long, right-to-left and emoji names, and secrets: all shown as text. */
export const Hostile: Story = {
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API, scenario: 'hostile' }) } },
  play: async ({ canvasElement, step }) => {
    const canvas = await findRows(canvasElement)
    await step('markup from the API is text, and unsafe URLs are never links', async () => {
      await expect(canvas.getAllByText('<script>alert(1)</script>').length).toBeGreaterThan(0)
      await expect(canvasElement.querySelector('[data-slot="manager"] script')).toBeNull()
      await expect(canvasElement.querySelector('a[href^="javascript:"]')).toBeNull()
    })
    await step('secrets in the configuration are masked until revealed', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Details for Stripe' }))
      const dialog = await canvas.findByRole('dialog', { name: 'Stripe' }, { timeout: NETWORK_TIMEOUT })
      await expect(dialog).not.toHaveTextContent('sk_live_51HostileKeyDoNotShow')
      await expect(within(dialog).getAllByText(SECRET_MASK).length).toBeGreaterThan(0)
      await userEvent.click(within(dialog).getByRole('button', { name: 'Reveal api_key' }))
      await expect(dialog).toHaveTextContent('sk_live_51HostileKeyDoNotShow')
      await userEvent.click(within(dialog).getByRole('button', { name: 'Hide api_key' }))
      await expect(dialog).not.toHaveTextContent('sk_live_51HostileKeyDoNotShow')
      await userEvent.keyboard('{Escape}')
    })
  },
}

// ---------------------------------------------------------------- dark theme

const darkDefaultEndpoint = mockEndpoint()

export const DefaultDark: Story = {
  ...Default,
  name: 'Default (dark)',
  beforeEach: darkDefaultEndpoint.beforeEach,
  parameters: { msw: { handlers: darkDefaultEndpoint.handlers }, theme: 'dark' },
}

export const EmptyDark: Story = {
  ...Empty,
  name: 'Empty (dark)',
  parameters: { ...Empty.parameters, theme: 'dark' },
}

export const ServerErrorDark: Story = {
  ...ServerError,
  name: 'Server error (dark)',
  parameters: { ...ServerError.parameters, theme: 'dark' },
}

export const HostileDark: Story = {
  name: 'Hostile (dark)',
  parameters: { ...Hostile.parameters, theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement)
    await expect(canvas.getAllByText('<script>alert(1)</script>').length).toBeGreaterThan(0)
  },
}

export const LargeDark: Story = {
  ...Large,
  name: 'Large (dark)',
  parameters: { ...Large.parameters, theme: 'dark' },
}

// ---------------------------------------------------------------- other states

let listServed = false

/** A refresh that fails keeps the last good rows on screen, with a warning and "Try again". */
export const StaleAfterFailedRefresh: Story = {
  name: 'Stale after a failed refresh',
  args: { retry: false },
  beforeEach: () => {
    listServed = false
  },
  parameters: {
    msw: {
      handlers: [
        // The first answer is good; every later one fails.
        http.get(API, () => {
          if (listServed) return HttpResponse.json({ error: 'Database connection failed' }, { status: 500 })
          listServed = true
          return HttpResponse.json({ webhooks: defaultWebhooks, source: 'saved' })
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await findRows(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: defaultLabels.refresh }))
    const warning = await canvas.findByText(
      /Could not refresh\. Showing webhooks from/,
      {},
      { timeout: NETWORK_TIMEOUT },
    )
    await expect(warning.closest('[role="status"]')).toHaveTextContent('Database connection failed')
    await expect(rowNames(canvasElement)).toHaveLength(30)
  },
}

/** Every string through `labels` (the package's German set, `germanLabels`), dates and numbers through `locale`. */
export const Translated: Story = {
  args: { locale: 'de-DE', labels: germanLabels },
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findAllByRole('button', { name: /^Details zu / }, { timeout: NETWORK_TIMEOUT })
    await expect(canvas.getByRole('heading', { name: 'Integrations-Webhooks' })).toBeInTheDocument()
    await expect(canvas.getByRole('columnheader', { name: 'Zuletzt ausgelöst' })).toBeInTheDocument()
    // Long German headers wrap beside their sort icon: none is cut.
    for (const header of canvas.getAllByRole('columnheader')) {
      await expect(header.scrollWidth).toBeLessThanOrEqual(header.clientWidth)
    }
  },
}

/** Arabic, right to left: the layout mirrors; code, JSON, URLs, ids and trigger types stay left-to-right islands. */
export const RightToLeft: Story = {
  name: 'Right to left (Arabic)',
  decorators: [
    (Story) => (
      <div dir="rtl" lang="ar">
        <Story />
      </div>
    ),
  ],
  args: {
    locale: 'ar-EG',
    labels: {
      title: 'خطافات الويب للتكاملات',
      description: 'إلى أين يرسل كل مزوّد أحداثه، وماذا حدث لها.',
      refresh: 'تحديث',
      search: 'البحث في الخطافات',
      searchPlaceholder: 'ابحث بالاسم أو المزوّد أو المشغّل أو العنوان',
      openDetails: (name: string) => `تفاصيل ${name}`,
      columns: {
        name: 'التكامل',
        webhookUrl: 'عنوان الخطاف',
        status: 'الحالة',
        triggerTypes: 'المشغّلات',
        lastTriggered: 'آخر تشغيل',
        triggerCount: 'مرات التنفيذ',
        errorCount: 'الأخطاء',
      },
      statuses: { active: 'نشط', inactive: 'غير نشط', error: 'خطأ' },
    },
  },
  parameters: { msw: { handlers: createWebhookHandlers({ apiUrl: API }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findAllByRole('button', { name: /^تفاصيل / }, { timeout: NETWORK_TIMEOUT })
    await userEvent.click(canvas.getByRole('button', { name: 'تفاصيل GitHub' }))
    const dialog = await canvas.findByRole('dialog', { name: 'GitHub' }, { timeout: NETWORK_TIMEOUT })
    const expand = await within(dialog).findAllByRole('button', { name: /^Show details/ }, { timeout: NETWORK_TIMEOUT })
    await userEvent.click(expand[0] as HTMLElement)
    const payload = within(dialog).getByRole('region', { name: new RegExp(`^${defaultLabels.payload}: `) })
    // JSON keeps its order and punctuation: a left-to-right island in the right-to-left page.
    await expect(getComputedStyle(payload).direction).toBe('ltr')
    await expect(payload.textContent?.startsWith('{')).toBe(true)
  },
}

// ---------------------------------------------------------------- flows

const sortEndpoint = mockEndpoint()

/** Every column header is a sort button; `aria-sort` on the header says which way. */
export const SortByColumn: Story = {
  name: 'Flow: sort by a column',
  beforeEach: sortEndpoint.beforeEach,
  parameters: { msw: { handlers: sortEndpoint.handlers } },
  play: async ({ canvasElement, step }) => {
    const canvas = await findRows(canvasElement)
    const header = (name: string) => canvas.getByRole('columnheader', { name })
    const sortButton = (name: string) => within(header(name)).getByRole('button')

    await step('unsorted: rows in the order the API sent them', async () => {
      await expect(header('Integration')).toHaveAttribute('aria-sort', 'none')
      await expect(rowNames(canvasElement)).toEqual(sortedNames([]))
    })
    await step('by name, ascending then descending', async () => {
      await userEvent.click(sortButton('Integration'))
      await expect(header('Integration')).toHaveAttribute('aria-sort', 'ascending')
      await expect(rowNames(canvasElement)).toEqual(sortedNames([{ id: 'name', desc: false }]))
      await userEvent.click(sortButton('Integration'))
      await expect(header('Integration')).toHaveAttribute('aria-sort', 'descending')
      await expect(rowNames(canvasElement)).toEqual(sortedNames([{ id: 'name', desc: true }]))
    })
    await step('by errors: most first, and the name column is no longer sorted', async () => {
      await userEvent.click(sortButton('Errors'))
      await expect(header('Errors')).toHaveAttribute('aria-sort', 'descending')
      await expect(header('Integration')).toHaveAttribute('aria-sort', 'none')
      await expect(rowNames(canvasElement)).toEqual(sortedNames([{ id: 'errorCount', desc: true }]))
    })
  },
}

const filterEndpoint = mockEndpoint()

/** A text query, a category and a status narrow the rows; "n of m" says how many; "Clear filters" resets. */
export const SearchAndFilter: Story = {
  name: 'Flow: search and filter',
  beforeEach: filterEndpoint.beforeEach,
  parameters: { msw: { handlers: filterEndpoint.handlers } },
  play: async ({ canvasElement, step }) => {
    const canvas = await findRows(canvasElement)
    const total = defaultWebhooks.length
    const results = (filter: Parameters<typeof filterWebhooks>[1]) =>
      defaultLabels.results(filterWebhooks(defaultWebhooks, filter).length, total)
    const search = canvas.getByRole('searchbox', { name: defaultLabels.search })

    await step('a query', async () => {
      await userEvent.type(search, 'google')
      await waitFor(() => expect(canvas.getByText(results({ query: 'google' }))).toBeInTheDocument())
      await expect(rowNames(canvasElement).every((name) => name.startsWith('Google'))).toBe(true)
    })
    await step('a category and a status', async () => {
      await userEvent.selectOptions(canvas.getByRole('combobox', { name: defaultLabels.category }), 'productivity')
      await userEvent.selectOptions(canvas.getByRole('combobox', { name: defaultLabels.status }), 'inactive')
      const filter = { query: 'google', categories: ['productivity'], statuses: ['inactive' as const] }
      await waitFor(() => expect(canvas.getByText(results(filter))).toBeInTheDocument())
      await expect(rowNames(canvasElement)).toEqual(
        filterWebhooks(defaultWebhooks, filter).map((row) => row.external_config.integration_name),
      )
    })
    await step('no match: the table says so and offers to clear', async () => {
      await userEvent.selectOptions(canvas.getByRole('combobox', { name: defaultLabels.status }), 'error')
      await expect(canvas.getByText(defaultLabels.noMatches)).toBeInTheDocument()
    })
    await step('clear filters', async () => {
      await userEvent.click(canvas.getAllByRole('button', { name: defaultLabels.clearFilters })[0] as HTMLElement)
      await waitFor(() => expect(canvas.getByText(results({}))).toBeInTheDocument())
      await expect(search).toHaveValue('')
      // The button leaves once pressed: the focus goes to the search field, not to <body>.
      await expect(search).toHaveFocus()
      await expect(canvas.getByRole('combobox', { name: defaultLabels.category })).toHaveValue('')
      await expect(canvas.getByRole('combobox', { name: defaultLabels.status })).toHaveValue('')
      await expect(canvas.queryByRole('button', { name: defaultLabels.clearFilters })).not.toBeInTheDocument()
    })
  },
}

const openEndpoint = mockEndpoint()

/** A row's name opens its details: setup steps, the provider's docs; Escape closes and focus returns. */
export const OpenWebhook: Story = {
  name: 'Flow: open a webhook',
  beforeEach: openEndpoint.beforeEach,
  parameters: { msw: { handlers: openEndpoint.handlers } },
  play: async ({ args, canvasElement, step }) => {
    const canvas = within(canvasElement)
    const dialog = await openGitHub(canvasElement)

    await step('the dialog shows the URL, the setup steps and a link to the docs', async () => {
      await expect(args.onOpenWebhookChange).toHaveBeenLastCalledWith(
        github.id,
        expect.objectContaining({ id: github.id }),
      )
      await expect(dialog).toHaveTextContent(github.webhook_url)
      const setup = within(dialog).getByRole('region', { name: defaultLabels.setup })
      await expect(within(setup).getAllByRole('listitem').length).toBeGreaterThan(1)
      const docs = within(setup).getByRole('link', { name: /GitHub webhook documentation/ })
      await expect(docs.getAttribute('href')).toMatch(/^https:\/\//)
      await expect(docs).toHaveAttribute('target', '_blank')
      await expect(docs).toHaveAttribute('rel', expect.stringContaining('noopener'))
    })
    await step('Escape closes it and focus returns to the row', async () => {
      await userEvent.keyboard('{Escape}')
      await waitFor(() => expect(canvas.queryByRole('dialog')).not.toBeInTheDocument())
      await expect(args.onOpenWebhookChange).toHaveBeenLastCalledWith(null, null)
      await waitFor(() => expect(canvas.getByRole('button', { name: 'Details for GitHub' })).toHaveFocus())
    })
  },
}

const copyEndpoint = mockEndpoint()

/** The URL's copy button writes it to the clipboard and says so through a polite live region. */
export const CopyWebhookUrl: Story = {
  name: 'Flow: copy a webhook URL',
  beforeEach: copyEndpoint.beforeEach,
  parameters: { msw: { handlers: copyEndpoint.handlers } },
  play: async ({ canvasElement }) => {
    const dialog = await openGitHub(canvasElement)
    // Stubbed: a real clipboard write depends on focus and permissions of the browser showing
    // Storybook (test/browser covers the real one).
    const writeText = spyOn(Clipboard.prototype, 'writeText').mockResolvedValue(undefined)
    try {
      const button = within(dialog).getByRole('button', { name: githubCopyLabel })
      await userEvent.click(button)
      await expect(writeText).toHaveBeenCalledWith(github.webhook_url)
      const status = await within(dialog).findByText(defaultLabels.copied)
      await expect(status).toHaveAttribute('role', 'status')
      await expect(button).toHaveAttribute('data-copied')
    } finally {
      writeText.mockRestore()
    }
  },
}

const statusEndpoint = mockEndpoint()

/** The switch in the dialog disables and re-enables a webhook; the new state stays after the server answers. */
export const DisableAndEnable: Story = {
  name: 'Flow: disable and re-enable',
  beforeEach: statusEndpoint.beforeEach,
  parameters: { msw: { handlers: statusEndpoint.handlers } },
  play: async ({ args, canvasElement, step }) => {
    const dialog = await openGitHub(canvasElement)
    const toggle = () => within(dialog).getByRole('switch', { name: /Receive events from GitHub$/ })
    const settled = () =>
      waitFor(
        () => {
          expect(toggle()).toBeEnabled()
          expect(toggle()).not.toHaveAttribute('aria-busy')
        },
        { timeout: NETWORK_TIMEOUT },
      )

    await expect(toggle()).toHaveAttribute('aria-checked', 'true')
    await step('disable', async () => {
      await userEvent.click(toggle())
      await waitFor(() => expect(toggle()).toHaveAttribute('aria-checked', 'false'))
      await settled()
      await expect(toggle()).toHaveAttribute('aria-checked', 'false')
      // The visible label says the state, and the name starts with it.
      await expect(toggle()).toHaveAccessibleName(`${defaultLabels.disabled}: ${defaultLabels.enableWebhook('GitHub')}`)
      await expect(statusEndpoint.store.getWebhook(github.id)?.status).toBe('inactive')
      await expect(args.onStatusChange).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'inactive' }))
      await expect(within(dialog).getByText(defaultLabels.statuses.inactive)).toBeInTheDocument()
    })
    await step('enable again', async () => {
      await userEvent.click(toggle())
      await waitFor(() => expect(toggle()).toHaveAttribute('aria-checked', 'true'))
      await settled()
      await expect(toggle()).toHaveAttribute('aria-checked', 'true')
      await expect(statusEndpoint.store.getWebhook(github.id)?.status).toBe('active')
      await expect(args.onStatusChange).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'active' }))
    })
    await expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()
  },
}

const testEventEndpoint = mockEndpoint()

/** "Send test event" sends a sample event through the webhook; it appears first in the execution history. */
export const SendTestEvent: Story = {
  name: 'Flow: send a test event',
  beforeEach: testEventEndpoint.beforeEach,
  parameters: { msw: { handlers: testEventEndpoint.handlers } },
  play: async ({ canvasElement }) => {
    const dialog = await openGitHub(canvasElement)
    await waitFor(() => expect(executionRows(dialog).length).toBeGreaterThan(0), { timeout: NETWORK_TIMEOUT })
    const before = newestExecutionTime(dialog)

    await userEvent.click(within(dialog).getByRole('button', { name: defaultLabels.sendTest }))
    const sent = await within(dialog).findByText(defaultLabels.testSent, {}, { timeout: NETWORK_TIMEOUT })
    await expect(sent).toHaveAttribute('role', 'status')
    await waitFor(() => expect(newestExecutionTime(dialog) > before).toBe(true), { timeout: NETWORK_TIMEOUT })
    const newest = executionRows(dialog)[0] as HTMLElement
    await expect(newest).toHaveAttribute('data-status', 'success')

    // Its headers mark it as a test, as the server's test events are marked.
    await userEvent.click(within(newest).getByRole('button', { name: /^Show details/ }))
    const detail = document.getElementById(
      within(newest)
        .getByRole('button', { name: /^Show details/ })
        .getAttribute('aria-controls') ?? '',
    )
    await expect(detail).toHaveTextContent('x-integration-webhooks-test')
  },
}

const historyEndpoint = mockEndpoint()
const githubExecutions = historyEndpoint.store.getExecutions(github.id).length

/** The history loads 20 executions at a time; "Load more" fetches older ones until there are none. */
export const LoadMoreExecutions: Story = {
  name: 'Flow: load more executions',
  beforeEach: historyEndpoint.beforeEach,
  parameters: { msw: { handlers: historyEndpoint.handlers } },
  play: async ({ canvasElement }) => {
    const dialog = await openGitHub(canvasElement)
    await waitFor(() => expect(executionRows(dialog)).toHaveLength(20), { timeout: NETWORK_TIMEOUT })
    await expect(githubExecutions).toBeGreaterThan(20)
    await userEvent.click(within(dialog).getByRole('button', { name: defaultLabels.loadMore }))
    await waitFor(() => expect(executionRows(dialog)).toHaveLength(githubExecutions), { timeout: NETWORK_TIMEOUT })
    await expect(within(dialog).queryByRole('button', { name: defaultLabels.loadMore })).not.toBeInTheDocument()
  },
}

const retryEndpoint = mockEndpoint()
let failNextList = true

/** The first request fails (no automatic retry here); "Try again" loads the rows. */
export const RetryAfterError: Story = {
  name: 'Flow: retry after an error',
  args: { retry: false },
  beforeEach: () => {
    failNextList = true
    retryEndpoint.store.reset()
  },
  parameters: {
    msw: {
      handlers: [
        // Fails once, then falls through to the mocked endpoint.
        http.get(API, () => {
          if (!failNextList) return undefined
          failNextList = false
          return HttpResponse.json({ error: 'Database connection failed' }, { status: 500 })
        }),
        ...retryEndpoint.handlers,
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, { timeout: NETWORK_TIMEOUT })
    await expect(alert).toHaveTextContent(defaultLabels.errorTitle)
    await userEvent.click(within(alert).getByRole('button', { name: defaultLabels.tryAgain }))
    await findRows(canvasElement)
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument()
    await expect(rowNames(canvasElement)).toHaveLength(mockWebhooks('default').length)
  },
}
