import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeExecution, makeWebhook } from '../core/fixtures'
import { API, setupMswServer } from '../react/utils'
import { expectNoAxeViolations, fewSuggestions, installClipboard, renderManager } from './helpers'

const server = setupMswServer()
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard')
})

const slack = makeWebhook({
  id: 'slack-webhook',
  provider_id: 'slack',
  name: 'Slack',
  category: 'communication',
  status: 'active',
  trigger_count: 1200,
  error_count: 0,
  last_triggered: new Date(Date.now() - 5 * 60_000).toISOString(),
  webhook_url: 'https://app.test/api/integration-webhooks/slack',
  trigger_types: ['slack_trigger_new_message', 'slack_trigger_reaction_added', 'slack_trigger_member_joined'],
  integration_config: { channel: '#ops', signing_secret: 'shh-very-secret' },
  external_config: {
    type: 'webhook',
    setup_required: false,
    instructions:
      '1. Open api.slack.com/apps\n2. Paste https://app.test/api/integration-webhooks/slack as the Request URL',
    integration_name: 'Slack',
    category: 'communication',
    capabilities: ['messages', 'reactions'],
  },
})
const stripe = makeWebhook({
  id: 'stripe-webhook',
  provider_id: 'stripe',
  name: 'Stripe',
  category: 'business',
  status: 'error',
  error_count: 4,
  trigger_count: 30,
})
const github = makeWebhook({
  id: 'github-webhook',
  provider_id: 'github',
  name: 'GitHub',
  category: 'development',
  status: 'inactive',
  setupRequired: true,
})
const rows = [slack, stripe, github]

function serve(webhooks = rows) {
  const state = webhooks.map((w) => ({ ...w }))
  const history = [
    makeExecution({ id: 'e-ok', webhook_id: 'slack-webhook', trigger_type: 'slack_trigger_new_message' }),
    makeExecution({
      id: 'e-bad',
      webhook_id: 'slack-webhook',
      status: 'error',
      // As the server records a failure: the host's onEvent threw (a refused delivery is never recorded).
      response_code: null,
      error_message: 'Could not enqueue the event: connect ECONNREFUSED 10.0.3.7:5432',
      payload: { text: '<b>hello</b>' },
    }),
    makeExecution({ id: 'e-wait', webhook_id: 'slack-webhook', status: 'pending', response_code: null }),
  ]
  server.use(
    http.get(API, () => HttpResponse.json({ webhooks: state })),
    http.get(`${API}/executions/:id`, ({ request }) => {
      const cursor = Number(new URL(request.url).searchParams.get('cursor') ?? 0)
      const page = history.slice(cursor, cursor + 2)
      return HttpResponse.json({
        executions: page,
        next_cursor: cursor + 2 < history.length ? String(cursor + 2) : null,
      })
    }),
    http.patch(`${API}/:id`, async ({ params, request }) => {
      const { status } = (await request.json()) as { status: 'active' | 'inactive' }
      const row = state.find((w) => w.id === params.id)
      if (!row) return HttpResponse.json({ error: 'Not found' }, { status: 404 })
      row.status = status
      return HttpResponse.json({ webhook: row })
    }),
    http.post(`${API}/:id/test`, ({ params }) => {
      const execution = makeExecution({
        id: 'e-test',
        webhook_id: String(params.id),
        trigger_type: 'slack_trigger_test',
      })
      history.unshift(execution)
      return HttpResponse.json({ execution }, { status: 202 })
    }),
    http.post(`${API}/executions/:id/:executionId/retry`, () => {
      const execution = makeExecution({
        id: 'e-retried',
        webhook_id: 'slack-webhook',
        trigger_type: 'slack_trigger_retried',
      })
      history.unshift(execution)
      return HttpResponse.json({ execution }, { status: 202 })
    }),
  )
  return { state, history }
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: /Webhook configuration/ }))
    .getAllByRole('row')
    .slice(1)
const rowNames = () => bodyRows().map((row) => within(row).getByRole('button', { name: /^Details for/ }).textContent)

