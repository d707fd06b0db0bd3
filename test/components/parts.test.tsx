import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { useState } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CopyButton, WebhookDetailsDialog, WebhookStatusBadge, WebhookTable } from '../../src/components'
import { preloadWebhookDetailsDialog } from '../../src/components/webhook-details-dialog'
import { makeWebhook } from '../core/fixtures'
import { API, Providers, setupMswServer } from '../react/utils'
import { expectNoAxeViolations, installClipboard } from './helpers'

const server = setupMswServer()
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard')
  Reflect.deleteProperty(document, 'execCommand')
})

describe('WebhookStatusBadge', () => {
  it.each([
    ['active', 'Active'],
    ['inactive', 'Inactive'],
    ['error', 'Error'],
  ] as const)('shows %s as text, with data-status for styling', (status, text) => {
    const { container } = render(<WebhookStatusBadge status={status} />)
    expect(screen.getByText(text)).toHaveAttribute('data-status', status)
    expect(container.querySelector('[data-setup-required]')).toBeNull()
  })

  it('adds "Setup required" and takes translated labels', () => {
    render(<WebhookStatusBadge status="inactive" setupRequired labels={{ setupRequired: 'Einrichtung nötig' }} />)
    expect(screen.getByText('Einrichtung nötig')).toBeInTheDocument()
  })
})

describe('CopyButton', () => {
  it('has an accessible name, copies, and announces it politely', async () => {
    const user = userEvent.setup()
    const written = installClipboard()
    const onCopied = vi.fn()
    const { container } = render(<CopyButton value="https://a.test/x" label="Copy the URL" onCopied={onCopied} />)
    await user.click(screen.getByRole('button', { name: 'Copy the URL' }))
    expect(written).toEqual(['https://a.test/x'])
    expect(onCopied).toHaveBeenCalledWith('https://a.test/x')
    expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard')
    expect(screen.getByRole('button')).toHaveAttribute('data-copied')
    await expectNoAxeViolations(container)
  })

  it("lets the host's onClick prevent the copy", async () => {
    const user = userEvent.setup()
    const written = installClipboard()
    render(<CopyButton value="x" onClick={(event) => event.preventDefault()} />)
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(written).toEqual([])
  })

  it('says how to copy by hand when copying is impossible', async () => {
    const user = userEvent.setup()
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    })
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true })
    render(<CopyButton value="x" />)
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(screen.getByRole('status')).toHaveTextContent('Could not copy. Select the text and copy it by hand.')
    expect(screen.getByRole('button')).toHaveAttribute('data-failed')
  })
})

