import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import type { ComponentType } from 'react'
import { SWRConfig } from 'swr'
import { describe, expect, it } from 'vitest'
import { makeWebhook } from './core/fixtures'
import { setupMswServer } from './react/utils'

// vitest runs from the project root (import.meta.url is not a file URL under jsdom)
const root = `${process.cwd()}/`
// jsdom's page lives at http://localhost:3000, so the example's relative apiUrl lands here.
const API = 'http://localhost:3000/api/integration-webhooks'
const server = setupMswServer()

async function loadReadmeApp(): Promise<ComponentType> {
  const readme = readFileSync(`${root}README.md`, 'utf8')
  const block = readme.match(/<!-- readme-test: build-your-own-ui -->\s*```tsx\n([\s\S]*?)```/)?.[1]
  if (!block) throw new Error('README has no block marked "readme-test: build-your-own-ui"')
  mkdirSync(`${root}.tmp`, { recursive: true })
  const file = `${root}.tmp/readme-build-your-own-ui.tsx`
  writeFileSync(file, block.replaceAll("'integration-webhooks/react'", `'${root}src/react/index.ts'`))
  return ((await import(/* @vite-ignore */ file)) as { App: ComponentType }).App
}

describe('README: build your own UI', () => {
  it('lists, searches, sorts and toggles webhooks against the endpoint', async () => {
    let authorization: string | null = null
    const rows = [
      makeWebhook({ id: 'stripe-webhook', provider_id: 'stripe', name: 'Stripe', status: 'active' }),
      makeWebhook({ id: 'github-webhook', provider_id: 'github', name: 'GitHub', status: 'inactive' }),
    ]
    server.use(
      http.get(API, ({ request }) => {
        authorization = request.headers.get('authorization')
        return HttpResponse.json({ webhooks: rows })
      }),
      http.patch(`${API}/:id`, async ({ params, request }) => {
        const { status } = (await request.json()) as { status: 'active' | 'inactive' }
        const row = rows.find((r) => r.id === params.id)
        return HttpResponse.json({ webhook: { ...row, status } })
      }),
    )
    const App = await loadReadmeApp()
    render(
      <SWRConfig value={{ provider: () => new Map() }}>
        <App />
      </SWRConfig>,
    )
    expect(screen.getByText('Loading webhooks…')).toBeInTheDocument()
    const list = await screen.findByRole('list')
    expect(authorization).toBe('Bearer session-token')
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.split(':')[0]),
    ).toEqual(['Stripe', 'GitHub'])

    act(() => screen.getByRole('button', { name: 'Sort by name (none)' }).click())
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(/^GitHub/)

    act(() => screen.getByRole('button', { name: 'Enable GitHub' }).click())
    await screen.findByRole('button', { name: 'Disable GitHub' })

    const search = screen.getByRole('textbox', { name: 'Search webhooks' })
    act(() => {
      // a controlled input: set the value the way React listens for it
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(search, 'stri')
      search.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await waitFor(() => expect(screen.getByText('1 of 2')).toBeInTheDocument())
  })

  it('shows the reason and a way to try again when the endpoint fails', async () => {
    server.use(http.get(API, () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 })))
    const App = await loadReadmeApp()
    render(
      <SWRConfig value={{ provider: () => new Map() }}>
        <App />
      </SWRConfig>,
    )
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Unauthorized')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})
