import type { Meta, StoryObj } from '@storybook/react-vite'
import { defaultCatalog, generateFallbackWebhooks, type IntegrationWebhook } from 'integration-webhooks/core'
import {
  useCopyToClipboard,
  useIntegrationWebhooks,
  useWebhookActions,
  useWebhookTable,
  WebhooksProvider,
} from 'integration-webhooks/react'
import { HttpResponse, http } from 'msw'
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test'

const API = '/api/integration-webhooks'

/** The README's "Build your own UI" page: a list made only from the headless hooks. */
function WebhookList() {
  const { webhooks, source, error, isLoading, isStale, refresh } = useIntegrationWebhooks()
  const { rows, table, filter, setQuery, resultCount, totalCount } = useWebhookTable(webhooks)
  const { setStatus, isPending, errorFor } = useWebhookActions()
  const { copy, copied } = useCopyToClipboard()

  if (isLoading) return <p>Loading webhooks…</p>
  if (error && !isStale) {
    return (
      <p role="alert">
        Could not load webhooks: {error.message}{' '}
        <button type="button" onClick={() => refresh()}>
          Try again
        </button>
      </p>
    )
  }
  const byName = table.getColumn('name')
  return (
    <section aria-label="Webhooks">
      <h1>Webhooks</h1>
      {source === 'generated' && <p>Nothing is saved yet: these are suggested configurations.</p>}
      {isStale && <p role="status">Showing the last webhooks that loaded.</p>}
      <input aria-label="Search webhooks" value={filter.query} onChange={(event) => setQuery(event.target.value)} />
      <p>
        {resultCount} of {totalCount}
      </p>
      <button type="button" onClick={byName?.getToggleSortingHandler()}>
        Sort by name ({byName?.getIsSorted() || 'none'})
      </button>
      <ul aria-label="Webhooks list">
        {rows.map((webhook) => {
          const name = webhook.external_config.integration_name
          const next = webhook.status === 'active' ? 'inactive' : 'active'
          return (
            <li key={webhook.id}>
              {name}: {webhook.status}{' '}
              <button type="button" onClick={() => copy(webhook.webhook_url)}>
                Copy webhook URL of {name}
              </button>{' '}
              <button
                type="button"
                disabled={isPending('setStatus', webhook.id)}
                onClick={() => setStatus(webhook.id, next)}
              >
                {next === 'active' ? 'Enable' : 'Disable'} {name}
              </button>
              {errorFor('setStatus', webhook.id)?.message}
            </li>
          )
        })}
      </ul>
      <p aria-live="polite">{copied ? 'Copied' : ''}</p>
    </section>
  )
}

function BuildYourOwnUi() {
  return (
    // A fresh SWR cache per story: no story sees another's rows.
    <WebhooksProvider apiUrl={API} swr={{ provider: () => new Map() }}>
      <WebhookList />
    </WebhooksProvider>
  )
}

/** Three saved webhooks, served in the order Stripe, GitHub, Slack. */
function savedWebhooks(): IntegrationWebhook[] {
  const integrations = ['stripe', 'github', 'slack'].map((id) => {
    const integration = defaultCatalog.get(id)
    if (!integration) throw new Error(`"${id}" is not in the catalog`)
    return integration
  })
  const [stripe, github, slack] = generateFallbackWebhooks({
    catalog: integrations,
    userId: 'user_1',
    origin: 'https://app.example.com',
    now: '2026-01-05T09:00:00.000Z',
  }) as [IntegrationWebhook, IntegrationWebhook, IntegrationWebhook]
  const configured = { setup_required: false }
  return [
    {
      ...stripe,
      status: 'active',
      external_config: { ...stripe.external_config, ...configured },
      last_triggered: '2026-01-06T14:30:00.000Z',
      trigger_count: 42,
    },
    {
      ...github,
      status: 'error',
      external_config: { ...github.external_config, ...configured },
      last_triggered: '2026-01-06T08:00:00.000Z',
      trigger_count: 7,
      error_count: 3,
    },
    slack,
  ]
}

/**
 * A tiny in-memory endpoint: GET answers with the rows, PATCH changes a row's status.
 * `reset` (run before each story) brings back the initial rows, so a replay starts clean.
 */