describe('WebhookTable on its own', () => {
  const trs = () => [...document.querySelectorAll('tr[data-slot="row"]')]
  const copyButton = (name: string) => screen.getByRole('button', { name: `Copy Webhook URL: ${name}` })

  it('sorts its own rows and opens a row with the mouse anywhere on it', async () => {
    const user = userEvent.setup()
    const onOpen = vi.fn()
    const rows = [
      makeWebhook({ id: 'b', name: 'Bravo', error_count: 1 }),
      makeWebhook({ id: 'a', name: 'Alpha', error_count: 5 }),
    ]
    render(<WebhookTable webhooks={rows} onOpen={onOpen} tableOptions={{ defaultSorting: [{ id: 'name' }] }} />)
    const names = () => screen.getAllByRole('button', { name: /^Details for/ }).map((b) => b.textContent)
    expect(names()).toEqual(['Alpha', 'Bravo'])
    await user.click(screen.getByRole('button', { name: 'Errors' }))
    expect(names()).toEqual(['Alpha', 'Bravo'])
    await user.click(screen.getAllByText('0', { exact: false })[0] ?? document.body)
    await user.click(screen.getAllByRole('row')[2]?.querySelector('td[data-column="triggerCount"]') as HTMLElement)
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'b' }))
  })

  it('keeps its row elements through a sort (new cells in place), and the focus on its webhook', async () => {
    const rows = ['Charlie', 'Alpha', 'Bravo'].map((name) =>
      makeWebhook({ id: name.toLowerCase(), name, provider_id: name.toLowerCase() }),
    )
    const { rerender } = render(<WebhookTable webhooks={rows} tableOptions={{ sorting: [] }} />)
    const names = () => screen.getAllByRole('button', { name: /^Details for/ }).map((b) => b.textContent)
    const before = trs()
    expect(names()).toEqual(['Charlie', 'Alpha', 'Bravo'])

    // A new order fills the same <tr>s (the browser restyles cells instead of rebuilding rows)...
    rerender(<WebhookTable webhooks={rows} tableOptions={{ sorting: [{ id: 'name' }] }} />)
    expect(names()).toEqual(['Alpha', 'Bravo', 'Charlie'])
    expect(trs()).toEqual(before)

    // ...except the row that holds the focus: its elements move with it, so the focus stays on its webhook.
    rerender(<WebhookTable webhooks={rows} tableOptions={{ sorting: [{ id: 'name', desc: true }] }} />)
    expect(names()).toEqual(['Charlie', 'Bravo', 'Alpha'])
    const alpha = screen.getByRole('button', { name: 'Details for Alpha' })
    // The table reads the focused row once the focus event's task is done (a microtask).
    await act(async () => alpha.focus())
    rerender(<WebhookTable webhooks={rows} tableOptions={{ sorting: [{ id: 'name' }] }} />)
    expect(names()).toEqual(['Alpha', 'Bravo', 'Charlie'])
    expect(document.activeElement).toBe(alpha)
    expect(alpha).toHaveAccessibleName('Details for Alpha')
    expect(alpha.isConnected).toBe(true)
    rerender(<WebhookTable webhooks={rows} tableOptions={{ sorting: [{ id: 'name', desc: true }] }} />)
    expect(names()).toEqual(['Charlie', 'Bravo', 'Alpha'])
    expect(document.activeElement).toBe(alpha)
    expect(alpha.closest('tr')).toHaveAttribute('aria-rowindex', '4')
  })

  it("keeps a copy's check mark with its webhook, never on another webhook's row, and says it once", async () => {
    const user = userEvent.setup()
    installClipboard()
    const rows = ['Bravo', 'Alpha'].map((name) => makeWebhook({ id: name, name, provider_id: name.toLowerCase() }))
    const { rerender } = render(<WebhookTable webhooks={rows} tableOptions={{ sorting: [] }} />)
    const bravo = copyButton('Bravo')
    await user.click(bravo)
    expect(bravo).toHaveAttribute('data-copied')
    // One live region for the table, not one per row.
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toEqual(['Copied to the clipboard'])

    // The focused button moves with its row: still focused, still copied.
    rerender(<WebhookTable webhooks={rows} tableOptions={{ sorting: [{ id: 'name' }] }} />)
    expect(copyButton('Bravo')).toBe(bravo)
    expect(document.activeElement).toBe(bravo)
    expect(bravo).toHaveAttribute('data-copied')
    expect(copyButton('Alpha')).not.toHaveAttribute('data-copied')

    // Without the focus, rows keep their places: Bravo's old button now copies Alpha's URL and
    // shows nothing of Bravo's copy, which the button now in Bravo's row shows.
    act(() => bravo.blur())
    // The table lets the row go after the focus has moved (a task later).
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    rerender(<WebhookTable webhooks={rows} tableOptions={{ sorting: [] }} />)
    expect(copyButton('Bravo')).toBe(bravo)
    rerender(<WebhookTable webhooks={rows} tableOptions={{ sorting: [{ id: 'name' }] }} />)
    expect(copyButton('Alpha')).toBe(bravo)
    expect(bravo).not.toHaveAttribute('data-copied')
    expect(copyButton('Bravo')).toHaveAttribute('data-copied')
  })

  it('shows the check mark on the row that copied, not on another row with the same URL', async () => {
    const user = userEvent.setup()
    installClipboard()
    // One provider for two users: the same webhook URL in two rows.
    const rows = ['A', 'B'].map((user) => makeWebhook({ id: `github-${user}`, name: `GitHub ${user}` }))
    expect(rows[0]?.webhook_url).toBe(rows[1]?.webhook_url)
    render(<WebhookTable webhooks={rows} />)
    await user.click(copyButton('GitHub A'))
    expect(copyButton('GitHub A')).toHaveAttribute('data-copied')
    expect(copyButton('GitHub B')).not.toHaveAttribute('data-copied')
    await user.click(copyButton('GitHub B'))
    expect(copyButton('GitHub B')).toHaveAttribute('data-copied')
    expect(copyButton('GitHub A')).not.toHaveAttribute('data-copied')
  })

  it('keeps its scroll box while a filter narrows a long list, and decides on the whole list', () => {
    const many = Array.from({ length: 150 }, (_, i) => makeWebhook({ id: `w-${i}`, name: `Hook ${i}` }))
    const { container, rerender } = render(<WebhookTable webhooks={many} tableOptions={{ query: '' }} />)
    const box = () => container.querySelector('[data-slot="table-container"]')
    expect(box()).toHaveAttribute('data-virtualized')
    rerender(<WebhookTable webhooks={many} tableOptions={{ query: 'hook 14' }} />)
    // Hook 14, 114 and 140–149: 12 rows, all in the DOM, in the same scroll box.
    expect(screen.getAllByRole('button', { name: /^Details for/ })).toHaveLength(12)
    expect(box()).toHaveAttribute('data-virtualized')
    render(<WebhookTable webhooks={many.slice(0, 100)} />)
    expect(document.querySelectorAll('[data-slot="table-container"]')[1]).not.toHaveAttribute('data-virtualized')
  })

  it('refills the rows of its window in place after a sort of a long list', async () => {
    const user = userEvent.setup()
    const many = Array.from({ length: 500 }, (_, i) => makeWebhook({ id: `w-${i}`, name: `Hook ${i}` }))
    render(<WebhookTable webhooks={many} />)
    const first = () => trs()[0]?.querySelector('[data-slot="open-details"]')?.textContent
    const before = trs()
    expect(before.length).toBeLessThanOrEqual(100)
    expect(first()).toBe('Hook 0')
    await user.click(screen.getByRole('button', { name: 'Integration' }))
    await user.click(screen.getByRole('button', { name: 'Integration' }))
    expect(first()).toBe('Hook 499')
    expect(trs()).toEqual(before)
  })

  it('hydrates the server markup of a long table without a mismatch, then windows it', async () => {
    const many = Array.from({ length: 500 }, (_, i) => makeWebhook({ id: `w-${i}`, name: `Hook ${i}` }))
    const element = <WebhookTable webhooks={many} />
    const container = document.createElement('div')
    // A server knows no window size (here: another one): its first window must not depend on it.
    vi.stubGlobal('innerHeight', 2000)
    container.innerHTML = renderToString(element)
    vi.unstubAllGlobals()
    document.body.append(container)
    const errors: unknown[] = []
    const root = await act(async () => hydrateRoot(container, element, { onRecoverableError: (e) => errors.push(e) }))
    expect(errors).toEqual([])
    expect(container.querySelectorAll('[data-slot="row"]').length).toBeLessThanOrEqual(100)
    expect(container.querySelector('table')).toHaveAttribute('aria-rowcount', '501')
    act(() => root.unmount())
    container.remove()
  })

  it('marks an empty table and says there is nothing to show', () => {
    const { container } = render(<WebhookTable webhooks={[]} />)
    expect(container.querySelector('table')).toHaveAttribute('data-empty')
    expect(screen.getByText('No webhooks match these filters.')).toBeInTheDocument()
  })
})

