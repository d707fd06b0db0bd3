// What a hostile or merely unusual row does to the UI (issue 17, items 1, 4, 5, 6, 9): each
// renders, shows what is safe to show, and never takes the manager down with it.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebhookDetailsDialog } from '../../src/components'
import { makeExecution, makeWebhook } from '../core/fixtures'
import { API, renderWithProviders, setupMswServer } from '../react/utils'
import { renderManager } from './helpers'

const server = setupMswServer()
afterEach(() => vi.restoreAllMocks())

const noExecutions = http.get(`${API}/executions/:id`, () => HttpResponse.json({ executions: [], next_cursor: null }))

async function openDetails(name: string) {
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name: `Details for ${name}` }))
  return { user, dialog: await screen.findByRole('dialog') }
}

const section = (dialog: HTMLElement, name: string) => within(dialog).getByRole('region', { name })

describe('a config nested thousands of levels deep (item 1)', () => {
  it('shows "…" past the depth limit, and the manager stays on screen', async () => {
    const depth = 5_000
    const config = `{"nested":${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)},"token":"t-1"}`
    const row = JSON.stringify(makeWebhook({ id: 'deep', name: 'Deep' })).replace(
      '"integration_config":{}',
      `"integration_config":${config}`,
    )
    server.use(
      http.get(
        API,
        () => new HttpResponse(`{"webhooks":[${row}]}`, { headers: { 'content-type': 'application/json' } }),
      ),
      noExecutions,
    )
    renderManager()
    const { dialog } = await openDetails('Deep')
    const configuration = section(dialog, 'Configuration')
    expect(configuration).toHaveTextContent('…')
    expect(configuration).not.toHaveTextContent('t-1')
    // The manager behind the modal dialog (hidden from the accessibility tree while it is open)
    expect(screen.getByRole('table', { hidden: true })).toBeInTheDocument()
  })
})

describe('a value that throws while a part of the dialog renders (item 1)', () => {
  it('shows a message in that section only', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    server.use(noExecutions)
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('hostile config')
        },
      },
    )
    renderWithProviders(
      <WebhookDetailsDialog
        webhook={makeWebhook({ id: 'h1', name: 'Hostile', integration_config: hostile })}
        onOpenChange={() => undefined}
      />,
    )
    const dialog = await screen.findByRole('dialog', { name: 'Hostile' })
    expect(within(section(dialog, 'Configuration')).getByRole('alert')).toHaveTextContent(
      'This part could not be shown.',
    )
    expect(section(dialog, 'Webhook URL')).toHaveTextContent('https://app.example.com/api/integration-webhooks/github')
    expect(within(section(dialog, 'Setup')).queryByRole('alert')).toBeNull()
  })
})

describe('bidi and invisible controls in every displayed field (item 6)', () => {
  const rlo = '\u202E'
  const hidden = /[\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/
  const row = makeWebhook({
    id: 'bidi',
    provider_id: `github${rlo}`,
    name: `Git${rlo}Hub`,
    category: `develop${rlo}ment`,
    webhook_url: `https://app.test/api/${rlo}integration-webhooks/github`,
    trigger_types: [`github_trigger_${rlo}push`, `github_trigger_\u2066star\u2069`],
    integration_config: { [`chan${rlo}nel`]: `#o${rlo}ps`, nested: { note: `a\u200Bb${rlo}` } },
    external_config: {
      type: 'webhook',
      setup_required: false,
      instructions: `1. Open ${rlo}settings\n2. Paste the URL\uFEFF`,
      integration_name: 'GitHub',
      category: 'development',
      capabilities: [`web${rlo}hooks`],
    },
  })
  const execution = makeExecution({
    id: 'e-bidi',
    webhook_id: 'bidi',
    trigger_type: `github_trigger_${rlo}push`,
    status: 'error',
    error_message: `Receiver ${rlo}failed`,
    payload: { [`re${rlo}f`]: `main${rlo}` },
    headers: { [`x-${rlo}event`]: `push${rlo}` },
    response_body: `no${rlo}pe`,
  })

  /** Every text node and every attribute a person sees or hears. */
  function shownTexts(): string[] {
    const texts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '')
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of ['title', 'aria-label', 'alt', 'placeholder', 'aria-description']) {
        const value = element.getAttribute(name)
        if (value) texts.push(value)
      }
    }
    return texts
  }

  it('removes them from the table, the filters, the dialog and the history', async () => {
    server.use(
      http.get(API, () => HttpResponse.json({ webhooks: [row] })),
      http.get(`${API}/executions/:id`, () => HttpResponse.json({ executions: [execution], next_cursor: null })),
    )
    renderManager()
    const { user, dialog } = await openDetails('GitHub')
    await user.click(await within(dialog).findByRole('button', { name: /^Show details/ }))
    await within(dialog).findByRole('region', { name: /^Payload: / })
    const offending = shownTexts().filter((text) => hidden.test(text))
    expect(offending).toEqual([])
    expect(dialog).toHaveTextContent('github_trigger_push')
    expect(dialog).toHaveTextContent('Open settings')
  })
})