function webhookEndpoint(initial: () => IntegrationWebhook[]) {
  let rows = initial()
  return {
    reset: () => {
      rows = initial()
    },
    handlers: [
      http.get(API, () => HttpResponse.json({ webhooks: rows, source: 'saved' })),
      http.patch<{ id: string }, { status: 'active' | 'inactive' }>(`${API}/:id`, async ({ params, request }) => {
        const row = rows.find((candidate) => candidate.id === params.id)
        if (!row) return HttpResponse.json({ error: 'Not found' }, { status: 404 })
        const { status } = await request.json()
        rows = rows.map((candidate) =>
          candidate === row ? { ...row, status, updated_at: new Date().toISOString() } : candidate,
        )
        return HttpResponse.json({ webhook: rows.find((candidate) => candidate.id === params.id) })
      }),
    ],
  }
}

const itemNames = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent?.split(':')[0])

const meta = {
  title: 'Hooks/Build your own UI',
  component: BuildYourOwnUi,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A page built only from the headless hooks of `integration-webhooks/react`, as in the README. ' +
          'MSW answers the endpoint.',
      },
    },
  },
} satisfies Meta<typeof BuildYourOwnUi>

export default meta
type Story = StoryObj<typeof meta>

const saved = webhookEndpoint(savedWebhooks)

export const SavedWebhooks: Story = {
  beforeEach: () => saved.reset(),
  parameters: { msw: { handlers: saved.handlers } },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement)
    const list = await canvas.findByRole('list', { name: 'Webhooks list' }, { timeout: 5000 })

    await step('rows arrive in the order the API sent them', async () => {
      expect(itemNames(list)).toEqual(['Stripe', 'GitHub', 'Slack'])
      expect(canvas.getByText('3 of 3')).toBeInTheDocument()
    })

    await step('sorting by name reorders them', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Sort by name (none)' }))
      await waitFor(() => expect(itemNames(list)).toEqual(['GitHub', 'Slack', 'Stripe']))
      await userEvent.click(canvas.getByRole('button', { name: 'Sort by name (asc)' }))
      await waitFor(() => expect(itemNames(list)).toEqual(['Stripe', 'Slack', 'GitHub']))
    })

    await step('searching narrows the list', async () => {
      await userEvent.type(canvas.getByRole('textbox', { name: 'Search webhooks' }), 'slack')
      await waitFor(() => expect(canvas.getByText('1 of 3')).toBeInTheDocument())
      await userEvent.clear(canvas.getByRole('textbox', { name: 'Search webhooks' }))
    })

    await step('enabling a webhook saves it through the API', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Enable Slack' }))
      await canvas.findByRole('button', { name: 'Disable Slack' })
    })

    await step('copying a webhook URL hands it to the Clipboard API and says so', async () => {
      // Stubbed: whether a real write is allowed depends on focus and permissions of the
      // browser showing Storybook (test/browser/clipboard.browser.test.tsx checks the real one).
      const writeText = spyOn(Clipboard.prototype, 'writeText').mockResolvedValue(undefined)
      try {
        await userEvent.click(canvas.getByRole('button', { name: 'Copy webhook URL of Stripe' }))
        await waitFor(() => expect(canvas.getByText('Copied')).toBeInTheDocument())
        expect(writeText).toHaveBeenCalledWith('https://app.example.com/api/integration-webhooks/stripe')
      } finally {
        writeText.mockRestore()
      }
    })
  },
}

export const SavedWebhooksDark: Story = {
  name: 'Saved webhooks (dark)',
  beforeEach: () => saved.reset(),
  parameters: { msw: { handlers: saved.handlers }, theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('list', { name: 'Webhooks list' }, { timeout: 5000 })
    expect(canvasElement.querySelector('[data-theme]')).toHaveAttribute('data-theme', 'dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
  },
}

export const Unauthorized: Story = {
  parameters: {
    msw: { handlers: [http.get(API, () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 }))] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Unauthorized')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
    // An error never shows invented rows.
    expect(canvas.queryByRole('list')).not.toBeInTheDocument()
  },
}