describe('IntegrationWebhookManager', () => {
  describe('given saved webhooks', () => {
    it('shows a table with counts, every column sortable through a header button, and no axe violations', async () => {
      serve()
      renderManager()
      await screen.findByRole('button', { name: 'Details for Slack' })
      expect(screen.getByRole('heading', { name: 'Integration webhooks', level: 2 })).toBeInTheDocument()
      expect(screen.getByText('3 webhooks')).toBeInTheDocument()
      expect(screen.getByText('1 active')).toBeInTheDocument()
      expect(screen.getByText('1 failing')).toBeInTheDocument()
      expect(screen.getByText('1 need setup')).toBeInTheDocument()
      const headers = screen.getAllByRole('columnheader')
      expect(headers.map((h) => within(h).getByRole('button').textContent)).toEqual([
        'Integration',
        'Webhook URL',
        'Status',
        'Triggers',
        'Last triggered',
        'Executions',
        'Errors',
      ])
      for (const header of headers) expect(header).toHaveAttribute('aria-sort', 'none')
      const slackRow = bodyRows()[0] as HTMLElement
      expect(within(slackRow).getByText('Active')).toBeInTheDocument()
      expect(within(slackRow).getByText('+1 more')).toBeInTheDocument()
      expect(within(slackRow).getByText('5 minutes ago')).toBeInTheDocument()
      expect(within(slackRow).getByText('1,200')).toBeInTheDocument()
      expect(within(bodyRows()[2] as HTMLElement).getByText('Setup required')).toBeInTheDocument()
      // What this test is about, the header's counts and the table: the rest of the page has its
      // own tests (the toolbar below, the states further down), and every story checks the whole
      // page in Chromium. A run over the whole manager read computed styles for every element.
      await expectNoAxeViolations([
        screen.getByRole('list', { name: 'Integration webhooks' }),
        screen.getByRole('table'),
      ])
    })

    it('sorts by keyboard: Tab to a header button, Enter, and aria-sort follows', async () => {
      serve()
      const user = userEvent.setup()
      renderManager()
      await screen.findByRole('button', { name: 'Details for Slack' })
      const nameSort = screen.getByRole('button', { name: 'Integration' })
      nameSort.focus()
      await user.keyboard('{Enter}')
      expect(screen.getByRole('columnheader', { name: 'Integration' })).toHaveAttribute('aria-sort', 'ascending')
      expect(rowNames()).toEqual(['GitHub', 'Slack', 'Stripe'])
      await user.keyboard('{Enter}')
      expect(screen.getByRole('columnheader', { name: 'Integration' })).toHaveAttribute('aria-sort', 'descending')
      expect(rowNames()).toEqual(['Stripe', 'Slack', 'GitHub'])

      await user.click(screen.getByRole('button', { name: 'Errors' }))
      expect(rowNames()[0]).toBe('Stripe')
      expect(screen.getByRole('columnheader', { name: 'Errors' })).toHaveAttribute('data-sort-direction', 'descending')
    })

    it('searches, filters by category and status with counts, and clears filters', async () => {
      serve()
      const user = userEvent.setup()
      renderManager()
      await screen.findByRole('button', { name: 'Details for Slack' })
      expect(screen.getByRole('search')).toBeInTheDocument()
      await user.type(screen.getByRole('searchbox', { name: 'Search webhooks' }), 'slack_trigger_reaction')
      expect(rowNames()).toEqual(['Slack'])
      expect(screen.getByText('1 of 3 webhooks')).toBeInTheDocument()
      await expectNoAxeViolations(screen.getByRole('search'))
      // The list's categories stay while the user types; their counts follow the query.
      const options = within(screen.getByRole('combobox', { name: 'Category' })).getAllByRole('option')
      expect(options.map((option) => option.textContent)).toEqual([
        'All categories',
        'Communication (1)',
        'Development (0)',
        'Business (0)',
      ])
      await user.click(screen.getByRole('button', { name: 'Clear filters' }))
      expect(rowNames()).toHaveLength(3)

      const category = screen.getByRole('combobox', { name: 'Category' })
      expect(within(category).getByRole('option', { name: 'Business (1)' })).toBeInTheDocument()
      await user.selectOptions(category, 'business')
      expect(rowNames()).toEqual(['Stripe'])
      await user.selectOptions(category, '')
      await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'inactive')
      expect(rowNames()).toEqual(['GitHub'])
      await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '')
      await user.click(screen.getByRole('checkbox', { name: /Needs setup only/ }))
      expect(rowNames()).toEqual(['GitHub'])

      await user.clear(screen.getByRole('searchbox', { name: 'Search webhooks' }))
      await user.type(screen.getByRole('searchbox', { name: 'Search webhooks' }), 'nothing-like-this')
      expect(screen.getByText('No webhooks match these filters.')).toBeInTheDocument()
    })

    it('"Clear filters" by keyboard resets every filter and leaves the focus in the empty search box', async () => {
      serve()
      const user = userEvent.setup()
      renderManager()
      await screen.findByRole('button', { name: 'Details for Slack' })
      const search = screen.getByRole('searchbox', { name: 'Search webhooks' })
      await user.type(search, 'slack')
      await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'active')
      await user.click(screen.getByRole('checkbox', { name: /Needs setup only/ }))
      expect(screen.getByText('No webhooks match these filters.')).toBeInTheDocument()

      // The toolbar's button: reached with Tab from the checkbox (the count between is not focusable).
      await user.tab()
      expect(screen.getAllByRole('button', { name: 'Clear filters' })[0]).toHaveFocus()
      await user.keyboard('{Enter}')
      expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull()
      expect(search).toHaveFocus()
      expect(search).toHaveValue('')
      expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('')
      expect(screen.getByRole('checkbox', { name: /Needs setup only/ })).not.toBeChecked()
      expect(rowNames()).toHaveLength(3)

      // The table's own "Clear filters" (no matches) does the same.
      await user.type(search, 'nothing-like-this')
      const inTable = within(screen.getByRole('table', { name: /Webhook configuration/ })).getByRole('button', {
        name: 'Clear filters',
      })
      inTable.focus()
      await user.keyboard('{Enter}')
      expect(search).toHaveFocus()
      expect(search).toHaveValue('')
      expect(rowNames()).toHaveLength(3)
    })

    it("lists the list's categories: the catalog's in its order, then others as they come, in place when chosen", async () => {
      serve([
        makeWebhook({ id: 'acme', provider_id: 'acme', name: 'Acme', category: 'gamma-zone' }),
        stripe,
        makeWebhook({ id: 'proto', provider_id: 'proto', name: 'Proto', category: 'constructor' }),
        slack,
      ])
      const user = userEvent.setup()
      renderManager()
      await screen.findByRole('button', { name: 'Details for Slack' })
      const category = screen.getByRole('combobox', { name: 'Category' })
      const labels = () =>
        within(category)
          .getAllByRole('option')
          .map((option) => option.textContent)
      // An id that is also an Object.prototype key is shown as it is, not as a function.
      const listed = ['All categories', 'Communication (1)', 'Business (1)', 'gamma-zone (1)', 'constructor (1)']
      expect(labels()).toEqual(listed)
      await user.selectOptions(category, 'constructor')
      expect(rowNames()).toEqual(['Proto'])
      expect(labels()).toEqual(listed)
      expect(within(screen.getByRole('table')).getByText('constructor')).toBeInTheDocument()
    })

    it('keeps a chosen category the list does not hold choosable, last', async () => {
      serve([slack, stripe])
      renderManager({ categories: ['retired'] })
      await screen.findByText('No webhooks match these filters.')
      const category = screen.getByRole('combobox', { name: 'Category' })
      expect(
        within(category)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['All categories', 'Communication (1)', 'Business (1)', 'retired (0)'])
      expect(category).toHaveValue('retired')
    })

    it('copies a webhook URL and announces it', async () => {
      serve()
      const user = userEvent.setup() // installs its own clipboard stub: ours goes on top
      const written = installClipboard()
      renderManager()
      await screen.findByRole('button', { name: 'Details for Slack' })
      await user.click(screen.getByRole('button', { name: 'Copy Webhook URL: Slack' }))
      expect(written).toEqual(['https://app.test/api/integration-webhooks/slack'])
      const statuses = screen.getAllByRole('status')
      expect(statuses.some((s) => s.textContent === 'Copied to the clipboard')).toBe(true)
    })
  })

  describe('the details dialog', () => {
    it('opens with Enter, shows everything about the webhook, has no axe violations, and returns focus on Escape', async () => {
      serve()
      const user = userEvent.setup()
      const onOpenWebhookChange = vi.fn()
      renderManager({ onOpenWebhookChange })
      const trigger = await screen.findByRole('button', { name: 'Details for Slack' })
      trigger.focus()
      await user.keyboard('{Enter}')

      const dialog = await screen.findByRole('dialog', { name: 'Slack' })
      expect(onOpenWebhookChange).toHaveBeenCalledWith(
        'slack-webhook',
        expect.objectContaining({ id: 'slack-webhook' }),
      )
      expect(dialog).toHaveAccessibleDescription(/Communication/)
      expect(
        within(dialog).getByText('https://app.test/api/integration-webhooks/slack', { selector: 'code' }),
      ).toBeInTheDocument()
      const steps = within(dialog)
        .getAllByRole('listitem')
        .filter((li) => li.closest('ol'))
      expect(steps.map((li) => li.textContent)).toEqual([
        'Open api.slack.com/apps',
        'Paste https://app.test/api/integration-webhooks/slack as the Request URL',
      ])
      const docs = within(dialog).getByRole('link', { name: /Slack webhook documentation/ })
      expect(docs).toHaveAttribute('href', expect.stringMatching(/^https:\/\//))
      expect(docs).toHaveAttribute('target', '_blank')
      expect(docs).toHaveAttribute('rel', 'noopener noreferrer')
      expect(within(dialog).getByText('slack_trigger_member_joined')).toBeInTheDocument()
      expect(within(dialog).getByText('reactions')).toBeInTheDocument()
      // secrets are masked until revealed
      expect(within(dialog).queryByText('shh-very-secret')).toBeNull()
      await user.click(within(dialog).getByRole('button', { name: 'Reveal signing_secret' }))
      expect(within(dialog).getByText('shh-very-secret')).toBeInTheDocument()
      expect(within(dialog).getByRole('button', { name: 'Hide signing_secret' })).toHaveAttribute(
        'aria-pressed',
        'true',
      )
      expect(within(dialog).getByText('#ops')).toBeInTheDocument()

      await within(dialog).findByRole('table')
      // The dialog (in a portal, outside the manager's container): the page behind it was checked
      // closed, by the table's test.
      await expectNoAxeViolations(dialog)

      await user.keyboard('{Escape}')
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
      expect(screen.getByRole('button', { name: 'Details for Slack' })).toHaveFocus()
    })

    it('disables and re-enables the webhook with the switch', async () => {
      const { state } = serve()
      const user = userEvent.setup()
      const onStatusChange = vi.fn()
      renderManager({ onStatusChange })
      await user.click(await screen.findByRole('button', { name: 'Details for Slack' }))
      const dialog = await screen.findByRole('dialog')
      // The visible label follows the state and starts the switch's name (WCAG 2.5.3).
      const toggle = within(dialog).getByRole('switch', { name: 'Enabled: Receive events from Slack' })
      const visibleLabel = dialog.querySelector('[data-slot="switch-label"]')
      expect(visibleLabel).toHaveTextContent('Enabled')
      expect(toggle).toHaveAttribute('aria-checked', 'true')
      await user.click(toggle)
      await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'))
      expect(toggle).toHaveAccessibleName('Disabled: Receive events from Slack')
      expect(visibleLabel).toHaveTextContent('Disabled')
      await waitFor(() => expect(onStatusChange).toHaveBeenCalledWith(expect.objectContaining({ status: 'inactive' })))
      expect(state[0]?.status).toBe('inactive')
      await user.click(toggle)
      await waitFor(() => expect(state[0]?.status).toBe('active'))
      expect(toggle).toHaveAttribute('aria-checked', 'true')
    })

    it('rolls the switch back and says why when the server refuses', async () => {
      serve()
      server.use(
        http.patch(`${API}/:id`, async () => {
          await delay(20)
          return HttpResponse.json({ error: 'Locked by an administrator' }, { status: 403 })
        }),
      )
      const user = userEvent.setup()
      renderManager()
      await user.click(await screen.findByRole('button', { name: 'Details for Slack' }))
      const dialog = await screen.findByRole('dialog')
      const toggle = within(dialog).getByRole('switch')
      await user.click(toggle)
      expect(await within(dialog).findByRole('alert')).toHaveTextContent('Locked by an administrator')
      expect(toggle).toHaveAttribute('aria-checked', 'true')
    })

    it('sends a test event that shows up in the history; expands, retries and loads more executions', async () => {
      serve()
      const user = userEvent.setup()
      renderManager()
      await user.click(await screen.findByRole('button', { name: 'Details for Slack' }))
      const dialog = await screen.findByRole('dialog')
      const history = await within(dialog).findByRole('region', { name: 'Execution history' })
      const table = await within(history).findByRole('table')
      expect(within(table).getByText('Success')).toBeInTheDocument()
      expect(within(table).getByText('Failed')).toBeInTheDocument()
      expect(
        within(table).getByText('Could not enqueue the event: connect ECONNREFUSED 10.0.3.7:5432'),
      ).toBeInTheDocument()

      await user.click(within(history).getByRole('button', { name: 'Load more' }))
      expect(await within(history).findByText('Pending')).toBeInTheDocument()
      expect(within(history).queryByRole('button', { name: 'Load more' })).toBeNull()

      const expand = within(history).getAllByRole('button', { name: /^Show details/ })[1] as HTMLElement
      expect(expand).toHaveAttribute('aria-expanded', 'false')
      await user.click(expand)
      expect(expand).toHaveAttribute('aria-expanded', 'true')
      const payload = within(history).getByRole('region', { name: /^Payload: github_trigger_push, .+, Failed$/ })
      expect(payload.textContent).toContain('"text": "<b>hello</b>"')
      expect(payload.querySelector('b')).toBeNull()

      await user.click(within(history).getByRole('button', { name: /^Retry: github_trigger_push, / }))
      expect(await within(history).findByText('slack_trigger_retried')).toBeInTheDocument()

      await user.click(within(dialog).getByRole('button', { name: 'Send test event' }))
      expect(await within(dialog).findByText('Test event sent.')).toBeInTheDocument()
      expect(await within(history).findByText('slack_trigger_test')).toBeInTheDocument()
    })

    it('follows a controlled open webhook (e.g. from the URL) and asks to change it', async () => {
      serve()
      const onOpenWebhookChange = vi.fn()
      renderManager({ openWebhookId: 'stripe-webhook', onOpenWebhookChange })
      const dialog = await screen.findByRole('dialog', { name: 'Stripe' })
      await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Close' }))
      expect(onOpenWebhookChange).toHaveBeenCalledWith(null, null)
      expect(screen.getByRole('dialog', { name: 'Stripe' })).toBeInTheDocument() // the host has not closed it
    })
  })

  describe('states', () => {
    it('loading: a busy table with a spoken status', async () => {
      server.use(
        http.get(API, async () => {
          await delay(50)
          return HttpResponse.json({ webhooks: rows })
        }),
      )
      renderManager()
      expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true')
      const status = screen.getByText('Loading webhooks…')
      // The state's parts: the busy table and the spoken status (the rest is the tests' above).
      await expectNoAxeViolations([screen.getByRole('table'), status])
      await screen.findByRole('button', { name: 'Details for Slack' })
    })

    it('empty: says so when nothing is saved and fallback is off', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [] })))
      renderManager({ fallback: false })
      const heading = await screen.findByRole('heading', { name: 'No integrations yet' })
      await expectNoAxeViolations(heading.closest('[data-slot="state"]') as Element)
    })

    it('generated: suggested defaults with a plain notice that nothing is saved', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [] })))
      const user = userEvent.setup()
      renderManager({ catalog: fewSuggestions })
      expect(await screen.findByRole('note')).toHaveTextContent(/Suggested configurations.*not saved configuration/)
      expect(screen.getByRole('button', { name: 'Details for Gmail' })).toBeInTheDocument()
      expect(screen.queryByText('Active')).toBeNull()
      // The new state: the notice and a suggested row (every story of it runs axe on the whole page
      // in Chromium; here a run over 30 rows took seconds per rule on a loaded machine).
      await expectNoAxeViolations(screen.getByRole('note'))
      await expectNoAxeViolations(screen.getByRole('row', { name: /Gmail/ }))
      await user.click(screen.getByRole('button', { name: 'Details for Gmail' }))
      const dialog = await screen.findByRole('dialog')
      expect(within(dialog).getByText(/Suggested configuration: nothing is saved/)).toBeInTheDocument()
      expect(within(dialog).queryByRole('region', { name: 'Execution history' })).toBeNull()
    })

    it('error: the reason in words, the message, and a retry that works', async () => {
      let fail = true
      server.use(
        http.get(API, () =>
          fail
            ? HttpResponse.json({ error: 'Database connection failed' }, { status: 500 })
            : HttpResponse.json({ webhooks: rows }),
        ),
      )
      const user = userEvent.setup()
      renderManager()
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('Could not load webhooks')
      expect(alert).toHaveTextContent('The server had a problem.')
      expect(alert).toHaveTextContent('Database connection failed')
      expect(screen.queryByRole('table')).toBeNull()
      await expectNoAxeViolations(alert)
      fail = false
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(await screen.findByRole('button', { name: 'Details for Slack' })).toBeInTheDocument()
    })

    it('a getToken that throws: says the session could not be read, sends nothing, keeps the cause', async () => {
      let calls = 0
      server.use(
        http.get(API, () => {
          calls++
          return HttpResponse.json({ webhooks: rows })
        }),
      )
      renderManager({
        getToken: () => {
          throw new Error('token storage is locked')
        },
      })
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('Your session could not be read')
      expect(alert).toHaveTextContent('token storage is locked')
      expect(alert).not.toHaveTextContent('Check your connection')
      expect(calls).toBe(0)
    })

    it('unauthorized: a sign-in message, onUnauthorized once, never rows', async () => {
      server.use(http.get(API, () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 })))
      const onUnauthorized = vi.fn()
      const onSignIn = vi.fn()
      const user = userEvent.setup()
      renderManager({ onUnauthorized, onSignIn })
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('Sign in to see your webhooks')
      expect(screen.queryByRole('table')).toBeNull()
      expect(screen.queryByText('Gmail')).toBeNull()
      expect(onUnauthorized).toHaveBeenCalledTimes(1)
      expect(onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ kind: 'unauthorized' }))
      await user.click(within(alert).getByRole('button', { name: 'Sign in' }))
      expect(onSignIn).toHaveBeenCalled()
      await expectNoAxeViolations(alert)
    })

    it('stale: keeps the last good rows with a warning after a failed refresh', async () => {
      let fail = false
      server.use(
        http.get(API, () =>
          fail
            ? HttpResponse.json({ error: 'Upstream timeout' }, { status: 504 })
            : HttpResponse.json({ webhooks: rows }),
        ),
      )
      const user = userEvent.setup()
      renderManager()
      await screen.findByRole('button', { name: 'Details for Slack' })
      fail = true
      await user.click(screen.getByRole('button', { name: 'Refresh' }))
      const warning = await screen.findByText(/Could not refresh. Showing webhooks from/)
      expect(screen.getByText(/Upstream timeout/)).toBeInTheDocument()
      expect(rowNames()).toHaveLength(3)
      // The warning, and the rows it keeps.
      await expectNoAxeViolations([warning.closest('[data-slot="notice"]') as Element, screen.getByRole('table')])
    })

    it('invalid rows: a count, and the reasons on request', async () => {
      server.use(
        http.get(API, () =>
          HttpResponse.json({ webhooks: [slack, { ...stripe, status: 'paused' }, { nonsense: true }] }),
        ),
      )
      const user = userEvent.setup()
      renderManager()
      const notice = await screen.findByText(/2 webhooks could not be shown/)
      const toggle = screen.getByRole('button', { name: 'Show why' })
      await user.click(toggle)
      expect(toggle).toHaveAttribute('aria-expanded', 'true')
      expect(screen.getByText('Row 2 (stripe-webhook)')).toBeInTheDocument()
      expect(screen.getAllByText('status: expected one of "active", "inactive", "error"')).toHaveLength(2)
      expect(screen.getByText('id: expected string')).toBeInTheDocument()
      expect(rowNames()).toEqual(['Slack'])
      await expectNoAxeViolations(notice.closest('[data-slot="notice"]') as Element)
    })
  })

  describe('hostile data', () => {
    it('renders names, URLs, instructions and payloads as inert text', async () => {
      const longName = 'A'.repeat(500)
      const hostile = [
        makeWebhook({
          id: 'x1',
          provider_id: 'evil',
          integration_config: { note: '<img src=x onerror="window.__pwned = true">' },
          webhook_url: 'javascript:alert(1)',
          external_config: {
            type: 'webhook',
            setup_required: true,
            instructions: '1. <a href="javascript:alert(1)">click</a>\n2. مرحبا بالعالم 🎉',
            integration_name: '<script>window.__pwned = true</script>',
            category: '<b>cat</b>',
            capabilities: ['<i>x</i>'],
            docs_url: 'javascript:alert(1)',
          },
        }),
        makeWebhook({ id: 'x2', provider_id: 'rtl', name: longName }),
        makeWebhook({ id: 'x3', provider_id: 'emoji', name: 'שלום 👋🏽 Webhooks' }),
      ]
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: hostile })),
        http.get(`${API}/executions/:id`, () =>
          HttpResponse.json({
            executions: [makeExecution({ id: 'h1', webhook_id: 'x1', error_message: '<img src=x onerror=alert(1)>' })],
            next_cursor: null,
          }),
        ),
      )
      const user = userEvent.setup()
      const { container } = renderManager()
      const trigger = await screen.findByRole('button', { name: 'Details for <script>window.__pwned = true</script>' })
      expect(container.querySelector('script, img, b, i')).toBeNull()
      expect(screen.getByRole('button', { name: `Details for ${longName}` })).toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Details for שלום 👋🏽 Webhooks' })).toBeInTheDocument()
      expect(screen.getByTitle('javascript:alert(1)')).toHaveTextContent('javascript:alert(1)')
      expect(screen.getByTitle('javascript:alert(1)').closest('a')).toBeNull()
      await user.click(trigger)
      const dialog = await screen.findByRole('dialog')
      // the API's javascript: docs_url is not a link, and an unknown provider has no docs of its own
      expect(within(dialog).queryAllByRole('link')).toHaveLength(0)
      expect(await within(dialog).findByText('<img src=x onerror=alert(1)>')).toBeInTheDocument()
      expect(within(dialog).getByText('<a href="javascript:alert(1)">click</a>')).toBeInTheDocument()
      expect(within(dialog).getByText('مرحبا بالعالم 🎉')).toBeInTheDocument()
      expect(within(dialog).getByText('<img src=x onerror="window.__pwned = true">')).toBeInTheDocument()
      expect(document.querySelector('script, img[src="x"]')).toBeNull()
      expect((window as { __pwned?: boolean }).__pwned).toBeUndefined()
    })
  })

  describe('customisation', () => {
    it('takes labels, a locale, a theme and class names', async () => {
      serve()
      const { container } = renderManager({
        labels: { title: 'Webhooks der Integrationen', columns: { name: 'Anwendung' }, statuses: { active: 'Aktiv' } },
        locale: 'de-DE',
        theme: 'dark',
        className: 'host-class',
        classNames: { toolbar: 'host-toolbar' },
        headingLevel: 3,
      })
      await screen.findByRole('button', { name: 'Details for Slack' })
      expect(screen.getByRole('heading', { name: 'Webhooks der Integrationen', level: 3 })).toBeInTheDocument()
      expect(screen.getByRole('button', { name: 'Anwendung' })).toBeInTheDocument()
      expect(screen.getAllByText('Aktiv').length).toBeGreaterThan(0)
      expect(screen.getByText('1.200')).toBeInTheDocument()
      const root = container.querySelector('[data-slot="manager"]')
      expect(root).toHaveAttribute('data-theme', 'dark')
      expect(root).toHaveClass('host-class')
      expect(screen.getByRole('search')).toHaveClass('host-toolbar')
    })

    it('keeps sorting controlled by the host', async () => {
      serve()
      const onSortingChange = vi.fn()
      renderManager({ sorting: [{ id: 'errorCount', desc: true }], onSortingChange })
      await screen.findByRole('button', { name: 'Details for Slack' })
      expect(rowNames()[0]).toBe('Stripe')
      await userEvent.setup().click(screen.getByRole('button', { name: 'Integration' }))
      expect(onSortingChange).toHaveBeenCalledWith([{ id: 'name', desc: false }])
      expect(rowNames()[0]).toBe('Stripe')
    })
  })

  it('virtualises a long list so the DOM holds a window of rows', async () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      makeWebhook({ id: `w-${i}`, provider_id: 'github', name: `Hook ${String(i).padStart(4, '0')}` }),
    )
    server.use(http.get(API, () => HttpResponse.json({ webhooks: many })))
    const { container } = renderManager({ virtualizeThreshold: 100 })
    await waitFor(() => expect(container.querySelector('[data-virtualized]')).not.toBeNull())
    await act(async () => undefined)
    expect(container.querySelectorAll('[data-slot="row"]').length).toBeLessThanOrEqual(100)
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '1001')
  })
})