describe('WebhookDetailsDialog', () => {
  it('passes the CSP nonce to the style its scroll lock injects', async () => {
    server.use(http.get(`${API}/executions/:id`, () => HttpResponse.json({ executions: [], next_cursor: null })))
    render(
      <Providers>
        <WebhookDetailsDialog webhook={makeWebhook({ id: 'n1' })} onOpenChange={() => undefined} nonce="r4nd0m" />
      </Providers>,
    )
    await screen.findByRole('dialog')
    await screen.findByText('No executions yet. Send a test event to see one here.')
    const styles = Array.from(document.head.querySelectorAll('style'))
    const injected = styles.filter((style) => /data-scroll-locked|block-interactivity/.test(style.textContent ?? ''))
    expect(injected.length).toBeGreaterThan(0)
    for (const style of injected) expect(style.nonce || style.getAttribute('nonce')).toBe('r4nd0m')
  })

  it('renders at once, without suspending, when its code was preloaded', async () => {
    server.use(http.get(`${API}/executions/:id`, () => HttpResponse.json({ executions: [], next_cursor: null })))
    preloadWebhookDetailsDialog()
    await vi.dynamicImportSettled()
    render(
      <Providers>
        <WebhookDetailsDialog webhook={makeWebhook({ id: 'p1', name: 'Preloaded' })} onOpenChange={() => undefined} />
      </Providers>,
    )
    // In the same commit as the render: a lazy() component would suspend first.
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    await screen.findByText('No executions yet. Send a test event to see one here.')
  })

  it("never returns the focus to another webhook's row: the opener's row may have been refilled", async () => {
    server.use(http.get(`${API}/executions/:id`, () => HttpResponse.json({ executions: [], next_cursor: null })))
    const user = userEvent.setup()
    const rows = ['Alpha', 'Bravo'].map((name) => makeWebhook({ id: name, name, provider_id: name.toLowerCase() }))
    function Page({ list }: { list: typeof rows }) {
      const [open, setOpen] = useState<(typeof rows)[number] | null>(null)
      return (
        <>
          <WebhookTable webhooks={list} onOpen={setOpen} tableOptions={{ sorting: [] }} />
          <WebhookDetailsDialog webhook={open} onOpenChange={(next) => !next && setOpen(null)} />
        </>
      )
    }
    const { rerender } = render(
      <Providers>
        <Page list={rows} />
      </Providers>,
    )
    const alpha = screen.getByRole('button', { name: 'Details for Alpha' })
    await user.click(alpha)
    await screen.findByRole('dialog')
    // While the dialog is open, Alpha leaves the list: its row (the opener) now shows Bravo.
    rerender(
      <Providers>
        <Page list={rows.slice(1)} />
      </Providers>,
    )
    expect(alpha).toHaveAccessibleName('Details for Bravo')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.activeElement).not.toBe(alpha)
  })

  it('is closed while there is no webhook', async () => {
    render(
      <Providers>
        <WebhookDetailsDialog webhook={null} onOpenChange={() => undefined} />
      </Providers>,
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })
})

