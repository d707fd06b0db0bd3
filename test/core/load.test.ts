import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/core'
import { createWebhookClient } from '../../src/core/client'
import { WebhookApiError } from '../../src/core/errors'
import { loadWebhooks } from '../../src/core/load'
import { makeWebhook } from './fixtures'

const API = 'http://app.test/api/integration-webhooks'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const client = createWebhookClient({ apiUrl: API, retry: false })
const settings = { userId: 'user_1', origin: 'https://app.test', now: '2026-01-01T00:00:00.000Z' }
const options = { fallback: settings }
const available = defaultCatalog.integrations.filter((i) => i.isAvailable).length

describe('loadWebhooks', () => {
  it('returns saved rows when there are any', async () => {
    server.use(http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'saved-1' })] })))
    const result = await loadWebhooks(client, options)
    expect(result.source).toBe('saved')
    expect(result.webhooks.map((w) => w.id)).toEqual(['saved-1'])
  })

  it('respects a source the API states', async () => {
    server.use(http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook()], source: 'generated' })))
    expect((await loadWebhooks(client, options)).source).toBe('generated')
  })

  describe('when the API has nothing saved', () => {
    it('generates suggested rows for every available integration', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [] })))
      const result = await loadWebhooks(client, options)
      expect(result.source).toBe('generated')
      expect(result.webhooks).toHaveLength(available)
      expect(result.webhooks.every((w) => w.status === 'inactive' && w.external_config.setup_required)).toBe(true)
      expect(result.webhooks[0]?.webhook_url).toBe('https://app.test/api/integration-webhooks/gmail')
    })

    it('generates rows for the given catalog only', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [] })))
      const github = defaultCatalog.get('github')
      const result = await loadWebhooks(client, { ...options, catalog: github ? [github] : [] })
      expect(result.webhooks.map((w) => w.provider_id)).toEqual(['github'])
    })

    it('shows the empty list as it is with fallback: { enabled: false }', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [] })))
      expect(await loadWebhooks(client, { fallback: { ...settings, enabled: false } })).toMatchObject({
        webhooks: [],
        source: 'saved',
      })
    })

    it('shows the empty list as it is with fallback: false', async () => {
      server.use(http.get(API, () => HttpResponse.json([])))
      expect(await loadWebhooks(client, { fallback: false })).toEqual({
        webhooks: [],
        source: 'saved',
        invalid: [],
      })
    })
  })

  it('does not call a list whose rows were all invalid "empty": it reports them, generates nothing', async () => {
    server.use(http.get(API, () => HttpResponse.json({ webhooks: [{ id: 'x' }] })))
    const result = await loadWebhooks(client, options)
    expect(result.webhooks).toEqual([])
    expect(result.source).toBe('saved')
    expect(result.invalid).toHaveLength(1)
  })

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [500, 'server'],
    [404, 'not-found'],
  ] as const)('throws on %s (%s), never inventing rows', async (status, kind) => {
    server.use(http.get(API, () => HttpResponse.json({ error: 'no' }, { status })))
    await expect(loadWebhooks(client, options)).rejects.toMatchObject({ kind })
  })

  it('throws on a network error', async () => {
    server.use(http.get(API, () => HttpResponse.error()))
    await expect(loadWebhooks(client, options)).rejects.toBeInstanceOf(WebhookApiError)
  })

  it('generates rows on 404 only when the host opts in', async () => {
    server.use(http.get(API, () => HttpResponse.json({ error: 'Not Found' }, { status: 404 })))
    const result = await loadWebhooks(client, { fallback: { ...settings, onNotFound: true } })
    expect(result.source).toBe('generated')
    expect(result.webhooks).toHaveLength(available)
  })

  it('does not generate rows on 401 even with fallback.onNotFound', async () => {
    server.use(http.get(API, () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 })))
    await expect(loadWebhooks(client, { fallback: { ...settings, onNotFound: true } })).rejects.toMatchObject({
      kind: 'unauthorized',
    })
  })
})
