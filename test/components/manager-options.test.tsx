import { screen, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { webhooksProviderPropNames } from '../../src/components/use-webhook-manager'
import type { WebhookClientOptions } from '../../src/core'
import { createWebhookClient } from '../../src/core'
import { makeWebhook } from '../core/fixtures'
import { API, setupMswServer } from '../react/utils'
import { renderManager } from './helpers'

// Watch what the provider hands to createWebhookClient (the real one still runs).
vi.mock('integration-webhooks/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('integration-webhooks/core')>()
  return { ...actual, createWebhookClient: vi.fn(actual.createWebhookClient) }
})

const server = setupMswServer()

// One value for every client option. The type lists every key of WebhookClientOptions as
// required: a new client option fails to compile here until it has a value, and the test
// below then checks that the manager passes it on to the client.
const given: { [K in keyof Required<WebhookClientOptions>]: NonNullable<WebhookClientOptions[K]> } = {
  apiUrl: API,
  fetch: (input, init) => globalThis.fetch(input, init),
  headers: { 'x-host': 'manager' },
  getToken: () => 'token-1',
  credentials: 'include',
  timeoutMs: 12_345,
  retry: { retries: 0 },
  routes: { list: () => '' },
}

describe('IntegrationWebhookManager: client options', () => {
  it('passes every client option on to the client it makes (and the request shows them)', async () => {
    let seen: Request | undefined
    server.use(
      http.get(API, ({ request }) => {
        seen = request
        return HttpResponse.json({ webhooks: [makeWebhook({ id: 'github-webhook', name: 'GitHub' })] })
      }),
    )
    const made = vi.mocked(createWebhookClient)
    made.mockClear()
    renderManager(given)
    await screen.findByRole('button', { name: 'Details for GitHub' })

    expect(made).toHaveBeenCalled()
    const options = made.mock.calls.at(-1)?.[0] ?? {}
    const keys = Object.keys(given) as (keyof WebhookClientOptions)[]
    const dropped = keys.filter((key) => options[key] === undefined)
    expect(dropped).toEqual([])
    for (const key of keys) {
      // Values arrive as given; functions (and objects holding them) are wrapped to read the latest props.
      if (typeof given[key] !== 'function' && typeof given[key] !== 'object') expect(options[key]).toBe(given[key])
    }
    await waitFor(() => expect(seen).toBeDefined())
    expect(seen?.headers.get('x-host')).toBe('manager')
    expect(seen?.headers.get('authorization')).toBe('Bearer token-1')
  })

  it('hands its provider every provider prop by name: the client options, client, catalog, fallback and swr', () => {
    expect([...webhooksProviderPropNames].sort()).toEqual(
      [...Object.keys(given), 'client', 'catalog', 'fallback', 'swr'].sort(),
    )
  })
})