describe('hostile names and nested secrets', () => {
  it('shows the provider id for an invisible name and strips bidi overrides from names', () => {
    render(
      <WebhookTable
        webhooks={[
          makeWebhook({ id: 'z', provider_id: 'stripe', name: '\u200B\u200B' }),
          makeWebhook({ id: 'o', provider_id: 'discord', name: 'Discord Invoice \u202Efdp.exe' }),
        ]}
      />,
    )
    expect(screen.getByRole('button', { name: 'Details for stripe' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Details for Discord Invoice fdp.exe' })).toBeInTheDocument()
  })

  it('masks secrets nested under a harmless key until that key is revealed', async () => {
    server.use(http.get(`${API}/executions/:id`, () => HttpResponse.json({ executions: [], next_cursor: null })))
    const user = userEvent.setup()
    const webhook = makeWebhook({
      id: 'n2',
      integration_config: { oauth: { refresh_token: 'rt-secret-123', scope: 'read' }, channel: '#ops' },
    })
    render(
      <Providers>
        <WebhookDetailsDialog webhook={webhook} onOpenChange={() => undefined} />
      </Providers>,
    )
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).not.toContain('rt-secret-123')
    expect(dialog.textContent).toContain('"scope":"read"')
    expect(screen.queryByRole('button', { name: 'Reveal channel' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Reveal oauth' }))
    expect(dialog.textContent).toContain('rt-secret-123')
  })
})