describe('documentation links (item 4)', () => {
  it.each([
    [
      'another site',
      'https://evil.example/github-docs',
      'Documentation at evil.example',
      'https://evil.example/github-docs',
    ],
    ['credentials in the URL', 'https://docs.github.com@evil.com/', 'GitHub webhook documentation', 'catalog'],
    ['an IP literal', 'http://169.254.169.254/latest', 'GitHub webhook documentation', 'catalog'],
  ])('a docs_url to %s is labelled by what it is', async (_, docsUrl, name, href) => {
    server.use(
      http.get(API, () =>
        HttpResponse.json({
          webhooks: [
            makeWebhook({
              id: 'docs',
              name: 'GitHub',
              external_config: { docs_url: docsUrl } as unknown as ReturnType<typeof makeWebhook>['external_config'],
            }),
          ],
        }),
      ),
      noExecutions,
    )
    renderManager()
    const { dialog } = await openDetails('GitHub')
    const link = within(dialog).getByRole('link', { name: new RegExp(`^${name}`) })
    if (href === 'catalog') expect(link.getAttribute('href')).toMatch(/^https:\/\/docs\.github\.com\//)
    else expect(link).toHaveAttribute('href', href)
    expect(within(dialog).getAllByRole('link')).toHaveLength(1)
  })
})

describe('secrets in the execution history (item 5)', () => {
  it('masks a JSON response body, an error message and secret headers', async () => {
    server.use(
      http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'sec', name: 'GitHub' })] })),
      http.get(`${API}/executions/:id`, () =>
        HttpResponse.json({
          executions: [
            makeExecution({
              id: 'e-sec',
              webhook_id: 'sec',
              status: 'error',
              response_body: '{"access_token":"ya29.secret","expires_in":3599}',
              error_message: 'POST https://bot:hunter2@hooks.example/in?token=abc123 failed with Bearer eyJ.abc.def',
              headers: { 'X-Session': 'sess-1', 'x-github-event': 'push' },
            }),
          ],
          next_cursor: null,
        }),
      ),
    )
    renderManager()
    const { user, dialog } = await openDetails('GitHub')
    await user.click(await within(dialog).findByRole('button', { name: /^Show details/ }))
    await within(dialog).findByRole('region', { name: /^Response body: / })
    const history = within(dialog).getByRole('region', { name: 'Execution history' })
    for (const secret of ['ya29.secret', 'hunter2', 'abc123', 'eyJ.abc.def', 'sess-1']) {
      expect(history.textContent).not.toContain(secret)
      expect(history.innerHTML).not.toContain(secret)
    }
    expect(history).toHaveTextContent('expires_in')
    expect(history).toHaveTextContent('push')
  })
})

describe('very long lists in the dialog (item 9)', () => {
  it('shows the first few of each with "Show all (n)", without duplicate-key warnings', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const steps = Array.from({ length: 100_000 }, (_, i) => `${i + 1}. Step ${i + 1}`).join('\n')
    const triggers = Array.from({ length: 10_000 }, (_, i) => `github_trigger_${i % 5_000}`)
    const capabilities = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'webhooks' : `cap_${i}`))
    server.use(
      http.get(API, () =>
        HttpResponse.json({
          webhooks: [
            makeWebhook({
              id: 'long',
              name: 'GitHub',
              trigger_types: triggers,
              external_config: {
                type: 'webhook',
                setup_required: false,
                instructions: steps,
                integration_name: 'GitHub',
                category: 'development',
                capabilities,
              },
            }),
          ],
        }),
      ),
      noExecutions,
    )
    renderManager()
    const { user, dialog } = await openDetails('GitHub')
    const setup = section(dialog, 'Setup')
    expect(within(setup).getAllByRole('listitem').length).toBeLessThan(50)
    expect(within(setup).getByRole('button', { name: 'Show all (100,000)' })).toHaveAttribute('aria-expanded', 'false')
    const triggerList = section(dialog, 'Trigger types')
    expect(within(triggerList).getAllByRole('listitem').length).toBeLessThan(50)
    expect(within(triggerList).getByRole('button', { name: 'Show all (10,000)' })).toBeInTheDocument()

    const capabilityList = section(dialog, 'Capabilities')
    await user.click(within(capabilityList).getByRole('button', { name: 'Show all (40)' }))
    expect(within(capabilityList).getAllByRole('listitem')).toHaveLength(40)
    expect(within(capabilityList).getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true')
    await waitFor(() => expect(within(dialog).queryByText('Loading executions…')).toBeNull())
    const keyWarnings = errors.mock.calls.filter((call) => String(call[0]).includes('same key'))
    expect(keyWarnings).toEqual([])
  })
})
